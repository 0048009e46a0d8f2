import torch
from torch import nn

torch.manual_seed(0)

glu = nn.GLU()  # dim=-1
print(glu)
x = torch.tensor([[1.0, 2.0, 0.0, 100.0]])  # a = [1, 2], b = [0, 100]
print(glu(x))  # [1 * sigmoid(0), 2 * sigmoid(100)]

h = torch.randn(8, 10, 6)
print(tuple(h.shape), "->", tuple(glu(h).shape), "| dim=1:", tuple(nn.GLU(dim=1)(h).shape))
a, b = h.chunk(2, dim=-1)
print("a * sigmoid(b):", torch.allclose(glu(h), a * torch.sigmoid(b)))
