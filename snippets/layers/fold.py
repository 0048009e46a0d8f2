import torch
from torch import nn

torch.manual_seed(0)

# col2im: columns of (C * k * k) values go back to their windows
fold = nn.Fold(output_size=(4, 4), kernel_size=2, stride=2)
columns = torch.randn(1, 3 * 2 * 2, 4)  # (N, C * prod(kernel_size), L) with L = 2 * 2 windows
print("image", tuple(fold(columns).shape))

# Non-overlapping windows (stride == kernel_size): Fold undoes Unfold exactly
x = torch.randn(1, 3, 4, 4)
unfold = nn.Unfold(kernel_size=2, stride=2)
print("Fold(Unfold(x)) == x:", torch.equal(fold(unfold(x)), x))

# Overlapping windows are summed: each pixel counts the windows that cover it
ones = torch.ones(1, 1, 4, 4)
overlap = nn.Fold(output_size=(4, 4), kernel_size=2)(nn.Unfold(kernel_size=2)(ones))
print(overlap[0, 0].int())
