"""Data augmentation as plain functions on image batches, driven by an explicit generator.

Every function takes a float batch ``images`` of shape ``(N, C, H, W)`` and returns a new batch
of the same shape and dtype; the labels are not touched, so an augmentation must be
*label-preserving* for the task (a horizontal flip keeps a cat a cat, but turns a handwritten
digit into a glyph that is no digit). The randomness comes only from ``generator``, a
``torch.Generator``: the same seed gives the same augmented batch. Compose them by calling one
after another; there is no ``Compose`` class.
"""

import math

import torch
import torch.nn.functional as F

from nnref._checks import require_floating, require_non_negative, require_tensor


def _images(images: object) -> torch.Tensor:
    images = require_floating("images", require_tensor("images", images))
    if images.dim() != 4:
        raise ValueError(f"images must have shape (N, C, H, W), got {tuple(images.shape)}")
    return images


def _generator(generator: object) -> torch.Generator:
    if not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
    return generator


def _probability(p: object) -> float:
    p = require_non_negative("p", p)
    if p > 1:
        raise ValueError(f"p must be a probability in [0, 1], got {p}")
    return p


def _uniform(n: int, low: float, high: float, generator: torch.Generator) -> torch.Tensor:
    return low + (high - low) * torch.rand(n, generator=generator)


def random_hflip(images: torch.Tensor, p: float = 0.5, *, generator: torch.Generator):
    """Mirror each image left-right (along W) with probability ``p``."""
    images, generator, p = _images(images), _generator(generator), _probability(p)
    flip = torch.rand(images.shape[0], generator=generator) < p
    return torch.where(flip.view(-1, 1, 1, 1), images.flip(-1), images)


def shift(images: torch.Tensor, dy: int, dx: int) -> torch.Tensor:
    """Move every image ``dy`` pixels down and ``dx`` pixels right, filling with zeros.

    Pixels pushed over the border are lost; the freed rows and columns are 0. This is
    ``torch.roll`` with the wrapped-around pixels set to 0.
    """
    images = _images(images)
    for name, value in (("dy", dy), ("dx", dx)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    h, w = images.shape[-2:]
    out = torch.zeros_like(images)
    if abs(dy) >= h or abs(dx) >= w:
        return out
    rows_src = slice(max(0, -dy), h - max(0, dy))
    rows_dst = slice(max(0, dy), h - max(0, -dy))
    cols_src = slice(max(0, -dx), w - max(0, dx))
    cols_dst = slice(max(0, dx), w - max(0, -dx))
    out[..., rows_dst, cols_dst] = images[..., rows_src, cols_src]
    return out


def random_shift(images: torch.Tensor, max_shift: int, *, generator: torch.Generator):
    """Shift each image by its own random ``(dy, dx)`` in ``[-max_shift, max_shift]``, zero fill.

    Equivalent to zero padding by ``max_shift`` and a random crop back to ``H x W``
    (``torchvision.transforms.v2.RandomCrop(size, padding=max_shift)``).
    """
    images, generator = _images(images), _generator(generator)
    if isinstance(max_shift, bool) or not isinstance(max_shift, int):
        raise TypeError(f"max_shift must be an int, got {type(max_shift).__name__}")
    if max_shift < 0:
        raise ValueError(f"max_shift must be >= 0, got {max_shift}")
    offsets = torch.randint(-max_shift, max_shift + 1, (images.shape[0], 2), generator=generator)
    return torch.cat(
        [
            shift(image[None], int(dy), int(dx))
            for image, (dy, dx) in zip(images, offsets, strict=True)
        ]
    )


def random_crop(
    images: torch.Tensor, size: int, padding: int = 0, *, generator: torch.Generator
) -> torch.Tensor:
    """Zero-pad by ``padding``, then cut a random ``size x size`` window from each image.

    With ``size < H`` the result is smaller than the input (train on crops, test on the
    centre crop or resize); with ``size = H`` and ``padding > 0`` it is a random shift.
    """
    images, generator = _images(images), _generator(generator)
    padded = F.pad(images, (padding,) * 4) if padding else images
    h, w = padded.shape[-2:]
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"size must be a positive int, got {size!r}")
    if size > min(h, w):
        raise ValueError(f"size {size} is larger than the padded image {h} x {w}")
    tops = torch.randint(0, h - size + 1, (images.shape[0],), generator=generator)
    lefts = torch.randint(0, w - size + 1, (images.shape[0],), generator=generator)
    return torch.stack(
        [img[:, t : t + size, s : s + size] for img, t, s in zip(padded, tops, lefts, strict=True)]
    )


