import warnings

import torch
from torch import nn

torch.manual_seed(0)
features = torch.randn(8, 3)  # 8 examples with 3 features: a (N, C) batch

inorm = nn.InstanceNorm1d(3)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    y = inorm(features)  # read as ONE unbatched example: 8 channels of length 3
print("warnings:", [w.category.__name__ for w in caught])
print(
    "it normalized each row, like LayerNorm(3):",
    torch.allclose(y, nn.LayerNorm(3, elementwise_affine=False)(features), atol=1e-6),
)

try:
    nn.InstanceNorm1d(3, affine=True)(features)  # with parameters the mismatch is an error
except ValueError as error:
    print("ValueError:", error)
