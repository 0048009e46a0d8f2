import torch
from torch import nn

x = torch.arange(1.0, 9.0).reshape(1, 1, 2, 2, 2)  # (N, C, D, H, W)

pad = nn.CircularPad3d((1, 0, 0, 0, 1, 0))  # left 1 and front 1
y = pad(x)
print(tuple(y.shape))
print("front slice = last slice:", torch.equal(y[0, 0, 0, :, 1:], x[0, 0, -1]))
print("left column = last column:", torch.equal(y[0, 0, 1:, :, 0], x[0, 0, :, :, -1]))
