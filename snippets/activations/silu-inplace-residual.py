import torch
from torch import nn

h = torch.tensor([-2.0, 0.0, 2.0])

out = nn.SiLU()(h) + h  # intended: SiLU(h) + h
print("out-of-place:", out)

h_copy = h.clone()
out = nn.SiLU(inplace=True)(h_copy) + h_copy  # h_copy now holds SiLU(h): 2 * SiLU(h)
print("inplace=True:", out)
