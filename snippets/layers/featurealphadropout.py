import math

import torch
from torch import nn

torch.manual_seed(0)

p = 0.5
drop = nn.FeatureAlphaDropout(p)
x = torch.randn(2, 4, 3, 3)  # (N, C, H, W)
y = drop(x)
print(tuple(y.shape))

alpha = 1.7580993408473766
a = 1 / math.sqrt((alpha**2 * p + 1) * (1 - p))
b = alpha * a * p

# Per (sample, channel): either a*x + b everywhere, or the constant -alpha*a*(1-p) everywhere
kept = torch.isclose(y, a * x + b).flatten(2).all(dim=2)
dropped = torch.isclose(y, torch.tensor(-alpha * a * (1 - p))).flatten(2).all(dim=2)
print("kept channels:")
print(kept.int())
print("every channel kept or dropped as a whole:", bool((kept ^ dropped).all()))
