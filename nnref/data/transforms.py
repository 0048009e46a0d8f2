"""Transforms as plain callables, and their composition.

A transform is any callable that takes one sample and returns the transformed sample;
``Compose([f, g, h])(x)`` is ``h(g(f(x)))``. This is the whole design of
``torchvision.transforms.v2`` (``Compose``, ``ToImage``, ``ToDtype``, ``Normalize``,
``RandomHorizontalFlip``, ...), written here without torchvision for tensors in the
``(C, H, W)`` layout (or any layout whose first dimension is the channel and last the width).
"""

from collections.abc import Callable, Sequence

import torch

from nnref._checks import require_tensor

__all__ = ["Compose", "Lambda", "Normalize", "RandomHorizontalFlip", "ToDtype"]


class Compose:
    """Apply transforms one after another: ``Compose([f, g])(x) == g(f(x))``.

    Args:
        transforms: the callables, applied in list order.
    """

    def __init__(self, transforms: Sequence[Callable[[object], object]]) -> None:
        if isinstance(transforms, (str, bytes)) or not isinstance(transforms, Sequence):
            raise TypeError("transforms must be a list of callables")
        for i, transform in enumerate(transforms):
            if not callable(transform):
                raise TypeError(f"transforms[{i}] is not callable: {transform!r}")
        self.transforms = list(transforms)

    def __call__(self, sample: object) -> object:
        for transform in self.transforms:
            sample = transform(sample)
        return sample

    def __repr__(self) -> str:
        inner = ", ".join(repr(t) for t in self.transforms)
        return f"Compose([{inner}])"


class Lambda:
    """Wrap a function as a transform (``torchvision.transforms.v2.Lambda``)."""

    def __init__(self, function: Callable[[object], object]) -> None:
        if not callable(function):
            raise TypeError("function must be callable")
        self.function = function

    def __call__(self, sample: object) -> object:
        return self.function(sample)

    def __repr__(self) -> str:
        return f"Lambda({getattr(self.function, '__name__', self.function)!r})"


class ToDtype:
    """Convert a tensor to ``dtype``; with ``scale=True`` an integer image (``uint8``, values
    0..255) becomes a floating image in ``[0, 1]`` (divided by 255), as ``v2.ToDtype`` does."""

    def __init__(self, dtype: torch.dtype, scale: bool = False) -> None:
        if not isinstance(dtype, torch.dtype):
            raise TypeError(f"dtype must be a torch.dtype, got {type(dtype).__name__}")
        self.dtype = dtype
        self.scale = scale

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        require_tensor("x", x)
        if self.scale and x.dtype == torch.uint8 and self.dtype.is_floating_point:
            return x.to(self.dtype) / 255
        return x.to(self.dtype)

    def __repr__(self) -> str:
        return f"ToDtype({self.dtype}, scale={self.scale})"


class Normalize:
    """Standardise every channel: ``(x[c] - mean[c]) / std[c]`` for channel ``c`` (the first
    dimension), as ``v2.Normalize(mean, std)`` does.

    Args:
        mean: one mean per channel.
        std: one standard deviation per channel, all positive.
    """

    def __init__(self, mean: Sequence[float], std: Sequence[float]) -> None:
        self.mean = torch.as_tensor(mean, dtype=torch.float64).flatten()
        self.std = torch.as_tensor(std, dtype=torch.float64).flatten()
        if self.mean.shape != self.std.shape:
            raise ValueError(f"mean and std need one value per channel, got {mean} and {std}")
        if not bool((self.std > 0).all()):
            raise ValueError(f"std must be positive, got {std}")

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        require_tensor("x", x)
        if not x.is_floating_point():
            raise TypeError(f"x must be a floating tensor, got {x.dtype} (convert it first)")
        if x.dim() < 1 or x.shape[0] != len(self.mean):
            raise ValueError(
                f"x must have {len(self.mean)} channels in dimension 0, got shape {tuple(x.shape)}"
            )
        view = (-1,) + (1,) * (x.dim() - 1)
        mean = self.mean.to(x.dtype).view(view)
        std = self.std.to(x.dtype).view(view)
        return (x - mean) / std

    def __repr__(self) -> str:
        return f"Normalize(mean={self.mean.tolist()}, std={self.std.tolist()})"


class RandomHorizontalFlip:
    """Mirror the last dimension (the width) with probability ``p``.

    One number ``u ~ U[0, 1)`` is drawn from ``generator`` per call; the sample is flipped when
    ``u < p``. A generator of its own makes the augmentation reproducible.
    """

    def __init__(self, p: float = 0.5, generator: torch.Generator | None = None) -> None:
        if not isinstance(p, (int, float)) or not 0 <= p <= 1:
            raise ValueError(f"p must be a probability in [0, 1], got {p}")
        self.p = float(p)
        self.generator = generator

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        require_tensor("x", x)
        if torch.rand((), generator=self.generator) < self.p:
            return x.flip(-1)
        return x

    def __repr__(self) -> str:
        return f"RandomHorizontalFlip(p={self.p})"
