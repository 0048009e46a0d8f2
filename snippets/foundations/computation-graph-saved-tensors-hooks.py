import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 2))
x = torch.randn(4, 2)

saved = []


def pack(tensor):  # called in the forward pass for every tensor autograd saves
    saved.append(tuple(tensor.shape))
    return tensor


def unpack(tensor):  # called in the backward pass when the tensor is needed
    return tensor


with saved_tensors_hooks(pack, unpack):
    loss = model(x).pow(2).mean()
print("saved for backward:", saved)
loss.backward()
grad_with_hooks = model[0].weight.grad.clone()

model.zero_grad()
model(x).pow(2).mean().backward()
print("same gradient without hooks:", torch.equal(grad_with_hooks, model[0].weight.grad))
