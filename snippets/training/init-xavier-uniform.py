import math

import torch
from torch import nn

torch.manual_seed(0)

w = torch.empty(256, 512)  # an nn.Linear(512, 256) weight: fan_in = 512, fan_out = 256
nn.init.xavier_uniform_(w)
bound = math.sqrt(6 / (512 + 256))  # gain = 1
print("bound:", round(bound, 4), "max |w|:", round(w.abs().max().item(), 4))
print("Var(w):", round(w.var().item(), 6), "formula 2/(fan_in+fan_out):", round(2 / 768, 6))

# gain scales the bound: the tanh gain 5/3
nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))
print("max |w| with gain 5/3:", round(w.abs().max().item(), 4), round(5 / 3 * bound, 4))

# The same generator gives the same values
a = nn.init.xavier_uniform_(torch.empty(3, 4), generator=torch.Generator().manual_seed(1))
b = nn.init.xavier_uniform_(torch.empty(3, 4), generator=torch.Generator().manual_seed(1))
print("reproducible:", torch.equal(a, b))
