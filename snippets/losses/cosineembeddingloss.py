import torch
import torch.nn.functional as F
from torch import nn

x1 = torch.tensor([[1.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 2.0]])  # shape (N, D)
x2 = torch.tensor([[2.0, 0.0], [1.0, -1.0], [1.0, 1.0], [0.0, -1.0]])
y = torch.tensor([1.0, 1.0, -1.0, -1.0])  # 1: similar pair, -1: dissimilar, shape (N,)

print("cos: ", F.cosine_similarity(x1, x2))
loss = nn.CosineEmbeddingLoss(margin=0.5, reduction="none")(x1, x2, y)
print("loss:", loss)  # y = 1: 1 - cos;  y = -1: max(0, cos - margin)
print("mean:", nn.CosineEmbeddingLoss(margin=0.5)(x1, x2, y))
