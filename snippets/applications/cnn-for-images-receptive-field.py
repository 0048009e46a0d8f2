import torch
from torch import nn

from nnref.vision.counting import receptive_fields

# conv 3x3 -> pool 2 -> conv 3x3 -> pool 2 (the digits network)
print("(R, J) per layer:", receptive_fields([3, 2, 3, 2], strides=[1, 2, 1, 2]))
print("three 3x3 convs:  ", [r for r, _ in receptive_fields([3, 3, 3])])

# Measure it: backpropagate from one output unit and see which input pixels get a gradient
net = nn.Sequential(nn.Conv2d(1, 1, 3), nn.AvgPool2d(2), nn.Conv2d(1, 1, 3), nn.AvgPool2d(2))
for module in net:
    if isinstance(module, nn.Conv2d):
        nn.init.ones_(module.weight)  # positive weights: no gradient cancels out
x = torch.ones(1, 1, 32, 32, requires_grad=True)
out = net(x)
out[0, 0, 2, 2].backward()
rows = torch.nonzero(x.grad[0, 0].sum(dim=1)).flatten()
cols = torch.nonzero(x.grad[0, 0].sum(dim=0)).flatten()
print(
    "output",
    tuple(out.shape),
    "unit (2, 2) sees rows",
    rows.min().item(),
    "to",
    rows.max().item(),
    "and columns",
    cols.min().item(),
    "to",
    cols.max().item(),
)
print("measured field:", len(rows), "x", len(cols))
