import torch
import torch.nn.functional as F

# Soft thresholding solves min_z (z - v)^2 / 2 + lambd * |z| for every v: check on a grid.
lambd = 0.5
v = torch.tensor([-2.0, -0.7, 0.0, 0.3, 1.2], dtype=torch.float64)
z = torch.arange(-30_000, 30_001, dtype=torch.float64) * 1e-4  # candidates, step 1e-4
objective = (z[None, :] - v[:, None]) ** 2 / 2 + lambd * z.abs()[None, :]
best = z[objective.argmin(dim=1)]
print("grid minimizer:", best.round(decimals=4).tolist())
print("softshrink:    ", F.softshrink(v, lambd).round(decimals=4).tolist())
print("equal to 1e-4:", torch.allclose(best, F.softshrink(v, lambd), atol=1e-4))
