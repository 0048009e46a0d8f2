import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(512, 256)  # standardized inputs
layer = nn.Linear(256, 256)
for name, init in [
    ("N(0, 1)", lambda w: nn.init.normal_(w, std=1.0)),
    ("Xavier, gain 5/3", lambda w: nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))),
]:
    with torch.no_grad():
        init(layer.weight)
        h = torch.tanh(layer(x))
    saturated = (h.abs() > 0.99).float().mean()  # there tanh'(z) = 1 - h^2 < 0.02
    print(f"{name:16s} |tanh| > 0.99 for {saturated:.0%} of the units")
