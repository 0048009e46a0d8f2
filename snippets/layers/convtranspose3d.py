import torch
from torch import nn

torch.manual_seed(0)

# kernel_size == stride: the windows do not overlap, each voxel becomes a 2 x 2 x 2 block
layer = nn.ConvTranspose3d(in_channels=8, out_channels=4, kernel_size=2, stride=2, bias=False)
print("weight", tuple(layer.weight.shape))  # (in, out, kD, kH, kW)

x = torch.randn(1, 8, 4, 8, 8)  # (N, C, D, H, W)
y = layer(x)
print("output", tuple(y.shape))  # every spatial size doubles

# The block written by voxel (1, 2, 3) is x[:, voxel] contracted with the weight
block = torch.einsum("i,iodhw->odhw", x[0, :, 1, 2, 3], layer.weight)
print("block by hand:", torch.allclose(y[0, :, 2:4, 4:6, 6:8], block, atol=1e-6))
