import math

import torch
from torch import nn

torch.manual_seed(0)

w = torch.empty(256, 512)
nn.init.kaiming_uniform_(w, nonlinearity="relu")  # mode="fan_in" by default
bound = math.sqrt(2) * math.sqrt(3 / 512)  # gain * sqrt(3 / fan_in)
print("bound:", round(bound, 4), "max |w|:", round(w.abs().max().item(), 4))
print("Var(w):", round(w.var().item(), 5), "formula 2/fan_in:", round(2 / 512, 5))

# The default nonlinearity is "leaky_relu" with a=0: the same gain sqrt(2) as relu
a = nn.init.kaiming_uniform_(torch.empty(3, 4), generator=torch.Generator().manual_seed(1))
b = nn.init.kaiming_uniform_(
    torch.empty(3, 4), nonlinearity="relu", generator=torch.Generator().manual_seed(1)
)
print("default == relu:", torch.equal(a, b))

# a=sqrt(5) is what nn.Linear uses by default: bound 1/sqrt(fan_in)
nn.init.kaiming_uniform_(w, a=math.sqrt(5))
print("a=sqrt(5) bound:", round(1 / math.sqrt(512), 4), "max |w|:", round(w.abs().max().item(), 4))
