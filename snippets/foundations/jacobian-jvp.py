import torch
from torch.func import jvp

torch.manual_seed(0)
W = torch.randn(3, 4, dtype=torch.float64)
x = torch.randn(4, dtype=torch.float64)


def f(x):
    return torch.tanh(W @ x)


# jvp(f, primals, tangents) -> (f(x), J u): a directional derivative in one forward pass
u = torch.randn(4, dtype=torch.float64)  # shaped like the input
y, Ju = jvp(f, (x,), (u,))
J = torch.diag(1 - y**2) @ W
print("J u:", tuple(Ju.shape), torch.allclose(Ju, J @ u))

# J u is the rate of change of f along u: compare a central difference
h = 1e-6
print(
    "== (f(x + h u) - f(x - h u)) / 2h:",
    torch.allclose(Ju, (f(x + h * u) - f(x - h * u)) / (2 * h)),
)

# Columns of J from basis vectors: one JVP per input
cols = torch.stack([jvp(f, (x,), (e,))[1] for e in torch.eye(4, dtype=torch.float64)], dim=1)
print("columns of J:", torch.allclose(cols, J))
