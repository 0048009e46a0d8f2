import torch
from torch import nn

x1 = torch.tensor([[1.0, 0.0], [1.0, 0.0]])
x2 = torch.tensor([[0.0, 1.0], [1.0, 0.1]])  # the second pair is nearly parallel
loss_fn = nn.CosineEmbeddingLoss(reduction="none")

labels = torch.tensor([1.0, 0.0])  # the second pair is dissimilar, written as 0 instead of -1
print("wrong, labels 0/1: ", loss_fn(x1, x2, labels))  # label 0: loss 0, silently ignored
print("right, labels -1/1:", loss_fn(x1, x2, 2 * labels - 1))
