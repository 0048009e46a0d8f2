import torch
from torch.func import jacfwd, jacrev

torch.manual_seed(0)
x = torch.randn(3, dtype=torch.float64)
M = torch.randn(50, 3, dtype=torch.float64)


def f(x):  # R^3 -> R^50: few inputs, many outputs
    return torch.sin(M @ x)


# Forward mode builds the Jacobian column by column (one JVP per input),
# reverse mode row by row (one VJP per output); the result is the same
Jf, Jr = jacfwd(f)(x), jacrev(f)(x)
print("shape:", tuple(Jf.shape), "| jacfwd == jacrev:", torch.allclose(Jf, Jr))
print("JVPs needed:", x.numel(), "| VJPs needed:", f(x).numel())
print("J == diag(cos(Mx)) M:", torch.allclose(Jf, torch.cos(M @ x)[:, None] * M))

# jacfwd(jacrev(g)) is the efficient way to a Hessian
g = lambda x: (x**4).sum()  # noqa: E731
print("Hessian == diag(12 x^2):", torch.allclose(jacfwd(jacrev(g))(x), torch.diag(12 * x**2)))
