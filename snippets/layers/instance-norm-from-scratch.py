import torch
from torch import nn

from nnref.layers.instance_norm import InstanceNorm

torch.manual_seed(0)

ours = InstanceNorm(3, affine=True, track_running_stats=True, spatial_dims=2)
theirs = nn.InstanceNorm2d(3, affine=True, track_running_stats=True)
same = []
for step in range(3):
    x = torch.randn(4, 3, 5, 5) * (step + 1) + step
    same.append(torch.allclose(ours(x), theirs(x), atol=1e-5))
print("train outputs equal:", same)
print(
    "running_mean, running_var equal:",
    torch.allclose(ours.running_mean, theirs.running_mean),
    torch.allclose(ours.running_var, theirs.running_var),
)
ours.eval()
theirs.eval()
x = torch.randn(4, 3, 5, 5)
print("eval outputs equal:", torch.allclose(ours(x), theirs(x), atol=1e-5))
print("unbatched (C, H, W) equal:", torch.allclose(ours(x[0]), theirs(x[0]), atol=1e-5))
