import warnings

import torch
from torch import nn

torch.manual_seed(0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # in_features 8: the clusters get 8 // 4 = 2, 8 // 16 = 0 and 8 // 64 = 0 hidden units
    asm = nn.AdaptiveLogSoftmaxWithLoss(8, 100, cutoffs=[10, 20, 50], div_value=4.0)
print("warning:", caught[0].message)
print("hidden sizes:", [projection.weight.shape[0] for projection, _ in asm.tail])

log_prob = asm.log_prob(torch.randn(2, 8))
print(
    "cluster [20, 50) is uniform:",
    torch.allclose(log_prob[:, 20:50], log_prob[:, 20:21].expand(-1, 30)),
)
