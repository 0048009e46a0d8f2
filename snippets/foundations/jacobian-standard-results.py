import torch
from torch.autograd import grad

torch.manual_seed(0)
n, m, B = 4, 3, 5
x = torch.randn(n, dtype=torch.float64, requires_grad=True)
a = torch.randn(n, dtype=torch.float64)
A = torch.randn(n, n, dtype=torch.float64)

# d(a^T x)/dx = a  (a gradient: shaped like x)
(g,) = grad(a @ x, x)
print("d(a.x)/dx = a:", torch.allclose(g, a), tuple(g.shape))

# d(x^T A x)/dx = (A + A^T) x ; it is 2 A x only for a symmetric A
(g,) = grad(x @ A @ x, x)
print("d(x.Ax)/dx = (A + A^T) x:", torch.allclose(g, (A + A.T) @ x))
print("... and not 2 A x:", torch.allclose(g, 2 * A @ x))

# A scalar loss L(y) with y = W x: dL/dW = (dL/dy) x^T, shaped like W
W = torch.randn(m, n, dtype=torch.float64, requires_grad=True)
y = W @ x
L = (y**3).sum()
dL_dy = 3 * y.detach() ** 2
(dW,) = grad(L, W)
print("dL/dW = (dL/dy) x^T:", torch.allclose(dW, torch.outer(dL_dy, x.detach())), tuple(dW.shape))

# Batch form, Y = X W^T (nn.Linear, rows are examples): dL/dW = G^T X, dL/dX = G W
X = torch.randn(B, n, dtype=torch.float64, requires_grad=True)
Y = X @ W.T
G = torch.randn(B, m, dtype=torch.float64)  # G = dL/dY for the loss L = sum(G * Y)
dX, dW = grad((G * Y).sum(), (X, W))
print("dL/dW = G^T X:", torch.allclose(dW, G.T @ X.detach()), tuple(dW.shape))
print("dL/dX = G W:  ", torch.allclose(dX, G @ W.detach()), tuple(dX.shape))
