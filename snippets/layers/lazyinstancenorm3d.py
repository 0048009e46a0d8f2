import torch
from torch import nn

torch.manual_seed(0)

lazy = nn.LazyInstanceNorm3d()  # defaults: affine=True, track_running_stats=True
x = torch.randn(2, 4, 2, 3, 3)
print("train output", tuple(lazy(x).shape), "weight", tuple(lazy.weight.shape))

lazy.eval()  # evaluation now uses the running estimates, after a single step
per_instance = nn.InstanceNorm3d(4)(x)
print("eval output is per-instance normalization:", torch.allclose(lazy(x), per_instance))
