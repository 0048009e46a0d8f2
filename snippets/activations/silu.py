import torch
from torch import nn

silu = nn.SiLU()  # inplace=False
x = torch.tensor([-4.0, -1.0, 0.0, 1.0, 4.0], requires_grad=True)
y = silu(x)
print(y.detach().round(decimals=4))
print("x * sigmoid(x):", torch.allclose(y, x * torch.sigmoid(x)))

y.sum().backward()
s = torch.sigmoid(x.detach())
print("gradient = s * (1 + x * (1 - s)):", torch.allclose(x.grad, s * (1 + x.detach() * (1 - s))))

grid = torch.linspace(-3, 0, 300_001, dtype=torch.float64)
values = torch.nn.functional.silu(grid)
print(f"minimum {values.min():.4f} at x = {grid[values.argmin()]:.4f}")
