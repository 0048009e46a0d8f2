import torch

a = torch.zeros(2, 3)
b = torch.ones(2, 3)
print(tuple(torch.stack([a, b]).shape))  # a new dim 0: (2, 2, 3)
print(tuple(torch.stack([a, b], dim=2).shape))  # new last dim: (2, 3, 2)
print(tuple(torch.cat([a, b]).shape), tuple(torch.cat([a, b], dim=1).shape))  # joins a dim
print(torch.equal(torch.stack([a, b]), torch.cat([a.unsqueeze(0), b.unsqueeze(0)])))

try:
    torch.stack([a, torch.ones(2, 4)])  # stack needs equal shapes
except RuntimeError as error:
    print("RuntimeError:", error)
