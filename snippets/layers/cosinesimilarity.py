import torch
from torch import nn

cos = nn.CosineSimilarity(dim=1, eps=1e-8)
a = torch.tensor([[1.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
b = torch.tensor([[0.0, 3.0], [2.0, 2.0], [-1.0, -1.0]])
print(
    tuple(cos(a, b).shape), cos(a, b).round(decimals=4).tolist()
)  # orthogonal, same direction, opposite

# The length of a vector does not matter, only its direction
print("scale-invariant:", torch.allclose(cos(a, b), cos(10 * a, 0.1 * b)))

# It compares along dim: for (N, C, H, W) feature maps the default dim=1 gives one value per pixel
x, y = torch.randn(2, 16, 5, 5), torch.randn(2, 16, 5, 5)
print(tuple(cos(x, y).shape))

manual = (a * b).sum(1) / (a.norm(dim=1) * b.norm(dim=1))
print("x1.x2 / (|x1| |x2|):", torch.allclose(cos(a, b), manual))
