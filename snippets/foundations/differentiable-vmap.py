import torch
from torch.func import grad, vmap

torch.manual_seed(0)
w = torch.randn(3)
X, y = torch.randn(5, 3), torch.randn(5)


def loss(w, x, t):  # written for ONE example: x (3,), t ()
    return (torch.dot(w, x) - t) ** 2


# vmap maps over dim 0 of X and y, shares w (in_dims=None): per-example losses and gradients
def losses_of(w):
    return vmap(loss, in_dims=(None, 0, 0))(w, X, y)


losses = losses_of(w)
per_example = vmap(grad(loss), in_dims=(None, 0, 0))(w, X, y)
print("losses", tuple(losses.shape), "per-example gradients", tuple(per_example.shape))

loop = torch.stack([2 * (torch.dot(w, X[i]) - y[i]) * X[i] for i in range(5)])
print("same as a Python loop:", torch.allclose(per_example, loop))
batch_gradient = grad(lambda w: losses_of(w).mean())(w)
print("their mean is the batch gradient:", torch.allclose(per_example.mean(0), batch_gradient))
