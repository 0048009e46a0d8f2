import torch
from torch import nn

torch.manual_seed(0)

pool = nn.MaxPool1d(kernel_size=3, stride=2)
x = torch.randn(2, 4, 9)  # (N, C, L): 2 sequences, 4 channels, length 9
y = pool(x)
print("output", tuple(y.shape))  # floor((9 - 3) / 2) + 1 = 4

# Each output is the maximum of a window of 3 that moves by 2
windows = x.unfold(dimension=2, size=3, step=2)  # (2, 4, 4, 3)
print("max of each window:", torch.equal(y, windows.amax(dim=-1)))

signal = torch.tensor([[[1.0, 5.0, 2.0, 0.0, 3.0, 4.0, 1.0]]])
values, indices = nn.MaxPool1d(3, stride=2, return_indices=True)(signal)
print(values.tolist(), indices.tolist())
