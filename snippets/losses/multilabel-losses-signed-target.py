import torch
from torch import nn

x = torch.tensor([[4.0, -4.0, 3.0]])  # a confident and correct prediction
loss_fn = nn.MultiLabelSoftMarginLoss()

print("wrong, target -1/1:", loss_fn(x, torch.tensor([[1.0, -1.0, 1.0]])))  # a negative loss
print("right, target 0/1: ", loss_fn(x, torch.tensor([[1.0, 0.0, 1.0]])))
