import torch
from torch import nn

x = torch.arange(1.0, 7.0).reshape(1, 1, 2, 3)  # (N, C, H, W) = (1, 1, 2, 3)

pad = nn.ZeroPad2d((1, 2, 0, 1))  # (left, right, top, bottom): width first!
y = pad(x)
print(tuple(y.shape))  # H: 2 + 0 + 1 = 3, W: 3 + 1 + 2 = 6
print(y[0, 0])

# "Same" size for a 3 x 3 convolution: pad 1 on every side
print(tuple(nn.ZeroPad2d(1)(torch.randn(8, 16, 28, 28)).shape))
