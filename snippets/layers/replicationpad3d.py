import torch
from torch import nn

x = torch.arange(1.0, 9.0).reshape(1, 1, 2, 2, 2)  # (N, C, D, H, W)

pad = nn.ReplicationPad3d(1)
y = pad(x)
print(tuple(y.shape))
print("corner copies the corner:", y[0, 0, 0, 0, 0].item() == x[0, 0, 0, 0, 0].item())
print("front slices repeat slice 0:", torch.equal(y[0, 0, 0, 1:-1, 1:-1], x[0, 0, 0]))
