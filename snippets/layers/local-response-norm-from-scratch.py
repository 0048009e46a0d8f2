import torch
from torch import nn

from nnref.layers.local_response_norm import cross_map_lrn2d, local_response_norm

torch.manual_seed(0)
x = torch.randn(2, 7, 3, 3) * 10

for size in (2, 3, 5):
    ours = local_response_norm(x, size, alpha=0.01)
    legacy = cross_map_lrn2d(x, size, alpha=0.01)
    print(
        f"size={size}:",
        tuple(ours.shape),
        "LocalResponseNorm",
        torch.allclose(ours, nn.LocalResponseNorm(size, alpha=0.01)(x)),
        "CrossMapLRN2d",
        torch.allclose(legacy, nn.CrossMapLRN2d(size, alpha=0.01)(x)),
    )
