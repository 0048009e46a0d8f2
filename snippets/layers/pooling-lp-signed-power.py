import torch
from torch import nn

x = torch.tensor([[[-3.0, -4.0, 3.0, 4.0]]])

print("p=2:", nn.LPPool1d(2, 2)(x))  # squares: the sign does not matter
print("p=1:", nn.LPPool1d(1, 2)(x))  # a plain sum, not sum |x|
print("p=3:", nn.LPPool1d(3, 2)(x))  # (-91) ** (1/3) is NaN

# For a true p-norm of each window, pool the absolute values
print("|x|, p=3:", nn.LPPool1d(3, 2)(x.abs()))
