import torch
from torch import nn

torch.manual_seed(0)

pool = nn.MaxPool2d(kernel_size=2)  # stride defaults to kernel_size
print("stride:", pool.stride, "parameters:", sum(p.numel() for p in pool.parameters()))

x = torch.randn(8, 16, 32, 32)  # (N, C, H, W)
print("output", tuple(pool(x).shape))  # each channel pooled on its own: 32 -> 16

rows = [
    [1.0, 3.0, 2.0, 1.0],
    [4.0, 2.0, 0.0, 1.0],
    [5.0, 1.0, 2.0, 8.0],
    [0.0, 6.0, 7.0, 3.0],
]
image = torch.tensor(rows).view(1, 1, 4, 4)
values, indices = nn.MaxPool2d(2, return_indices=True)(image)
print(values[0, 0].tolist())
print(indices[0, 0].tolist())  # flat positions h * W + w in the 4 x 4 input

# With overlap and padding: out = floor((H + 2p - k) / s) + 1
print("k=3, s=2, p=1:", tuple(nn.MaxPool2d(3, stride=2, padding=1)(x).shape))
