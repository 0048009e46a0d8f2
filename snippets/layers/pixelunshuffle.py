import torch
from torch import nn

x = torch.arange(16.0).reshape(1, 1, 4, 4)
unshuffle = nn.PixelUnshuffle(downscale_factor=2)
y = unshuffle(x)
print(tuple(x.shape), "->", tuple(y.shape))  # (1, 1, 4, 4) -> (1, 4, 2, 2)
print(y[0, :, 0, 0].int().tolist())  # the 2x2 block in the top-left corner, row by row

# Nothing is lost: PixelShuffle undoes it exactly
print("inverse of PixelShuffle:", torch.equal(nn.PixelShuffle(2)(y), x))
