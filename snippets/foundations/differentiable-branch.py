import torch


def piecewise(x):
    if x > 1:  # the derivative follows the branch that actually ran
        return x**3
    return 3 * x - 2


for value in [2.0, 0.5]:
    x = torch.tensor(value, requires_grad=True)
    piecewise(x).backward()
    print(f"x={value}: grad {x.grad.item()}")


def sqrt_until_converged(a, tol=1e-12):
    x = torch.ones_like(a)
    steps = 0
    while abs(x * x - a) > tol:  # data-dependent number of iterations
        x = (x + a / x) / 2
        steps += 1
    return x, steps


a = torch.tensor(9.0, dtype=torch.float64, requires_grad=True)
root, steps = sqrt_until_converged(a)
root.backward()
print(
    "steps:",
    steps,
    "sqrt:",
    root.item(),
    "grad:",
    round(a.grad.item(), 10),
    "1/6 =",
    round(1 / 6, 10),
)


def power(x, n):  # recursion: x^n = x * x^(n-1)
    return torch.ones_like(x) if n == 0 else x * power(x, n - 1)


x = torch.tensor(2.0, requires_grad=True)
power(x, 5).backward()
print("d/dx x^5 at 2:", x.grad.item(), "= 5 * 2^4:", 5 * 2**4)
