import torch
import torch.nn.functional as F
from torch import nn

x = torch.linspace(-5, 5, 101, dtype=torch.float64)
print(torch.allclose(nn.CELU()(x), nn.ELU()(x)))  # alpha = 1: the same function

alpha = 2.0
print(torch.allclose(F.celu(x, alpha), alpha * F.elu(x / alpha)))  # CELU = alpha * ELU(x / alpha)

zero = torch.zeros(1, requires_grad=True)
for name, f in (("CELU", F.celu), ("ELU", F.elu)):
    (grad,) = torch.autograd.grad(f(zero, alpha).sum(), zero)
    print(f"{name}(alpha=2) gradient at 0: {grad.item()}  (1 on the right)")
