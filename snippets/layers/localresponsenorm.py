import torch
from torch import nn

torch.manual_seed(0)

lrn = nn.LocalResponseNorm(size=3, alpha=0.5, beta=0.75, k=1.0)  # defaults: 1e-4, 0.75, 1.0
x = torch.randn(2, 5, 4, 4)  # (N, C, H, W); any (N, C, *) with at least 3 dimensions
y = lrn(x)
print("output", tuple(y.shape), "parameters:", sum(p.numel() for p in lrn.parameters()))

# b_c = a_c / (k + alpha / n * sum of a^2 over channels c-1 .. c+1) ** beta
c = 2
energy = x[:, c - 1 : c + 2].pow(2).sum(dim=1)
manual = x[:, c] / (1.0 + 0.5 / 3 * energy) ** 0.75
print("channel 2 equals the formula:", torch.allclose(y[:, c], manual))

# At the edges the window is cut: channel 0 sums channels 0 and 1, still divided by n = 3
manual0 = x[:, 0] / (1.0 + 0.5 / 3 * x[:, 0:2].pow(2).sum(dim=1)) ** 0.75
print("channel 0 equals the formula:", torch.allclose(y[:, 0], manual0))
