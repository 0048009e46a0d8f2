import torch
from torch import nn

torch.manual_seed(0)
depth, width = 30, 16
layers = [nn.Linear(width, width) for _ in range(depth)]
for layer in layers:
    nn.init.normal_(layer.weight, std=0.05)  # small weights: each layer shrinks the signal


def plain(x):
    for layer in layers:
        x = torch.tanh(layer(x))
    return x


def residual(x):
    for layer in layers:
        x = x + torch.tanh(layer(x))  # y = x + F(x)
    return x


x = torch.randn(1, width, requires_grad=True)
for net in (plain, residual):
    (grad,) = torch.autograd.grad(net(x).sum(), x)
    print(f"{net.__name__:<8} |dL/dx| = {grad.norm().item():.1e}")

# One block: the Jacobian of x + F(x) is I + dF/dx (here F is linear, so dF/dx = W).
F = nn.Linear(3, 3)
J = torch.autograd.functional.jacobian(lambda v: v + F(v), torch.randn(3))
print("J == I + W:", torch.allclose(J, torch.eye(3) + F.weight))
