import torch
from torch.autograd.functional import jacobian

torch.manual_seed(0)
n, m = 6, 4
W = torch.randn(m, n, dtype=torch.float64, requires_grad=True)
x = torch.randn(n, dtype=torch.float64)
g = torch.randn(m, dtype=torch.float64)  # dL/dy at y = W x

# The Jacobian of y = W x with respect to W: d y_i / d W_jk = delta_ij x_k, shape (m, m, n)
J = jacobian(lambda W: W @ x, W.detach())
print("dy/dW:", tuple(J.shape), "entries:", J.numel(), "nonzero:", int((J != 0).sum()))

# Backward never builds it: the vector-Jacobian product g^T J collapses to g x^T
vJ = torch.einsum("i,ijk->jk", g, J)
(W @ x).backward(g)
print(
    "g^T J == g x^T == W.grad:", torch.allclose(vJ, torch.outer(g, x)), torch.allclose(vJ, W.grad)
)

# The same count for nn.Linear(4096, 4096): the Jacobian vs the gradient it produces
m = n = 4096
print(f"Jacobian entries: {m * m * n:.1e} | gradient entries: {m * n:.1e}")
