import torch
from torch import nn

torch.manual_seed(0)

lazy = nn.LazyInstanceNorm1d()
y = lazy(torch.randn(2, 5, 7))  # num_features = 5 taken from dimension 1
print("output", tuple(y.shape))
print(lazy)  # note the defaults: affine=True, track_running_stats=True
print(nn.InstanceNorm1d(5))
