import torch
from torch import nn

x = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)  # (N, C, H, W)

pad = nn.ReflectionPad2d(1)
y = pad(x)
print(tuple(y.shape))
print(y[0, 0])

# Common before a convolution in image generators: no artificial dark border
print("border values come from the image:", set(y.flatten().tolist()) <= set(x.flatten().tolist()))
