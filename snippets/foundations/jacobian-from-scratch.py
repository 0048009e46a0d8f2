import torch
from torch.func import jacrev

from nnref.autodiff.jacobian import (
    chain_jacobian,
    linear_backward,
    linear_jacobian,
    softmax,
    softmax_jacobian,
    tanh_jacobian,
)
from nnref.autodiff.numeric import numerical_jacobian

torch.manual_seed(0)
n, hidden, m = 4, 5, 3
W1, b1 = torch.randn(hidden, n, dtype=torch.float64), torch.randn(hidden, dtype=torch.float64)
W2, b2 = torch.randn(m, hidden, dtype=torch.float64), torch.randn(m, dtype=torch.float64)
x = torch.randn(n, dtype=torch.float64)


def net(x):  # x -> W1 x + b1 -> tanh -> W2 h + b2 -> softmax
    return torch.softmax(W2 @ torch.tanh(W1 @ x + b1) + b2, dim=0)


# The chain rule: J = J_softmax J_linear2 J_tanh J_linear1 (in reverse order of application)
a1 = W1 @ x + b1
z2 = W2 @ torch.tanh(a1) + b2
J = chain_jacobian(
    linear_jacobian(W1), tanh_jacobian(a1), linear_jacobian(W2), softmax_jacobian(z2)
)
print("J:", tuple(J.shape))
print("chain == jacrev:", torch.allclose(J, jacrev(net)(x)))
print("chain == central differences:", torch.allclose(J, numerical_jacobian(net, x), atol=1e-9))
print("softmax:", torch.allclose(softmax(z2), torch.softmax(z2, dim=0)))

# The backward pass of a Linear layer without autograd
X = torch.randn(8, n, dtype=torch.float64, requires_grad=True)
W = W1.clone().requires_grad_()
G = torch.randn(8, hidden, dtype=torch.float64)
(X @ W.T * G).sum().backward()  # dL/dY = G
dX, dW, db = linear_backward(G, X.detach(), W.detach())
print(
    "G W == X.grad:", torch.allclose(dX, X.grad), "| G^T X == W.grad:", torch.allclose(dW, W.grad)
)
print("shapes:", tuple(dX.shape), tuple(dW.shape), tuple(db.shape))
