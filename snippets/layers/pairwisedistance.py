import torch
from torch import nn

dist = nn.PairwiseDistance(p=2.0, eps=1e-6, keepdim=False)
a = torch.tensor([[0.0, 0.0], [1.0, 1.0]], dtype=torch.float64)
b = torch.tensor([[3.0, 4.0], [1.0, 1.0]], dtype=torch.float64)
print(tuple(dist(a, b).shape), dist(a, b).round(decimals=6).tolist())  # row by row

# The norm is taken over the last dimension of x1 - x2 + eps
manual = (a - b + 1e-6).norm(p=2, dim=-1)
print("||x1 - x2 + eps||:", torch.equal(dist(a, b), manual))

print("keepdim:", tuple(nn.PairwiseDistance(keepdim=True)(a, b).shape))
print("p=1:", nn.PairwiseDistance(p=1, eps=0)(a, b).tolist())  # Manhattan distance
