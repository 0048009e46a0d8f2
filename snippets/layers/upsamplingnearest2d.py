import torch
from torch import nn
from torch.nn import functional as F

x = torch.arange(6.0).reshape(1, 1, 2, 3)
layer = nn.UpsamplingNearest2d(scale_factor=2)
print(tuple(layer(x).shape))
print(layer(x)[0, 0].int().tolist())

# The same as Upsample(mode="nearest") and F.interpolate(mode="nearest")
print("equals Upsample:", torch.equal(layer(x), nn.Upsample(scale_factor=2)(x)))
print("equals interpolate:", torch.equal(layer(x), F.interpolate(x, scale_factor=2)))
