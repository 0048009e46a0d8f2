import torch
from torch import nn

torch.manual_seed(0)

# 2 input channels (e.g. two sensors), 4 filters, each 3 time steps wide
layer = nn.Conv1d(in_channels=2, out_channels=4, kernel_size=3)
print("weight", tuple(layer.weight.shape))  # (out_channels, in_channels, kernel_size)
print("bias  ", tuple(layer.bias.shape))

x = torch.randn(8, 2, 50)  # (N, C_in, L): channels before time
y = layer(x)
print("output", tuple(y.shape))  # L_out = 50 - 3 + 1 = 48

# Output (n, o, t) is the dot product of filter o with the window x[n, :, t : t + 3]
n, o, t = 0, 1, 10
manual = (layer.weight[o] * x[n, :, t : t + 3]).sum() + layer.bias[o]
print("one output by hand:", torch.allclose(y[n, o, t], manual))

# Token embeddings come as (N, L, E): move the features to dim 1 first
tokens = torch.randn(8, 50, 2)
print("from (N, L, E):", tuple(layer(tokens.transpose(1, 2)).shape))
