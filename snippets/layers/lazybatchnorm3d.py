import torch
from torch import nn

torch.manual_seed(0)

bn = nn.LazyBatchNorm3d(momentum=None)  # every other argument as in BatchNorm3d
x = torch.randn(2, 3, 2, 4, 4)
bn(x)
print(bn)
print(
    "running_mean equals the batch mean (first batch, momentum=None):",
    torch.allclose(bn.running_mean, x.mean(dim=(0, 2, 3, 4))),
)
