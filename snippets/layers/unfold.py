import torch
from torch import nn

torch.manual_seed(0)

# Every 2 x 2 window of a 3 x 3 image becomes one column (im2col)
image = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)
unfold = nn.Unfold(kernel_size=2)
print(unfold(image)[0].int())  # (C * 2 * 2, L) = (4, 4)

# Shape: (N, C, H, W) -> (N, C * prod(kernel_size), L), L = number of window positions
x = torch.randn(2, 3, 8, 8)
columns = nn.Unfold(kernel_size=3, padding=1, stride=2)(x)
print("columns", tuple(columns.shape))  # 3 * 9 = 27 rows, L = 4 * 4 = 16

# Rows are channel-major: rows 0..8 are channel 0's 3 x 3 window, in row-major order
print("row 9 is channel 1, tap (0, 0):", torch.equal(columns[0, 9, 5], x[0, 1, 1, 1]))
