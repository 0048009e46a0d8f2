import torch
from torch import nn

x = torch.tensor([-100.0, 5.0], requires_grad=True)  # a badly wrong logit, and a right one
y = torch.tensor([1.0, 1.0])

loss = nn.SoftMarginLoss()(x, y)  # computes log1p(exp(-y x)): exp(100) overflows float32
loss.backward()
print("SoftMarginLoss:   ", loss.detach(), "gradient", x.grad)

x.grad = None
loss = nn.BCEWithLogitsLoss()(x, (y + 1) / 2)  # the same loss, computed stably
loss.backward()
print("BCEWithLogitsLoss:", loss.detach(), "gradient", x.grad)
