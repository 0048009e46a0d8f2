import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([-4.0, -1.0, 0.0, 1.0, 4.0], requires_grad=True)
y = nn.Mish()(x)
print(y.detach().round(decimals=4))
print("x * tanh(softplus(x)):", torch.allclose(y, x * torch.tanh(F.softplus(x))))

y.sum().backward()
print("Mish'(0) = tanh(log 2) = 0.6:", round(x.grad[2].item(), 6))

grid = torch.linspace(-3, 0, 300_001, dtype=torch.float64)
values = F.mish(grid)
print(f"minimum {values.min():.4f} at x = {grid[values.argmin()]:.4f}")
