import torch
from torch import nn

x = torch.ones(1, 1, 2, 2, 2)  # (N, C, D, H, W)

pad = nn.ZeroPad3d((1, 1, 0, 0, 2, 0))  # (left, right, top, bottom, front, back)
y = pad(x)
print(tuple(y.shape))  # D: 2 + 2 + 0, H: 2, W: 2 + 1 + 1
print("zeros added:", y.numel() - x.numel(), "sum unchanged:", y.sum().item() == x.sum().item())
print(y[0, 0, :, 0])  # the first row of every depth slice: two zero slices in front
