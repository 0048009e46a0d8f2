import torch
from torch import nn

x1 = torch.tensor([2.0, 0.5, 1.0, 3.0])  # score of the first item of each pair
x2 = torch.tensor([1.0, 1.0, 0.8, 1.0])  # score of the second item
y = torch.tensor([1.0, 1.0, -1.0, -1.0])  # 1: x1 should rank higher, -1: x2 should

loss_fn = nn.MarginRankingLoss(margin=0.5, reduction="none")
print("per pair:", loss_fn(x1, x2, y))
print("formula: ", (-y * (x1 - x2) + 0.5).clamp(min=0))  # max(0, -y (x1 - x2) + margin)
print("mean:", nn.MarginRankingLoss(margin=0.5)(x1, x2, y))
print("default margin 0:", nn.MarginRankingLoss(reduction="none")(x1, x2, y))
