import torch
from torch import nn

torch.manual_seed(0)

legacy = nn.CrossMapLRN2d(size=3, alpha=1e-4, beta=0.75, k=1)
modern = nn.LocalResponseNorm(size=3, alpha=1e-4, beta=0.75, k=1.0)
x = torch.randn(2, 6, 4, 4) * 50  # large values: the sum of squares matters

y = legacy(x)
print("output", tuple(y.shape))
print(
    "equal to LocalResponseNorm, per channel:",
    [torch.allclose(y[:, c], modern(x)[:, c]) for c in range(6)],
)

try:
    legacy(torch.randn(2, 6, 4))  # only (N, C, H, W) is accepted
except ValueError as error:
    print("ValueError:", error)
