"""Rectified linear units: ``ReLU(x) = max(0, x)``, ``ReLU6`` and ``Threshold``.

Each function takes the subgradient torch takes at its kinks, and propagates NaN like torch:
the comparisons are written so that a NaN input falls into the branch torch's kernel puts it in.
The ``*_derivative`` functions give the same values in closed form, without autograd.
"""

import math

import torch

from nnref._checks import require_tensor


def require_number(name: str, value: object) -> float | int:
    """Return ``value`` if it is a real number (not a bool), else raise ``TypeError``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return value


def require_numeric_input(input: object) -> torch.Tensor:
    """Return ``input`` if it is a tensor of numbers (torch refuses ``torch.bool``)."""
    require_tensor("input", input)
    if input.dtype == torch.bool:
        raise TypeError("input must be a numeric tensor, got torch.bool")
    return input


def require_floating_input(input: object) -> torch.Tensor:
    """Return ``input`` if it is a floating-point tensor, the only kind torch's kernel accepts."""
    require_tensor("input", input)
    if not input.is_floating_point():
        raise TypeError(f"input must have a floating-point dtype, got {input.dtype}")
    return input


def finish(input: torch.Tensor, result: torch.Tensor, inplace: object) -> torch.Tensor:
    """Return ``result``, or with ``inplace=True`` write it into ``input`` and return ``input``.

    ``copy_`` is an in-place operation to autograd, so it fails exactly where torch's in-place
    activations fail: on a leaf that requires grad (at once), and on a tensor an earlier
    operation saved for its backward pass (when ``backward`` runs).
    """
    if not isinstance(inplace, bool):
        raise TypeError(f"inplace must be a bool, got {type(inplace).__name__}")
    if not inplace:
        return result
    return input.copy_(result)


def relu(input: torch.Tensor, inplace: bool = False) -> torch.Tensor:
    """Return ``max(0, x)`` elementwise, with torch's subgradient 0 at ``x = 0``.

    ``torch.where(x <= 0, 0, x)`` passes the gradient only where ``x > 0`` (and at NaN, which
    it keeps, like ``torch.relu``); ``x.clamp(min=0)`` would pass gradient 1 at ``x = 0``.

    Args:
        input: tensor of any shape and numeric dtype.
        inplace: write the result into ``input`` and return it.
    """
    require_numeric_input(input)
    return finish(input, torch.where(input <= 0, torch.zeros_like(input), input), inplace)


def relu_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``ReLU'(x)``: 1 where ``x > 0`` and 0 elsewhere (0 at ``x = 0``, as torch)."""
    require_numeric_input(input)
    return torch.where(input <= 0, 0, 1).to(input.dtype)


def relu6(input: torch.Tensor, inplace: bool = False) -> torch.Tensor:
    """Return ``min(max(0, x), 6)`` elementwise, with gradient 0 at both kinks ``0`` and ``6``.

    torch computes ``ReLU6`` as ``hardtanh(x, 0, 6)``, whose gradient is 1 only strictly inside
    ``(0, 6)``.

    Args:
        input: tensor of any shape and numeric dtype.
        inplace: write the result into ``input`` and return it.
    """
    require_numeric_input(input)
    zero, six = torch.zeros_like(input), torch.full_like(input, 6)
    result = torch.where(input <= 0, zero, torch.where(input >= 6, six, input))
    return finish(input, result, inplace)


def relu6_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``ReLU6'(x)``: 1 for ``0 < x < 6``, 0 elsewhere (also at ``x = 0`` and ``x = 6``)."""
    require_numeric_input(input)
    return torch.where((input <= 0) | (input >= 6), 0, 1).to(input.dtype)


def _in_dtype(name: str, number: float | int, like: torch.Tensor) -> torch.Tensor:
    """``number`` converted to the dtype of ``like`` as torch converts a Scalar argument.

    For an integer tensor this truncates toward zero (``threshold=-0.5`` becomes ``0``); a
    number outside the range of the dtype is refused, as torch refuses it.
    """
    info = torch.finfo(like.dtype) if like.is_floating_point() else torch.iinfo(like.dtype)
    finite = not (isinstance(number, float) and math.isinf(number))
    if finite and not info.min <= number <= info.max:
        raise ValueError(f"{name}={number} cannot be converted to {like.dtype} without overflow")
    exact = torch.float64 if isinstance(number, float) else torch.int64
    return torch.tensor(number, dtype=exact).to(like.dtype)


def threshold(
    input: torch.Tensor, threshold: float, value: float, inplace: bool = False
) -> torch.Tensor:
    """Return ``x`` where ``x > threshold`` and ``value`` elsewhere (at the threshold too).

    The gradient is 1 where ``x > threshold`` and 0 elsewhere. Like torch, ``threshold`` and
    ``value`` are first converted to the dtype of ``input`` (truncated for integer tensors).

    Args:
        input: tensor of any shape and numeric dtype.
        threshold: the value that ``x`` must exceed to pass through.
        value: what replaces every ``x <= threshold``.
        inplace: write the result into ``input`` and return it.
    """
    require_numeric_input(input)
    require_number("threshold", threshold)
    require_number("value", value)
    cut, fill = _in_dtype("threshold", threshold, input), _in_dtype("value", value, input)
    result = torch.where(input <= cut, fill, input)
    return finish(input, result, inplace)


def threshold_derivative(input: torch.Tensor, threshold: float) -> torch.Tensor:
    """Return the derivative of ``threshold``: 1 where ``x > threshold``, else 0."""
    require_numeric_input(input)
    require_number("threshold", threshold)
    cut = _in_dtype("threshold", threshold, input)
    return torch.where(input <= cut, 0, 1).to(input.dtype)
