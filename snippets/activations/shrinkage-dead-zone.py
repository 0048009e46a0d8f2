import torch
from torch import nn

torch.manual_seed(0)
for std in (0.1, 1.0):
    x = (torch.randn(10_000) * std).requires_grad_()
    nn.Softshrink()(x).sum().backward()  # lambd=0.5 whatever the scale of x
    print(f"inputs with std {std}: {(x.grad == 0).float().mean():.0%} get zero gradient")
