import torch
from torch import nn

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])  # (N, C, W)

pad = nn.CircularPad1d((2, 1))
print(pad(x))  # the left pad takes the last values, the right pad the first ones

# Equal to padding_mode="circular" in a convolution
conv = nn.Conv1d(1, 1, kernel_size=3, padding=1, padding_mode="circular", bias=False)
manual = nn.functional.conv1d(nn.CircularPad1d(1)(x), conv.weight)
print("same as Conv1d(padding_mode='circular'):", torch.allclose(conv(x), manual))
