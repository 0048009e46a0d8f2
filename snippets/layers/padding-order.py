import torch
import torch.nn.functional as F
from torch import nn

x = torch.ones(1, 1, 2, 4)  # (N, C, H, W)

# The tuple starts with the LAST dimension: (left, right, top, bottom)
print(tuple(F.pad(x, (1, 1, 0, 0)).shape))  # W grows: 4 -> 6
print(tuple(F.pad(x, (0, 0, 1, 1)).shape))  # H grows: 2 -> 4

# A 2-tuple given to a 2-d layer is accepted silently and pads only the width
print(tuple(nn.ZeroPad2d((1, 1)).padding), tuple(nn.ZeroPad2d((1, 1))(x).shape))
print(tuple(nn.ZeroPad2d(1).padding), tuple(nn.ZeroPad2d(1)(x).shape))
