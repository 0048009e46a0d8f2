import torch
from torch import nn

x = torch.randn(8, 3, 4, 4)  # a batch of 8 feature maps

print("nn.Flatten()   ", tuple(nn.Flatten()(x).shape))  # start_dim=1: one vector per example
print("torch.flatten()", tuple(torch.flatten(x).shape))  # start_dim=0: the batch is merged too
print("x.flatten(1)   ", tuple(x.flatten(1).shape))  # the functional form needs start_dim=1

try:  # the wrong one fails only at the next layer, far from the cause
    nn.Linear(48, 10)(torch.flatten(x))
except RuntimeError as error:
    print("RuntimeError:", error)
