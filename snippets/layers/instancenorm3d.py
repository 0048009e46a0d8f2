import torch
from torch import nn

torch.manual_seed(0)

inorm = nn.InstanceNorm3d(num_features=2, track_running_stats=True)
x = torch.randn(4, 2, 3, 4, 4) + 1  # (N, C, D, H, W)
inorm(x)  # training: normalizes with each instance's statistics and updates the estimates

# running_mean = 0.9 * 0 + 0.1 * (batch average of the per-instance means)
instance_means = x.mean(dim=(2, 3, 4))  # (N, C)
print("running_mean:", torch.allclose(inorm.running_mean, 0.1 * instance_means.mean(0)))
print("num_batches_tracked stays", inorm.num_batches_tracked.item())

inorm.eval()  # with tracked statistics, evaluation uses them instead of the instance's own
print(
    "eval uses running stats:",
    not torch.allclose(inorm(x).mean(dim=(2, 3, 4)), torch.zeros(4, 2), atol=1e-3),
)
