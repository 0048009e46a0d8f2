import torch
from torch import nn

torch.manual_seed(0)
a, b = torch.randn(4, 8), torch.randn(4, 8)  # two embeddings per pair
distance = nn.PairwiseDistance(p=1)(a, b)  # x: one L1 distance per pair, shape (4,)
y = torch.tensor([1.0, 1.0, -1.0, -1.0])  # 1: similar pair, -1: dissimilar pair

loss_fn = nn.HingeEmbeddingLoss(margin=10.0, reduction="none")
loss = loss_fn(distance, y)
print("distance:", distance.round(decimals=2))
print("loss:    ", loss.round(decimals=2))
# similar pairs pay their distance, dissimilar ones max(0, margin - distance)
print(torch.allclose(loss, torch.where(y == 1, distance, (10.0 - distance).clamp(min=0))))
