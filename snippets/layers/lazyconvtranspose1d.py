import torch
from torch import nn

torch.manual_seed(0)

layer = nn.LazyConvTranspose1d(out_channels=2, kernel_size=4, stride=2, padding=1)
print("before:", type(layer.weight).__name__)

y = layer(torch.randn(3, 6, 10))  # in_channels = 6 is read here
print("after: ", type(layer).__name__, "in_channels =", layer.in_channels)
print("weight", tuple(layer.weight.shape), "output", tuple(y.shape))  # weight: in first
