import torch
from torch import nn

torch.manual_seed(0)

gn = nn.GroupNorm(num_groups=2, num_channels=6)  # eps=1e-05, affine=True
print("parameters:", [(name, tuple(p.shape)) for name, p in gn.named_parameters()])  # per channel

x = torch.randn(2, 6, 4, 4) * 3 + 1
y = gn(x)
print("output", tuple(y.shape))

# Channels 0-2 form group 0 and channels 3-5 group 1: one mean and variance per example and group
groups = x.reshape(2, 2, -1)  # (N, groups, 3 * 4 * 4)
manual = (groups - groups.mean(-1, keepdim=True)) / torch.sqrt(
    groups.var(-1, keepdim=True, correction=0) + gn.eps
)
print("same as the formula:", torch.allclose(y, manual.reshape(x.shape), atol=1e-5))
print(
    "batch of 1 in training:", tuple(gn(x[:1]).shape), torch.allclose(gn(x[:1]), y[:1], atol=1e-6)
)

try:
    nn.GroupNorm(4, 6)
except ValueError as error:
    print("ValueError:", error)
