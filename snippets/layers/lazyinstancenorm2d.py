import warnings

import torch
from torch import nn

torch.manual_seed(0)

# With InstanceNorm2d's own defaults there is no parameter or buffer to infer
lazy = nn.LazyInstanceNorm2d(affine=False, track_running_stats=False)
x = torch.randn(2, 3, 6, 6)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    y = lazy(x)
print(type(lazy).__name__, "num_features =", lazy.num_features)  # stays 0
print("warnings:", [w.category.__name__ for w in caught])  # size at dim=1 does not match
print("same values as InstanceNorm2d(3):", torch.allclose(y, nn.InstanceNorm2d(3)(x)))
