import itertools

import torch

torch.manual_seed(0)


def f(x):  # a smooth function of 3 variables
    return torch.sin(x[0]) * x[1] + torch.exp(0.5 * x[2]) * x[0] ** 2


x = torch.tensor([0.5, -1.0, 0.3], dtype=torch.float64, requires_grad=True)
(g,) = torch.autograd.grad(f(x), x)  # the vector of partial derivatives
x = x.detach()
print("gradient:", g.round(decimals=4))


# The directional derivative along a unit vector u is g . u: largest for u = g / |g|
def slope(u):
    return (f(x + 1e-6 * u) - f(x - 1e-6 * u)) / 2e-6


U = torch.nn.functional.normalize(torch.randn(1000, 3, dtype=torch.float64), dim=1)
best_random = max(slope(u).item() for u in U)
print(
    "slope along g/|g|:", round(slope(g / g.norm()).item(), 4), "| |g|:", round(g.norm().item(), 4)
)
print("best of 1000 random directions <= |g|:", best_random <= g.norm().item())

# First-order Taylor: f(x + d) = f(x) + g . d + O(|d|^2); halving d quarters the remainder
d = torch.tensor([0.1, 0.2, -0.1], dtype=torch.float64)
remainder = [(f(x + t * d) - f(x) - t * (g @ d)).abs().item() for t in (1.0, 0.5, 0.25)]
print("remainder ratios:", [round(a / b, 2) for a, b in itertools.pairwise(remainder)])

# One descent step theta <- theta - eta * grad lowers the function
eta = 0.1
print("f(x) =", round(f(x).item(), 4), "-> f(x - eta g) =", round(f(x - eta * g).item(), 4))
