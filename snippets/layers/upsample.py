import torch
from torch import nn

x = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]])  # (N=1, C=1, H=2, W=2)

nearest = nn.Upsample(scale_factor=2)  # mode="nearest" by default
print(tuple(nearest(x).shape))
print(nearest(x)[0, 0].tolist())  # every pixel becomes a 2x2 block

bilinear = nn.Upsample(scale_factor=2, mode="bilinear")  # align_corners=False by default
print(bilinear(x)[0, 0, 0].tolist())  # first row: 1, 1.25, 1.75, 2

print(tuple(nn.Upsample(size=(3, 5))(x).shape))  # a target size instead of a factor
print(tuple(nn.Upsample(scale_factor=2)(torch.randn(1, 1, 3)).shape))  # 1-D: (N, C, L)
print(tuple(nn.Upsample(scale_factor=2, mode="trilinear")(torch.randn(1, 1, 2, 2, 2)).shape))
