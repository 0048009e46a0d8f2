import torch
from torch import nn

torch.manual_seed(0)

pool = nn.AvgPool2d(kernel_size=2)  # stride defaults to kernel_size
x = torch.randn(8, 16, 32, 32)
y = pool(x)
print("output", tuple(y.shape))

# Non-overlapping 2 x 2 windows: the mean of each block
blocks = x.reshape(8, 16, 16, 2, 16, 2).mean(dim=(3, 5))
print("mean of each 2x2 block:", torch.allclose(y, blocks, atol=1e-6))

# divisor_override=1 turns averaging into sum pooling
image = torch.arange(16.0).reshape(1, 1, 4, 4)
print(nn.AvgPool2d(2)(image)[0, 0].tolist())
print(nn.AvgPool2d(2, divisor_override=1)(image)[0, 0].tolist())
