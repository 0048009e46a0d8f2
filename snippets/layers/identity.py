import torch
from torch import nn

layer = nn.Identity(54, unused=True)  # every constructor argument is ignored
x = torch.randn(2, 3)
print("returns the same object:", layer(x) is x)
print("parameters:", len(list(layer.parameters())))

# Typical use: switch a block off without changing the code that calls it
use_norm = False
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4) if use_norm else nn.Identity(), nn.ReLU())
print(model[1], tuple(model(x).shape))
