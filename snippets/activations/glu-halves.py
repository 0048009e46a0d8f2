import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(4, 16)
wrong = nn.Sequential(nn.Linear(16, 16), nn.GLU(), nn.Linear(16, 8))
try:
    wrong(x)
except RuntimeError as error:
    print("RuntimeError:", error)  # GLU turned 16 features into 8

right = nn.Sequential(nn.Linear(16, 2 * 16), nn.GLU(), nn.Linear(16, 8))  # produce 2n for GLU
print(tuple(right(x).shape))

try:
    nn.GLU()(torch.randn(4, 15))
except RuntimeError as error:
    print("RuntimeError:", error)

# a gated convolution: (N, 2C, L) from Conv1d; the channels must be halved, not the time axis
features = nn.Conv1d(8, 2 * 16, kernel_size=3, padding=1)(torch.randn(4, 8, 10))
print(
    "GLU():", tuple(nn.GLU()(features).shape), "GLU(dim=1):", tuple(nn.GLU(dim=1)(features).shape)
)
