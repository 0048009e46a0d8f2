import torch
from torch import nn

torch.manual_seed(0)

pool = nn.FractionalMaxPool3d(kernel_size=2, output_size=(4, 5, 6))
volume = torch.randn(2, 3, 8, 9, 10)  # (N, C, D, H, W)
values, indices = nn.FractionalMaxPool3d(2, output_size=(4, 5, 6), return_indices=True)(volume)
print("output", tuple(pool(volume).shape))

# Indices are flat positions (d * H + h) * W + w inside each 8 x 9 x 10 volume
print("index range:", int(indices.min()), "to", int(indices.max()), "<", 8 * 9 * 10)
print(
    "values at indices:",
    torch.equal(values, volume.flatten(2).gather(2, indices.flatten(2)).view_as(values)),
)
