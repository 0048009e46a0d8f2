import torch
from torch import nn

x = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)  # (N, C, H, W)

pad = nn.ReplicationPad2d((2, 0, 1, 0))  # left 2, top 1
y = pad(x)
print(tuple(y.shape))
print(y[0, 0])  # the corner block repeats the corner value
