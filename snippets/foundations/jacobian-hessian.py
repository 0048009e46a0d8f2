import torch
from torch.autograd.functional import hessian

torch.manual_seed(0)
n = 4
A = torch.randn(n, n, dtype=torch.float64)
a = torch.randn(n, dtype=torch.float64)
x = torch.randn(n, dtype=torch.float64)


def f(x):  # a scalar function: x^T A x + a^T x
    return x @ A @ x + a @ x


H = hessian(f, x)  # the Jacobian of the gradient, shape (n, n)
print("H:", tuple(H.shape), "| H == A + A^T:", torch.allclose(H, A + A.T))
print("symmetric:", torch.allclose(H, H.T))

# A non-quadratic function: the Hessian depends on x
g = lambda x: torch.log(1 + (x**2).sum())  # noqa: E731
Hv = hessian(g, x, vectorize=True, outer_jacobian_strategy="forward-mode")
r = 1 + (x**2).sum()
exact = 2 * torch.eye(n, dtype=torch.float64) / r - 4 * torch.outer(x, x) / r**2
print("forward-over-reverse == formula:", torch.allclose(Hv, exact))
