import torch
from torch import nn

import nnref

torch.manual_seed(0)
weight, bias = nnref.linear_init(in_features=3, out_features=2)
torch.manual_seed(0)
layer = nn.Linear(3, 2)  # the same draws from the same seed
print("same init:", torch.equal(weight, layer.weight), torch.equal(bias, layer.bias))

x = torch.randn(4, 3)
ours = nnref.linear(x, weight, bias)
print(tuple(ours.shape), "equal to nn.Linear:", torch.allclose(ours, layer(x)))
