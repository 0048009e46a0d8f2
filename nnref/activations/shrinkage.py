"""Shrinkage functions: hard and soft thresholding of every element at ``lambd``.

Both are written with comparisons and ``where``, never with the torch function they mirror.
At ``|x| = lambd`` both return 0 and have gradient 0, exactly as torch; ``*_derivative`` writes
the derivative as a mask.
"""

import torch

from nnref._checks import require_floating, require_non_negative, require_tensor


def _require_lambd(lambd: object) -> float:
    """``lambd`` must be a real number; torch's ``hardshrink`` accepts negative values."""
    if isinstance(lambd, bool) or not isinstance(lambd, int | float):
        raise TypeError(f"lambd must be a number, got {type(lambd).__name__}")
    return float(lambd)


def _outside(input: torch.Tensor, lambd: float) -> torch.Tensor:
    """The mask ``|x| > lambd``, written as two comparisons: false at exactly ``+-lambd``."""
    return (input > lambd) | (input < -lambd)


def hardshrink(input: torch.Tensor, lambd: float = 0.5) -> torch.Tensor:
    """Return ``x`` where ``|x| > lambd`` and 0 elsewhere (hard thresholding).

    The function jumps from 0 to ``+-lambd`` at ``|x| = lambd``; at exactly ``+-lambd`` the
    output is 0 and so is the gradient, as in torch. With ``lambd < 0`` every element is kept:
    torch accepts it, and the function becomes the identity.

    Args:
        input: a floating-point tensor of any shape.
        lambd: the threshold (default 0.5).

    Returns:
        A tensor of the same shape and dtype.
    """
    require_tensor("input", input)
    require_floating("input", input)
    value = _require_lambd(lambd)
    return torch.where(_outside(input, value), input, torch.zeros_like(input))


def hardshrink_derivative(input: torch.Tensor, lambd: float = 0.5) -> torch.Tensor:
    """Return 1 where ``|x| > lambd`` and 0 elsewhere (0 at ``x = +-lambd``)."""
    require_tensor("input", input)
    require_floating("input", input)
    return _outside(input, _require_lambd(lambd)).to(input.dtype)


def softshrink(input: torch.Tensor, lambd: float = 0.5) -> torch.Tensor:
    """Return ``sign(x) * max(|x| - lambd, 0)`` (soft thresholding).

    This is the proximal operator of ``lambd * |x|``: the minimiser over ``z`` of
    ``(z - x)^2 / 2 + lambd * |z|``. It is continuous; its derivative jumps from 0 to 1 at
    ``|x| = lambd``, where torch (and this function) use 0.

    Args:
        input: a floating-point tensor of any shape.
        lambd: the threshold, ``>= 0`` (default 0.5).

    Returns:
        A tensor of the same shape and dtype.
    """
    require_tensor("input", input)
    require_floating("input", input)
    value = require_non_negative("lambd", _require_lambd(lambd))
    zero = torch.zeros_like(input)
    return torch.where(
        input > value, input - value, torch.where(input < -value, input + value, zero)
    )


def softshrink_derivative(input: torch.Tensor, lambd: float = 0.5) -> torch.Tensor:
    """Return 1 where ``|x| > lambd`` and 0 elsewhere (0 at ``x = +-lambd``)."""
    require_tensor("input", input)
    require_floating("input", input)
    value = require_non_negative("lambd", _require_lambd(lambd))
    return _outside(input, value).to(input.dtype)
