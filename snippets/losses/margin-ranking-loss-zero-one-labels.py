import torch
from torch import nn

x1 = torch.tensor([0.2, 1.5, 0.9], requires_grad=True)
x2 = torch.tensor([1.0, 0.5, 0.3])
loss_fn = nn.MarginRankingLoss(margin=0.5, reduction="none")

labels = torch.tensor([1.0, 0.0, 0.0])  # "x2 should win" written as 0 instead of -1
wrong = loss_fn(x1, x2, labels)
wrong.sum().backward()
print("wrong, labels 0/1:  loss", wrong.detach(), "gradient", x1.grad)

x1.grad = None
right = loss_fn(x1, x2, 2 * labels - 1)  # map {0, 1} to {-1, 1}
right.sum().backward()
print("right, labels -1/1: loss", right.detach(), "gradient", x1.grad)
