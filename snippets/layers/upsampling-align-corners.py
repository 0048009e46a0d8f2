import torch
from torch import nn

x = torch.tensor([[[[0.0, 3.0]]]], dtype=torch.float64)  # one row, two pixels

modern = nn.Upsample(scale_factor=(1, 3), mode="bilinear")  # align_corners=False
legacy = nn.UpsamplingBilinear2d(scale_factor=(1, 3))  # align_corners=True
print("Upsample(bilinear):   ", modern(x)[0, 0, 0].round(decimals=3).tolist())
print("UpsamplingBilinear2d: ", legacy(x)[0, 0, 0].round(decimals=3).tolist())
print("same result:", torch.allclose(modern(x), legacy(x)))
