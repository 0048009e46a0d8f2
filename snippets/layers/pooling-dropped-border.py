import torch
from torch import nn

x = torch.zeros(1, 1, 5, 5)
x[0, 0, 4, :] = 9.0  # bright last row
x[0, 0, :, 4] = 9.0  # and last column

pool = nn.MaxPool2d(2)
print(pool(x)[0, 0])  # 5 // 2 = 2: row 4 and column 4 are never read

pool_ceil = nn.MaxPool2d(2, ceil_mode=True)
print(pool_ceil(x)[0, 0])  # a third, partial window keeps them
