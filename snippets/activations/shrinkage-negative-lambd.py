import torch
from torch import nn

x = torch.tensor([-0.2, 0.0, 0.3])
print(nn.Hardshrink(lambd=-1.0)(x))  # accepted: nothing is zeroed, the identity

soft = nn.Softshrink(lambd=-1.0)  # the constructor accepts it too...
try:
    soft(x)  # ...the error comes only at the first call
except RuntimeError as error:
    print("RuntimeError:", error)
