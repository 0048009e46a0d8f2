import torch
from torch import nn

error = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0], requires_grad=True)
target = torch.zeros(7)  # so that input - target is the error itself

loss = nn.HuberLoss(reduction="none", delta=1.0)(error, target)
print("loss:", loss.detach())
# 0.5 e^2 where |e| < delta, delta (|e| - delta / 2) elsewhere
e = error.detach()
print("formula:", torch.equal(loss.detach(), torch.where(e.abs() < 1, 0.5 * e**2, e.abs() - 0.5)))

loss.sum().backward()
print("gradient = clamp(e, -delta, delta):", error.grad)
print("mean:", nn.HuberLoss()(e, target))
