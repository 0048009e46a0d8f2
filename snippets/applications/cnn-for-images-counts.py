import torch
from torch import nn

from nnref.vision.counting import conv2d_params, dense_map_params

# 32x32 RGB image -> 16 feature maps of 32x32: dense layer vs 3x3 convolution
dense = nn.Linear(3 * 32 * 32, 16 * 32 * 32, device="meta")  # meta: shapes only, no memory
conv = nn.Conv2d(3, 16, kernel_size=3, padding=1)
n_dense = sum(p.numel() for p in dense.parameters())
n_conv = sum(p.numel() for p in conv.parameters())
print(f"dense: {n_dense:,}  formula: {dense_map_params((3, 32, 32), (16, 32, 32)):,}")
print(f"conv:  {n_conv:,}  formula: {conv2d_params(3, 16, 3):,}")
print(f"ratio: {n_dense / n_conv:,.0f}")

# A 224x224 RGB image: 150 528 inputs; one dense layer of 1000 units
big = nn.Linear(224 * 224 * 3, 1000, device="meta")
print(
    f"224x224x3 -> 1000 dense: {sum(p.numel() for p in big.parameters()):,}",
    dense_map_params((3, 224, 224), (1000,)) == sum(p.numel() for p in big.parameters()),
)

# The conv layer's count does not depend on the image size
x = torch.randn(1, 3, 224, 224)
print("same conv on 224x224:", tuple(conv(x).shape), "params still", n_conv)
