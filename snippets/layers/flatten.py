import torch
from torch import nn

x = torch.randn(8, 3, 4, 5)  # (N, C, H, W)
flatten = nn.Flatten()  # start_dim=1, end_dim=-1: keep the batch axis
print(tuple(flatten(x).shape))  # (8, 3*4*5)
print(tuple(nn.Flatten(start_dim=2)(x).shape))  # (8, 3, 20): merge H and W only

# The typical classifier head: features (N, C, H, W) -> vector -> Linear
head = nn.Sequential(nn.Flatten(), nn.Linear(3 * 4 * 5, 10))
print(tuple(head(x).shape))

# Row-major order: the last axis varies fastest
small = torch.arange(6).reshape(1, 2, 3)
print(small[0].tolist(), "->", flatten(small).tolist())
