import torch
from torch import nn

x = torch.arange(1.0, 5.0).reshape(1, 2, 2)  # (C, H, W)

pad = nn.ConstantPad2d((1, 0, 1, 0), value=9.0)  # left 1, top 1
y = pad(x)
print(tuple(y.shape))
print(y[0])

# e.g. pad with -inf before a max pooling so the border never wins
neg_inf = nn.ConstantPad2d(1, float("-inf"))(x)
print(neg_inf[0, 0].tolist())
