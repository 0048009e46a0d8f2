import torch
from torch import nn

torch.manual_seed(0)

inorm = nn.InstanceNorm1d(num_features=3)  # affine=False, track_running_stats=False
print(inorm)
print("parameters:", sum(p.numel() for p in inorm.parameters()), "buffers:", list(inorm.buffers()))

x = torch.randn(2, 3, 10) * 4 + 2  # (N, C, L)
y = inorm(x)
print("output", tuple(y.shape))
# One mean and one variance per example and channel, over the length L
manual = (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, keepdim=True, correction=0) + 1e-5)
print("same as the formula:", torch.allclose(y, manual, atol=1e-5))
print("unbatched (C, L):", tuple(inorm(x[0]).shape))
