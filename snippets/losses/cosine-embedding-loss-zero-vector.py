import torch
from torch import nn

x1 = torch.zeros(1, 3, requires_grad=True)  # e.g. an embedding after a dead ReLU
x2 = torch.tensor([[1.0, 2.0, 2.0]])

loss = nn.CosineEmbeddingLoss()(x1, x2, torch.ones(1))
loss.backward()
print("loss:", loss.detach())  # the cosine of a zero vector is taken as 0
print("gradient:", x1.grad)  # divided by sqrt(1e-12): a million times the usual size
