import math

import torch

f64 = torch.float64


def newton_sqrt(a, iterations=6):
    """sqrt(a) by Newton's iteration x <- (x + a / x) / 2: a loop of differentiable steps."""
    x = torch.ones_like(a)
    for _ in range(iterations):
        x = (x + a / x) / 2
    return x


a = torch.tensor(2.0, dtype=f64, requires_grad=True)
root = newton_sqrt(a)
(grad,) = torch.autograd.grad(root, a)
print("sqrt(2):", round(root.item(), 12), "d/da by autograd:", round(grad.item(), 12))
print("analytic 1/(2 sqrt(a)):", round(1 / (2 * math.sqrt(2)), 12))


def euler_decay(k, steps, horizon=1.0):
    """y(T) for y' = -k y, y(0) = 1, by `steps` explicit Euler steps."""
    y, h = torch.tensor(1.0, dtype=f64), horizon / steps
    for _ in range(steps):
        y = y - h * k * y
    return y


k = torch.tensor(1.0, dtype=f64, requires_grad=True)
for steps in [4, 64, 1024]:
    (dk,) = torch.autograd.grad(euler_decay(k, steps), k)
    exact_program = -((1 - 1 / steps) ** (steps - 1))  # d/dk (1 - k/N)^N at k = 1
    print(f"N={steps:4}: autograd {dk.item():.6f}  program {exact_program:.6f}", end="  ")
    print(f"ODE -e^(-k) {-math.exp(-1):.6f}")
