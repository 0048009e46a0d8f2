import torch
from torch import nn
from torch.func import functional_call, grad

torch.manual_seed(0)


def f(x):  # a scalar function
    return (x.sin() * x).sum()


x = torch.randn(4, dtype=torch.float64)
g = grad(f)(x)  # a function that returns the gradient, shaped like x
print("grad:", tuple(g.shape), torch.allclose(g, x.cos() * x + x.sin()))

# argnums picks the argument; has_aux returns extra outputs undifferentiated
y = torch.randn(4, dtype=torch.float64)
gy, aux = grad(lambda x, y: ((x * y).sum(), x.norm()), argnums=1, has_aux=True)(x, y)
print("d/dy (x.y) = x:", torch.allclose(gy, x), "| aux:", round(aux.item(), 4))

# Composable: the second derivative of a scalar function of a scalar
h = grad(grad(torch.sin))(torch.tensor(0.5, dtype=torch.float64))
print(
    "d2/dt2 sin(t) = -sin(t):",
    torch.allclose(h, -torch.sin(torch.tensor(0.5, dtype=torch.float64))),
)

# The gradient of a loss with respect to a model's parameters, as a dict
model = nn.Linear(3, 1)
params = dict(model.named_parameters())
X, T = torch.randn(8, 3), torch.randn(8, 1)
grads = grad(lambda p: ((functional_call(model, p, (X,)) - T) ** 2).mean())(params)
print({k: tuple(v.shape) for k, v in grads.items()})
