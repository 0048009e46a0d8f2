import torch
from torch import nn

torch.manual_seed(0)

layer = nn.LazyConv3d(out_channels=8, kernel_size=(3, 3, 3), padding=1, groups=2)
print("has lazy parameters:", nn.modules.lazy.LazyModuleMixin.has_uninitialized_params(layer))

volume = torch.randn(1, 4, 8, 16, 16)  # (N, C, D, H, W) with C = 4
print("output", tuple(layer(volume).shape))
print(type(layer).__name__, "in_channels =", layer.in_channels)
print("weight", tuple(layer.weight.shape))  # (8, 4 / groups, 3, 3, 3)
