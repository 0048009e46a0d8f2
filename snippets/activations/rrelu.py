import torch
from torch import nn

torch.manual_seed(0)
layer = nn.RReLU()  # lower=1/8, upper=1/3
x = -torch.ones(6)

layer.train()
slopes = layer(x) / x  # a fresh random slope for every element, in [1/8, 1/3]
print("training:", [round(s, 3) for s in slopes.tolist()])
print("in range:", bool(((slopes >= 1 / 8) & (slopes <= 1 / 3)).all()))

layer.eval()
y = layer(x)
print("eval:", round(y[0].item(), 4), "everywhere:", bool((y == y[0]).all()))  # -(1/8 + 1/3) / 2
