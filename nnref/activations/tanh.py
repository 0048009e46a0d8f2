"""The tanh family: hyperbolic tangent, hard tanh, softsign and tanhshrink.

Each function is written with elementary tensor operations, never with the torch function it
mirrors, so that autograd through it returns the gradient torch returns, at the ends of
``hardtanh`` included. Each has a ``*_derivative`` companion in closed form.
"""

import torch

from nnref._checks import require_tensor


def _require_number(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a real number (not a bool), else raise TypeError."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


def _as_floating(name: str, input: torch.Tensor) -> torch.Tensor:
    """Promote an integer tensor to the default float dtype; refuse booleans and complex."""
    require_tensor(name, input)
    if input.dtype == torch.bool or input.is_complex():
        raise TypeError(f"{name} must be a real numeric tensor, got {input.dtype}")
    return input if input.is_floating_point() else input.to(torch.get_default_dtype())


def tanh(input: torch.Tensor) -> torch.Tensor:
    """Return ``tanh(x) = (e^x - e^-x) / (e^x + e^-x)`` without overflow or cancellation.

    With ``m = expm1(-2|x|)`` (so ``-1 < m <= 0``), ``tanh(|x|) = -m / (2 + m)``; the sign is
    restored with ``where``. ``expm1`` keeps full relative precision for tiny ``x``, where
    ``2 * sigmoid(2x) - 1`` would cancel to 0, and nothing overflows at ``|x| = 100``.

    Args:
        input: a tensor of any shape; integer tensors are promoted to the default float dtype,
            as ``torch.tanh`` does.

    Returns:
        A tensor of the same shape with values in ``(-1, 1)`` (rounding can reach -1 and 1).
    """
    x = _as_floating("input", input)
    magnitude = torch.where(x >= 0, x, -x)  # |x| with gradient +1 at 0, unlike torch.abs
    m = torch.expm1(-2 * magnitude)
    t = -m / (2 + m)
    return torch.where(x >= 0, t, -t)


def tanh_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``tanh'(x) = 1 - tanh(x)^2``: 1 at ``x = 0``, tending to 0 for large ``|x|``."""
    t = tanh(input)
    return 1 - t * t


def _bounds(min_val: object, max_val: object) -> tuple[float, float]:
    low, high = _require_number("min_val", min_val), _require_number("max_val", max_val)
    if low > high:
        raise ValueError(f"min_val cannot be greater than max_val, got {low} > {high}")
    return low, high


def hardtanh(input: torch.Tensor, min_val: float = -1.0, max_val: float = 1.0) -> torch.Tensor:
    """Return ``x`` clipped to ``[min_val, max_val]``, with gradient 0 at both ends.

    The ends are tested with ``<=`` and ``>=``, so at ``x = min_val`` and ``x = max_val`` the
    output is a constant and its gradient 0, as in ``torch.nn.functional.hardtanh``;
    ``torch.clamp`` passes gradient 1 there instead.

    Args:
        input: a real tensor of any shape; integer tensors keep their dtype and, as in torch,
            are compared with the bounds truncated to integers.
        min_val: the lower end of the linear region (default -1).
        max_val: the upper end of the linear region (default 1); must be ``>= min_val``.

    Returns:
        A tensor of the same shape and dtype with values in ``[min_val, max_val]``.
    """
    require_tensor("input", input)
    if input.dtype == torch.bool or input.is_complex():
        raise TypeError(f"input must be a real numeric tensor, got {input.dtype}")
    low, high = _bounds(min_val, max_val)
    if not input.is_floating_point():
        low, high = int(low), int(high)
    low_t, high_t = torch.full_like(input, low), torch.full_like(input, high)
    return torch.where(input <= low, low_t, torch.where(input >= high, high_t, input))


def hardtanh_derivative(
    input: torch.Tensor, min_val: float = -1.0, max_val: float = 1.0
) -> torch.Tensor:
    """Return 1 for ``min_val < x < max_val`` and 0 elsewhere (0 at both ends, as torch)."""
    require_tensor("input", input)
    low, high = _bounds(min_val, max_val)
    return ((input > low) & (input < high)).to(input.dtype)


def softsign(input: torch.Tensor) -> torch.Tensor:
    """Return ``x / (1 + |x|)``: an S-shaped curve in ``(-1, 1)`` that saturates polynomially.

    Args:
        input: a real tensor of any shape; integer tensors are promoted to the default float
            dtype, as ``torch.nn.functional.softsign`` does.

    Returns:
        A tensor of the same shape with values in ``(-1, 1)``.
    """
    x = _as_floating("input", input)
    return x / (1 + x.abs())


def softsign_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``1 / (1 + |x|)^2``: 1 at ``x = 0``, decaying like ``1 / x^2``."""
    x = _as_floating("input", input)
    return 1 / (1 + x.abs()) ** 2


def tanhshrink(input: torch.Tensor) -> torch.Tensor:
    """Return ``x - tanh(x)``: about ``x^3 / 3`` near 0 and about ``x -+ 1`` for large ``|x|``.

    Args:
        input: a real tensor of any shape; integer tensors are promoted to the default float
            dtype, as ``torch.nn.functional.tanhshrink`` does.

    Returns:
        A tensor of the same shape, unbounded, with the sign of ``x``.
    """
    x = _as_floating("input", input)
    return x - tanh(x)


def tanhshrink_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``1 - tanh'(x) = tanh(x)^2``: 0 at ``x = 0``, tending to 1 for large ``|x|``."""
    t = tanh(input)
    return t * t
