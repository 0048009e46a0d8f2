import torch
from torch import nn

x = torch.zeros(1, 2, 2, 2, 2)  # (N, C, D, H, W)

pad = nn.ConstantPad3d(1, value=3.5)  # an int pads all six sides
y = pad(x)
print(tuple(y.shape))  # every spatial size grows by 2
print("padded cells:", int((y == 3.5).sum()), "=", 2 * (4 * 4 * 4 - 2 * 2 * 2))
