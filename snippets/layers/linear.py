import torch
from torch import nn

torch.manual_seed(0)

layer = nn.Linear(in_features=3, out_features=2)
print("weight", tuple(layer.weight.shape))  # (out_features, in_features)
print("bias  ", tuple(layer.bias.shape))  # (out_features,)
print("parameters:", sum(p.numel() for p in layer.parameters()))  # 2*3 + 2

x = torch.randn(4, 3)  # a batch of 4 examples with 3 features
y = layer(x)
print("output", tuple(y.shape))

# The layer computes y = x W^T + b
manual = x @ layer.weight.T + layer.bias
print("same as x @ W.T + b:", torch.allclose(y, manual))

# Any number of leading dimensions: only the last one must equal in_features
print("batched", tuple(layer(torch.randn(2, 5, 3)).shape))
