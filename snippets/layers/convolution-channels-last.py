import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3)

photo = torch.rand(4, 64, 64, 3)  # (N, H, W, C) as PIL, NumPy and Keras store images
try:
    layer(photo)
except RuntimeError as error:
    print("RuntimeError:", str(error).split(", but")[0])

print("after permute:", tuple(layer(photo.permute(0, 3, 1, 2)).shape))

# torch's channels_last is a memory layout: the shape stays (N, C, H, W)
fast = photo.permute(0, 3, 1, 2).contiguous(memory_format=torch.channels_last)
print("channels_last shape:", tuple(fast.shape), "output", tuple(layer(fast).shape))
