import torch
from torch import nn
from torch.nn import functional as F

x = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]], dtype=torch.float64)
layer = nn.UpsamplingBilinear2d(scale_factor=2)
print(tuple(layer(x).shape))
print(layer(x)[0, 0, 0].round(decimals=4).tolist())  # corners kept: 1 ... 2 in steps of 1/3

# It is bilinear interpolation with align_corners=True
same = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)
print("equals align_corners=True:", torch.allclose(layer(x), same))
