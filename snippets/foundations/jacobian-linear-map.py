import torch
from torch import nn
from torch.autograd.functional import jacobian

torch.manual_seed(0)

# A matrix W of shape (m, n) is a linear map R^n -> R^m: x -> W x
W = torch.randn(3, 4, dtype=torch.float64)
x, u = torch.randn(4, dtype=torch.float64), torch.randn(4, dtype=torch.float64)
print("W x shape:", tuple((W @ x).shape))
print("additive:", torch.allclose(W @ (x + u), W @ x + W @ u))
print("homogeneous:", torch.allclose(W @ (2.5 * x), 2.5 * (W @ x)))

# Composition of linear maps = product of their matrices (applied right to left)
V = torch.randn(2, 3, dtype=torch.float64)
print("V(W x) == (V W) x:", torch.allclose(V @ (W @ x), (V @ W) @ x), tuple((V @ W).shape))

# The Jacobian of x -> W x is W itself, at every point x
print("jacobian == W:", torch.equal(jacobian(lambda v: W @ v, x), W))

# nn.Linear stores W as (out_features, in_features) and computes x W^T + b on row vectors
layer = nn.Linear(4, 3).double()
X = torch.randn(5, 4, dtype=torch.float64)  # 5 row vectors
print("x W^T + b:", torch.allclose(layer(X), X @ layer.weight.T + layer.bias))
# Affine, not linear: the bias breaks f(0) = 0, but the Jacobian is still W
print("layer(0) == bias:", torch.equal(layer(torch.zeros(4, dtype=torch.float64)), layer.bias))
print("jacobian == weight:", torch.allclose(jacobian(layer, x), layer.weight))
