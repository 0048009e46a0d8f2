import torch
from torch import nn

torch.manual_seed(0)
images = torch.randn(2, 4, 4, 4)  # (N, C, H, W) with C = W = 4

ln = nn.LayerNorm(4)  # meant: normalize over the 4 channels
y = ln(images)  # runs, but normalizes over the LAST axis, W
print("mean over W is 0:", torch.allclose(y.mean(dim=3), torch.zeros(2, 4, 4), atol=1e-6))
print("mean over C is 0:", torch.allclose(y.mean(dim=1), torch.zeros(2, 4, 4), atol=1e-6))

# Over the channels: move C last, normalize, move it back
y = ln(images.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
print(
    "after permuting, mean over C is 0:",
    torch.allclose(y.mean(dim=1), torch.zeros(2, 4, 4), atol=1e-6),
)
