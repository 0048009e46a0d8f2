import torch
from torch import nn

x = torch.arange(6.0).reshape(1, 6, 1, 1)  # channel c holds the value c
shuffle = nn.ChannelShuffle(groups=2)  # 2 groups of 3 channels: [0 1 2 | 3 4 5]
print(shuffle(x).flatten().int().tolist())  # interleaved: one channel from each group in turn

# The same as reshape (N, g, C/g, H, W) -> swap the group axes -> reshape back
n, c, h, w = x.shape
manual = x.reshape(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)
print("equals reshape-transpose-reshape:", torch.equal(shuffle(x), manual))

y = torch.randn(4, 12, 8, 8)
print(tuple(nn.ChannelShuffle(3)(y).shape))  # the shape never changes
