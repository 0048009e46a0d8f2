import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 6, 4, 4)

# num_groups = 1: one group holds every channel and position, as LayerNorm over (C, H, W)
print(
    "GroupNorm(1, 6) = LayerNorm((6, 4, 4)):",
    torch.allclose(nn.GroupNorm(1, 6)(x), nn.LayerNorm((6, 4, 4))(x), atol=1e-5),
)
# ...but the affine parameters differ: one per channel vs one per element
print(
    "weights:", tuple(nn.GroupNorm(1, 6).weight.shape), tuple(nn.LayerNorm((6, 4, 4)).weight.shape)
)

# num_groups = C: one group per channel, as InstanceNorm2d
print(
    "GroupNorm(6, 6) = InstanceNorm2d(6):",
    torch.allclose(nn.GroupNorm(6, 6)(x), nn.InstanceNorm2d(6)(x), atol=1e-5),
)
