import torch
from torch.autograd.functional import jacobian
from torch.func import jacrev, vmap

torch.manual_seed(0)
W = torch.randn(3, 4)
X = torch.randn(8, 4)  # a batch of 8 examples


def f(x):
    return torch.tanh(x @ W.T)


# Wrong: the Jacobian of the whole batch, (8, 3, 8, 4), mostly zeros
J = jacobian(f, X)
print("jacobian(f, X):", tuple(J.shape), "zero fraction:", round((J == 0).float().mean().item(), 3))

# Right: one (3, 4) Jacobian per example
per_example = vmap(jacrev(f))(X)
print("vmap(jacrev(f))(X):", tuple(per_example.shape))
print("same blocks:", torch.allclose(per_example, torch.stack([J[i, :, i] for i in range(8)])))
