import torch
from torch import nn

pool = nn.AdaptiveMaxPool1d(output_size=3, return_indices=True)
x = torch.tensor([[[2.0, 7.0, 1.0, 8.0, 3.0]]])  # L = 5 -> 3 outputs
values, indices = pool(x)
print(values.tolist(), indices.tolist())

# Window i is [floor(i * 5 / 3), ceil((i + 1) * 5 / 3)): [0, 2), [1, 4), [3, 5)
print([x[0, 0, 0:2].max().item(), x[0, 0, 1:4].max().item(), x[0, 0, 3:5].max().item()])

# Any input length gives the same output length
print([tuple(pool(torch.randn(4, 16, n))[0].shape) for n in (3, 10, 100)])
