import torch
from torch import nn

torch.manual_seed(0)

pool = nn.AdaptiveAvgPool1d(output_size=1)  # global average over time
x = torch.randn(4, 16, 50)  # (N, C, L)
y = pool(x)
print("output", tuple(y.shape))
print("mean over L:", torch.allclose(y, x.mean(dim=2, keepdim=True)))

# Windows may overlap: L = 5 -> 3 outputs averages [0, 2), [1, 4), [3, 5)
print(nn.AdaptiveAvgPool1d(3)(torch.arange(5.0).view(1, 1, 5)).tolist())
