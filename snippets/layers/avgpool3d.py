import torch
from torch import nn

torch.manual_seed(0)

pool = nn.AvgPool3d(kernel_size=2)
volume = torch.randn(2, 1, 4, 8, 8)  # (N, C, D, H, W), e.g. a small CT scan
y = pool(volume)
print("output", tuple(y.shape))

# Each output is the mean of a 2 x 2 x 2 cube of 8 voxels
first_cube = volume[0, 0, 0:2, 0:2, 0:2]
print("first cube mean:", torch.allclose(y[0, 0, 0, 0, 0], first_cube.mean()))
print("divisor 8:", torch.allclose(y[0, 0, 0, 0, 0] * 8, first_cube.sum()))
