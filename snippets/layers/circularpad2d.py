import torch
from torch import nn

x = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)  # (N, C, H, W)

pad = nn.CircularPad2d(1)
y = pad(x)
print(tuple(y.shape))
print(y[0, 0])  # the image is treated as a torus

# A pad may not wrap around more than once
try:
    nn.CircularPad2d(4)(x)
except RuntimeError as error:
    print("RuntimeError:", error)
