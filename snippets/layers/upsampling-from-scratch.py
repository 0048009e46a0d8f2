import torch
from torch import nn
from torch.nn import functional as F

from nnref.layers.upsampling import interpolate, pixel_shuffle, pixel_unshuffle

torch.manual_seed(0)
x = torch.randn(2, 3, 5, 7, dtype=torch.float64)
cases = [
    ("nearest x2", dict(scale_factor=2)),
    ("nearest 1.5", dict(scale_factor=1.5)),
    ("bilinear", dict(size=(8, 9), mode="bilinear")),
    ("bilinear corners", dict(size=(8, 9), mode="bilinear", align_corners=True)),
    ("bicubic", dict(scale_factor=2.5, mode="bicubic")),
]
for name, kwargs in cases:
    ours, theirs = interpolate(x, **kwargs), F.interpolate(x, **kwargs)
    print(f"{name:17}", tuple(ours.shape), torch.allclose(ours, theirs))

z = torch.randn(2, 12, 3, 4)
print(
    "pixel_shuffle    ",
    tuple(pixel_shuffle(z, 2).shape),
    torch.equal(pixel_shuffle(z, 2), nn.PixelShuffle(2)(z)),
)
back = pixel_unshuffle(pixel_shuffle(z, 2), 2)
print(
    "pixel_unshuffle  ",
    tuple(back.shape),
    torch.equal(back, nn.PixelUnshuffle(2)(nn.PixelShuffle(2)(z))),
)
