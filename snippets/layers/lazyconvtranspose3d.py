import torch
from torch import nn

torch.manual_seed(0)

layer = nn.LazyConvTranspose3d(out_channels=6, kernel_size=2, stride=2, groups=3)
y = layer(torch.randn(1, 9, 2, 4, 4))
print(type(layer).__name__, "in_channels =", layer.in_channels, "groups =", layer.groups)
print("weight", tuple(layer.weight.shape))  # (in_channels, out_channels / groups, 2, 2, 2)
print("output", tuple(y.shape))
