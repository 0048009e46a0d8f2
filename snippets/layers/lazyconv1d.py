import torch
from torch import nn

torch.manual_seed(0)

# No in_channels argument: it is read from the first input
layer = nn.LazyConv1d(out_channels=4, kernel_size=3)
print("before:", type(layer.weight).__name__)

y = layer(torch.randn(2, 5, 20))  # the first call fixes in_channels = 5
print("after: ", type(layer).__name__, "in_channels =", layer.in_channels)
print("weight", tuple(layer.weight.shape), "output", tuple(y.shape))

# From now on it is an ordinary Conv1d: another channel count is an error
try:
    layer(torch.randn(2, 6, 20))
except RuntimeError as error:
    print("RuntimeError:", str(error).split(", but")[0])
