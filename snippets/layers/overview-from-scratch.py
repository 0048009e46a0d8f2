import torch
from torch import nn

import nnref

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
layers = [(model[0].weight, model[0].bias), (model[2].weight, model[2].bias)]

x = torch.randn(5, 4)
ours = nnref.mlp_forward(x, layers)  # Linear -> ReLU -> Linear, from the formulas
print(tuple(ours.shape), "equal to nn.Sequential:", torch.allclose(ours, model(x)))
