import torch
from torch.func import jacrev, vmap

torch.manual_seed(0)
W = torch.randn(3, 4, dtype=torch.float64)
b = torch.randn(3, dtype=torch.float64)
x = torch.randn(4, dtype=torch.float64)


def f(W, b, x):  # R^4 -> R^3, with parameters
    return torch.tanh(W @ x + b)


# jacrev returns a function; argnums picks the argument(s) to differentiate
J = jacrev(f, argnums=2)(W, b, x)
print("d f/d x:", tuple(J.shape), torch.allclose(J, torch.diag(1 - f(W, b, x) ** 2) @ W))
JW, Jb = jacrev(f, argnums=(0, 1))(W, b, x)
print("d f/d W:", tuple(JW.shape), "d f/d b:", tuple(Jb.shape))

# has_aux=True: the function returns (output, aux); aux is passed through undifferentiated
J, aux = jacrev(lambda x: (f(W, b, x), x.norm()), has_aux=True)(x)
print("aux:", round(aux.item(), 4), "== |x|:", torch.allclose(aux, x.norm()))

# Per-example Jacobians of a batch: vmap over jacrev gives (B, m, n), no zero blocks
X = torch.randn(5, 4, dtype=torch.float64)
per_example = vmap(jacrev(f, argnums=2), in_dims=(None, None, 0))(W, b, X)
print("per-example:", tuple(per_example.shape))
