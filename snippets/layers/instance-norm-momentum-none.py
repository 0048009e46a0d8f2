import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 2, 8) + 5

bn = nn.BatchNorm1d(2, momentum=None)  # cumulative average
inorm = nn.InstanceNorm1d(2, momentum=None, track_running_stats=True)
for _ in range(3):
    bn(x)
    inorm(x)
print("BatchNorm1d    running_mean:", [round(v, 2) for v in bn.running_mean.tolist()])
print("InstanceNorm1d running_mean:", inorm.running_mean.tolist())  # never updated
print("num_batches_tracked:", bn.num_batches_tracked.item(), inorm.num_batches_tracked.item())
