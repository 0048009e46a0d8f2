import math

import torch
from torch import nn

torch.manual_seed(0)

conv = nn.Conv2d(64, 128, kernel_size=3)  # weight (128, 64, 3, 3)
nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")
fan_out = 128 * 3 * 3
print("std formula sqrt(2/fan_out):", round(math.sqrt(2 / fan_out), 4))
print("measured:", round(conv.weight.std().item(), 4))

# A deep ReLU stack keeps its activation scale with mode="fan_in"; Xavier and the default shrink it
x = torch.randn(128, 256)
for name in ["kaiming_normal_", "xavier_normal_", "default"]:
    h = x
    for _ in range(30):
        layer = nn.Linear(256, 256, bias=False)  # default: kaiming_uniform_(a=sqrt(5))
        if name == "kaiming_normal_":
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        elif name == "xavier_normal_":
            nn.init.xavier_normal_(layer.weight)
        h = torch.relu(layer(h))
    print(f"{name:15s} mean square after 30 layers: {h.pow(2).mean().item():.1e}")
