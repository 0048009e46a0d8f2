import torch

import nnref

torch.manual_seed(0)
start = torch.randn(3)
ours = start.clone().requires_grad_()
theirs = start.clone().requires_grad_()
options = dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
optimizers = [nnref.SGD([ours], **options), torch.optim.SGD([theirs], **options)]

for _ in range(20):
    for param, optimizer in zip((ours, theirs), optimizers, strict=True):
        optimizer.zero_grad()
        ((param - 1) ** 2).sum().backward()  # any differentiable loss
        optimizer.step()

print("after 20 steps, equal to torch.optim.SGD:", torch.allclose(ours, theirs))
