import torch
from torch import nn

q = torch.tensor([[0.7, 0.2, 0.1]], requires_grad=True)  # the model's probabilities
p = torch.tensor([[0.7, 0.2, 0.1]])  # the target: identical, so KL(p || q) = 0
criterion = nn.KLDivLoss(reduction="batchmean")

print("input = log q (right):", criterion(q.log(), p).item())
wrong = criterion(q, p)  # sum p (log p - q): not a divergence at all
print("input = q (wrong):    ", round(wrong.item(), 4))
(grad,) = torch.autograd.grad(wrong, q)
print("its gradient is -p whatever q is:", grad)  # descent raises q without limit
