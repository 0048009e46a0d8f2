import torch
from torch import nn

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.ones(1, 2)).sum().backward()
print("grad after backward:", model.weight.grad.tolist())

optimizer.zero_grad()  # set_to_none=True (default since torch 2.0)
print("set_to_none=True: grad is", model.weight.grad)

model(torch.ones(1, 2)).sum().backward()
optimizer.zero_grad(set_to_none=False)  # keep the tensors, fill them with zeros
print("set_to_none=False: grad is", model.weight.grad.tolist())

optimizer.step()  # a parameter whose grad is None is skipped; zeros make plain SGD a no-op
print("only the optimizer's parameters:", len(optimizer.param_groups[0]["params"]))
