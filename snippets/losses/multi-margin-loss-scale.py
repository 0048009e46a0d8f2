import torch
from torch import nn

x = torch.tensor([[0.9, 0.5, 0.2], [0.1, 0.6, 0.3]])  # right classes win, but by less than 1
y = torch.tensor([0, 1])
loss_fn = nn.MultiMarginLoss()

for scale in (1, 2, 5):
    print(f"scores x{scale}: loss {loss_fn(scale * x, y):.4f}")
