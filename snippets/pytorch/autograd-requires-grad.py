import torch
from torch import nn

x = torch.tensor([1.0, 2.0])
print(x.requires_grad, x.is_leaf)  # a plain tensor is not tracked
x.requires_grad_()  # in place, returns x: now a tracked leaf
print(x.requires_grad, (x * 2).grad_fn.name())

layer = nn.Linear(2, 1)
print(layer.weight.requires_grad)  # parameters require grad by default
layer.weight.requires_grad_(False)  # freeze: no gradient, the optimizer skips it
layer(torch.ones(1, 2)).sum().backward()
print(layer.weight.grad, layer.bias.grad.tolist())

try:
    torch.tensor([1, 2]).requires_grad_()
except RuntimeError as error:
    print("RuntimeError:", error)
