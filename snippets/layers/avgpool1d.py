import torch
from torch import nn

torch.manual_seed(0)

pool = nn.AvgPool1d(kernel_size=3, stride=1, padding=1)
x = torch.randn(2, 4, 10)  # (N, C, L)
print("output", tuple(pool(x).shape))  # (10 + 2 - 3) / 1 + 1 = 10

# The padded zeros count in the divisor (count_include_pad=True by default)
ones = torch.ones(1, 1, 5)
print(pool(ones))  # 2/3 at both ends
print(nn.AvgPool1d(3, stride=1, padding=1, count_include_pad=False)(ones))
