import math

import torch
import torch.nn.functional as F

x = torch.linspace(-5, 5, 1001, dtype=torch.float64, requires_grad=True)
sigmoid = torch.sigmoid


def normal_pdf(t):
    return torch.exp(-(t**2) / 2) / math.sqrt(2 * math.pi)


def normal_cdf(t):
    return 0.5 * (1 + torch.erf(t / math.sqrt(2)))


# activation: (torch function, derivative written from the formula)
derivatives = {
    "ReLU": (F.relu, lambda t: (t > 0).double()),
    "LeakyReLU": (F.leaky_relu, lambda t: (t > 0).double() + 0.01 * (t <= 0).double()),
    "ELU": (F.elu, lambda t: torch.where(t > 0, torch.ones_like(t), torch.exp(t))),
    "GELU": (F.gelu, lambda t: normal_cdf(t) + t * normal_pdf(t)),
    "SiLU": (F.silu, lambda t: sigmoid(t) * (1 + t * (1 - sigmoid(t)))),
    "Sigmoid": (torch.sigmoid, lambda t: sigmoid(t) * (1 - sigmoid(t))),
    "Tanh": (torch.tanh, lambda t: 1 - torch.tanh(t) ** 2),
    "Softplus": (F.softplus, sigmoid),
}
for name, (function, derivative) in derivatives.items():
    (autograd,) = torch.autograd.grad(function(x).sum(), x)
    formula = derivative(x.detach())
    match = torch.allclose(formula, autograd)
    print(f"{name:<10} derivative formula == autograd: {match}   max f' = {formula.max():.3f}")
