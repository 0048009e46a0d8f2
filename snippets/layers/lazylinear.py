import torch
from torch import nn

torch.manual_seed(0)

layer = nn.LazyLinear(out_features=2)  # no in_features
print("before:", type(layer.weight).__name__, "in_features =", layer.in_features)

x = torch.randn(4, 3)
y = layer(x)  # the first call reads in_features = x.shape[-1] and draws the parameters
print("after: ", type(layer.weight).__name__, tuple(layer.weight.shape))
print("now a", type(layer).__name__, "| output", tuple(y.shape))
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 2*3 + 2
