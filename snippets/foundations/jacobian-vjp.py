import torch
from torch.func import vjp

torch.manual_seed(0)
W = torch.randn(3, 4, dtype=torch.float64)
x = torch.randn(4, dtype=torch.float64)


def f(x):
    return torch.tanh(W @ x)


# vjp(f, x) runs f once and returns its output and a function v -> v^T J
y, vjp_fn = vjp(f, x)
v = torch.randn(3, dtype=torch.float64)  # shaped like the output
(vJ,) = vjp_fn(v)  # shaped like the input
J = torch.diag(1 - y**2) @ W
print("y:", tuple(y.shape), "| v^T J:", tuple(vJ.shape), torch.allclose(vJ, v @ J))

# With v = dL/dy, v^T J is dL/dx: this is what backward() computes
x_ = x.clone().requires_grad_()
loss = (f(x_) * v).sum()  # dL/dy = v
loss.backward()
print("backward() == vjp:", torch.allclose(x_.grad, vJ))

# The same vjp_fn serves many vectors: rows of J from basis vectors
rows = torch.stack([vjp_fn(e)[0] for e in torch.eye(3, dtype=torch.float64)])
print("rows of J:", torch.allclose(rows, J))
