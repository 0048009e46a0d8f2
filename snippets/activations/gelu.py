import math

import torch
from torch import nn

exact = nn.GELU()  # approximate="none": x * Phi(x)
approx = nn.GELU(approximate="tanh")
print(exact, approx)

x = torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0])
print(exact(x).round(decimals=4))
print(approx(x).round(decimals=4))

x64 = x.double()
phi = 0.5 * (1 + torch.erf(x64 / math.sqrt(2)))  # the standard normal CDF
print("GELU(x) = x * Phi(x):", torch.allclose(exact(x64), x64 * phi))

grid = torch.linspace(-6, 6, 120_001, dtype=torch.float64)
difference = (exact(grid) - approx(grid)).abs()
print(f"max |exact - tanh| = {difference.max():.2e} at |x| = {grid[difference.argmax()].abs():.2f}")
values = exact(grid)
print(f"minimum {values.min():.4f} at x = {grid[values.argmin()]:.4f}")
