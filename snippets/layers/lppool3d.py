import torch
from torch import nn

torch.manual_seed(0)

pool = nn.LPPool3d(norm_type=1, kernel_size=2)  # p = 1: sum pooling
volume = torch.rand(2, 3, 4, 6, 6)
y = pool(volume)
print("output", tuple(y.shape))

# (sum x^1)^(1/1): the sum of each 2 x 2 x 2 cube
print("sum of each cube:", torch.allclose(y, nn.AvgPool3d(2)(volume) * 8))
