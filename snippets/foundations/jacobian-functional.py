import torch
from torch.autograd.functional import jacobian

torch.manual_seed(0)
W = torch.randn(3, 4, dtype=torch.float64)
b = torch.randn(3, dtype=torch.float64)
x = torch.randn(4, dtype=torch.float64)


def f(x):  # R^4 -> R^3
    return torch.tanh(W @ x + b)


J = jacobian(f, x)  # output.shape + input.shape
print("J:", tuple(J.shape))
# Analytic: diag(1 - tanh^2(Wx + b)) W
print("J == diag(tanh') W:", torch.allclose(J, torch.diag(1 - f(x) ** 2) @ W))

# Several inputs: a tuple of Jacobians, one per input
Jx, Jb = jacobian(lambda x, b: torch.tanh(W @ x + b), (x, b))
print("d/dx:", tuple(Jx.shape), "d/db:", tuple(Jb.shape))

# The four ways of computing it agree (forward mode needs vectorize=True)
for vectorize, strategy in [
    (False, "reverse-mode"),
    (True, "reverse-mode"),
    (True, "forward-mode"),
]:
    same = torch.allclose(jacobian(f, x, vectorize=vectorize, strategy=strategy), J)
    print(f"vectorize={vectorize!s:5} strategy={strategy!r}:", same)

# A batch of inputs gives a (B, m, B, n) Jacobian, zero off the diagonal blocks
X = torch.randn(2, 4, dtype=torch.float64)
print("batched:", tuple(jacobian(lambda X: torch.tanh(X @ W.T), X).shape))
