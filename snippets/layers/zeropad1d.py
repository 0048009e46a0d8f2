import torch
from torch import nn

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])  # (N, C, W) = (1, 1, 4)

pad = nn.ZeroPad1d((2, 1))  # (left, right)
y = pad(x)
print(tuple(y.shape))  # W: 4 + 2 + 1 = 7
print(y)

print(nn.ZeroPad1d(2)(x))  # an int pads both sides
print(nn.ZeroPad1d((-1, 1))(x))  # a negative pad crops
