import torch
from sklearn.datasets import load_digits

from nnref.vision.augment import (
    cutout,
    gaussian_noise,
    random_rotation,
    random_shift,
    shift,
)

images = torch.tensor(load_digits().images[:32], dtype=torch.float32).unsqueeze(1) / 16


def augment(x, generator):  # label-preserving for digits: no flips
    x = random_shift(x, 1, generator=generator)
    x = random_rotation(x, 10.0, generator=generator)
    x = cutout(x, 2, generator=generator)
    return gaussian_noise(x, 0.05, generator=generator)


a = augment(images, torch.Generator().manual_seed(0))
b = augment(images, torch.Generator().manual_seed(0))
c = augment(images, torch.Generator().manual_seed(1))
print(tuple(a.shape), a.dtype, "same seed, same batch:", torch.equal(a, b), torch.equal(a, c))

# A shift by (dy, dx) is torch.roll with the wrapped-around pixels set to 0
rolled = torch.roll(images, shifts=(0, 2), dims=(-2, -1))
rolled[..., :2] = 0
print("shift == roll + zero fill:", torch.equal(shift(images, 0, 2), rolled))
