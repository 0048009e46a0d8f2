import torch
from torch import nn

x = torch.arange(1.0, 9.0).reshape(1, 1, 2, 2, 2)  # (N, C, D, H, W)

pad = nn.ReflectionPad3d((0, 0, 0, 0, 1, 1))  # only the depth: front 1, back 1
y = pad(x)
print(tuple(y.shape))
print("front slice = slice 1:", torch.equal(y[0, 0, 0], x[0, 0, 1]))
print("back slice = slice 0:", torch.equal(y[0, 0, 3], x[0, 0, 0]))