def random_rotation(images: torch.Tensor, degrees: float, *, generator: torch.Generator):
    """Rotate each image by its own random angle in ``[-degrees, degrees]`` about its centre.

    Bilinear interpolation, zeros outside the image (``F.affine_grid`` + ``F.grid_sample``).
    """
    images, generator = _images(images), _generator(generator)
    degrees = require_non_negative("degrees", degrees)
    angles = _uniform(images.shape[0], -degrees, degrees, generator) * (math.pi / 180)
    cos, sin = torch.cos(angles), torch.sin(angles)
    zeros = torch.zeros_like(cos)
    theta = torch.stack([torch.stack([cos, -sin, zeros], 1), torch.stack([sin, cos, zeros], 1)], 1)
    grid = F.affine_grid(theta.to(images.dtype), list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def random_brightness(images: torch.Tensor, strength: float, *, generator: torch.Generator):
    """Multiply each image by its own factor in ``[1 - strength, 1 + strength]`` (jitter)."""
    images, generator = _images(images), _generator(generator)
    strength = require_non_negative("strength", strength)
    factors = _uniform(images.shape[0], 1 - strength, 1 + strength, generator)
    return images * factors.to(images.dtype).view(-1, 1, 1, 1)


def gaussian_noise(images: torch.Tensor, std: float, *, generator: torch.Generator):
    """Add independent Gaussian noise ``N(0, std^2)`` to every pixel."""
    images, generator = _images(images), _generator(generator)
    std = require_non_negative("std", std)
    noise = torch.randn(images.shape, generator=generator, dtype=images.dtype)
    return images + std * noise


def cutout(images: torch.Tensor, size: int, *, generator: torch.Generator) -> torch.Tensor:
    """Set a random ``size x size`` square of each image to 0 (it may stick out of the border)."""
    images, generator = _images(images), _generator(generator)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"size must be a positive int, got {size!r}")
    n, _, h, w = images.shape
    centres_y = torch.randint(0, h, (n,), generator=generator)
    centres_x = torch.randint(0, w, (n,), generator=generator)
    rows = torch.arange(h).view(1, h, 1)
    cols = torch.arange(w).view(1, 1, w)
    top = (centres_y - size // 2).view(n, 1, 1)
    left = (centres_x - size // 2).view(n, 1, 1)
    inside = (rows >= top) & (rows < top + size) & (cols >= left) & (cols < left + size)
    return images.masked_fill(inside[:, None], 0.0)


def mixup(
    images: torch.Tensor, targets: torch.Tensor, lam: float, *, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Blend each example with a random partner: ``lam * x_i + (1 - lam) * x_j``, same for targets.

    ``targets`` are one-hot or probability vectors ``(N, K)``; the mixed targets are soft labels
    for ``nn.CrossEntropyLoss`` (which accepts class probabilities). Usually ``lam`` is drawn
    from ``Beta(alpha, alpha)``. Mixup is *not* label-preserving: it changes the targets too.
    """
    images, generator = _images(images), _generator(generator)
    targets = require_floating("targets", require_tensor("targets", targets))
    if targets.dim() != 2 or targets.shape[0] != images.shape[0]:
        raise ValueError(f"targets must have shape (N, K) with N = {images.shape[0]}")
    lam = require_non_negative("lam", lam)
    if lam > 1:
        raise ValueError(f"lam must be in [0, 1], got {lam}")
    partner = torch.randperm(images.shape[0], generator=generator)
    return (
        lam * images + (1 - lam) * images[partner],
        lam * targets + (1 - lam) * targets[partner],
    )
