import torch
from torch import nn

torch.manual_seed(0)

pool = nn.FractionalMaxPool2d(kernel_size=2, output_ratio=0.7)
x = torch.randn(1, 3, 10, 10)
print("output", tuple(pool(x).shape))  # int(10 * 0.7) = 7

# Fixed samples (one per image, channel and axis) make the windows reproducible
samples = torch.rand(1, 3, 2)
fixed = nn.FractionalMaxPool2d(2, output_size=(7, 7), _random_samples=samples)
print("reproducible:", torch.equal(fixed(x), fixed(x)))

# Each output is the maximum of one 2 x 2 window that starts at a pseudo-random row/column
values, indices = nn.FractionalMaxPool2d(
    2, output_size=(7, 7), return_indices=True, _random_samples=samples
)(x)
print(
    "values at indices:",
    torch.equal(values, x.flatten(2).gather(2, indices.flatten(2)).view_as(values)),
)
