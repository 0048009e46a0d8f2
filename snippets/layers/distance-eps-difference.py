import torch
from torch import nn

dist = nn.PairwiseDistance()  # p=2, eps=1e-6
x = torch.ones(1, 100, dtype=torch.float64)
print("d(x, x) =", dist(x, x).item())  # eps * sqrt(100), not 0

a = torch.zeros(1, 2, dtype=torch.float64)
b = torch.tensor([[1.0, 0.0]], dtype=torch.float64)
big = nn.PairwiseDistance(eps=0.5)  # an exaggerated eps makes the asymmetry visible
print("d(a, b) =", round(big(a, b).item(), 4), " d(b, a) =", round(big(b, a).item(), 4))
print("eps=0: d(x, x) =", nn.PairwiseDistance(eps=0)(x, x).item())

x1 = x.clone().requires_grad_()
nn.PairwiseDistance(eps=0)(x1, x).sum().backward()  # the norm of a zero difference
print("eps=0: gradient at x1 == x2:", x1.grad.abs().max().item())  # 0.0, not nan
