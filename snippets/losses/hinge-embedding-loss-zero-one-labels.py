import torch
from torch import nn

distance = torch.tensor([0.2, 3.0], requires_grad=True)  # a close pair and a far pair
loss_fn = nn.HingeEmbeddingLoss(margin=1.0, reduction="none")

labels = torch.tensor([1.0, 0.0])  # the far pair is dissimilar, written as 0 instead of -1
wrong = loss_fn(distance, labels)  # label 0 gets both terms: x + max(0, margin - x)
wrong.sum().backward()
print("wrong, labels 0/1:  loss", wrong.detach(), "gradient", distance.grad)

distance.grad = None
right = loss_fn(distance, 2 * labels - 1)
right.sum().backward()
print("right, labels -1/1: loss", right.detach(), "gradient", distance.grad)
