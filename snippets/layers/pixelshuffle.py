import torch
from torch import nn

r = 2
x = torch.arange(8.0).reshape(1, 2 * r * r, 1, 1)  # (N, C*r^2, H, W) with C=2, H=W=1
shuffle = nn.PixelShuffle(upscale_factor=r)
y = shuffle(x)
print(tuple(x.shape), "->", tuple(y.shape))  # (1, 8, 1, 1) -> (1, 2, 2, 2)
print(y[0].int().tolist())  # channels 0-3 tile output channel 0, channels 4-7 channel 1

# output[c, h*r + i, w*r + j] = input[c*r*r + i*r + j, h, w]
z = torch.randn(3, 18, 4, 5)  # r=3: 18 channels -> 2
out = nn.PixelShuffle(3)(z)
print(
    tuple(out.shape),
    "formula holds:",
    torch.equal(out[1, 1, 2 * 3 + 1, 4 * 3 + 2], z[1, 1 * 9 + 1 * 3 + 2, 2, 4]),
)
