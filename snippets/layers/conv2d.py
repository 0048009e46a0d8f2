import math

import torch
from torch import nn

torch.manual_seed(0)

# 3 colour channels in, 16 feature maps out, 3 x 3 kernels, padding 1 keeps H and W
layer = nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3, padding=1)
print("weight", tuple(layer.weight.shape))  # (out_channels, in_channels, kH, kW)
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 16*3*3*3 + 16

images = torch.randn(4, 3, 32, 32)  # (N, C, H, W)
print("output", tuple(layer(images).shape))
print("stride 2", tuple(nn.Conv2d(3, 16, 3, stride=2, padding=1)(images).shape))

# Default init: weight and bias uniform in +-1/sqrt(fan_in), fan_in = 3 * 3 * 3
bound = 1 / math.sqrt(3 * 3 * 3)
print("init within bound:", bool(layer.weight.abs().max() <= bound))

# One output value: the 3 x 3 x 3 window times filter 5, plus its bias (no kernel flip)
window = nn.functional.pad(images, (1, 1, 1, 1))[0, :, 10:13, 20:23]
manual = (layer.weight[5] * window).sum() + layer.bias[5]
print("one output by hand:", torch.allclose(layer(images)[0, 5, 10, 20], manual, atol=1e-6))
