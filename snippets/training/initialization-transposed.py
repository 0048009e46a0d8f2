import math

import torch
from torch import nn

torch.manual_seed(0)
fan_in, fan_out = 1024, 16

# Wrong: a weight stored as (fan_in, fan_out) and used as x @ w; torch reads fan_in from size(1)
w = nn.init.kaiming_normal_(torch.empty(fan_in, fan_out), nonlinearity="relu")
print("std wanted:", round(math.sqrt(2 / fan_in), 4), "got:", round(w.std().item(), 4))
x = torch.randn(2000, fan_in)
print("mean square of relu(x @ w):", round(torch.relu(x @ w).pow(2).mean().item(), 1))

# Right: initialise the transposed view, or store the weight as (fan_out, fan_in)
nn.init.kaiming_normal_(w.T, nonlinearity="relu")
print("std after init of w.T:", round(w.std().item(), 4))
print("mean square of relu(x @ w):", round(torch.relu(x @ w).pow(2).mean().item(), 2))
