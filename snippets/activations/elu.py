import torch
from torch import nn

x = torch.tensor([-20.0, -1.0, 0.0, 1.0], requires_grad=True)
for alpha in (1.0, 2.0):
    layer = nn.ELU(alpha=alpha)
    (grad,) = torch.autograd.grad(layer(x).sum(), x)
    print(layer, [round(v, 4) for v in layer(x).tolist()])  # saturates at -alpha
    print("  gradient:", [round(v, 4) for v in grad.tolist()])  # alpha at x = 0
