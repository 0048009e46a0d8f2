import torch
from torch import nn

torch.manual_seed(0)

w = nn.Parameter(torch.randn(2, 3))  # a Tensor subclass that a Module registers
print(type(w).__name__, "| requires_grad:", w.requires_grad, "| leaf:", w.is_leaf)

layer = nn.Linear(3, 2)
layer.temperature = nn.Parameter(torch.ones(1), requires_grad=False)  # frozen, still registered
layer.offset = torch.zeros(2)  # a plain tensor: not a parameter
print("parameters:", [name for name, _ in layer.named_parameters()])
print("trainable: ", [name for name, p in layer.named_parameters() if p.requires_grad])

layer(torch.randn(4, 3)).sum().backward()
print("weight.grad", tuple(layer.weight.grad.shape), "| temperature.grad", layer.temperature.grad)
layer.zero_grad()  # set_to_none=True by default: the gradient is removed, not zeroed
print("after zero_grad():", layer.weight.grad)

layer.requires_grad_(False)  # freeze every parameter of the module
print("after requires_grad_(False):", [p.requires_grad for p in layer.parameters()])
