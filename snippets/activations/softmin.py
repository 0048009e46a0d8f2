import torch
from torch import nn

distances = torch.tensor([[0.5, 2.0, 4.0]])  # e.g. distances to three prototypes
weights = nn.Softmin(dim=1)(distances)
print(weights.round(decimals=4))  # the nearest prototype gets the most weight
print("sums to 1:", torch.allclose(weights.sum(), torch.tensor(1.0)))
print("softmin(x) == softmax(-x):", torch.allclose(weights, torch.softmax(-distances, dim=1)))
