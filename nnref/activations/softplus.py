"""Softplus ``log(1 + exp(beta x)) / beta``, torch's linear cut-off, and its derivative sigma.

Both ``log(1 + exp(z))`` and the logistic sigmoid are computed without overflow for any ``z``:
each formula is evaluated only on the half-line where its ``exp`` cannot overflow, and the
other half-line gets a harmless 0 as input (the "double where"), so that autograd never
multiplies a zero by an infinity. The switch is at ``z = 0``, where the gradient through the
chosen branch is the true derivative (0.5 for softplus, 0.25 for the sigmoid).
"""

import torch

from nnref._checks import require_floating, require_tensor


def _check_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


def _check(input: object, beta: object, threshold: object) -> tuple[float, float]:
    require_tensor("input", input)
    require_floating("input", input)
    beta = _check_number("beta", beta)
    threshold = _check_number("threshold", threshold)
    if beta == 0:
        raise ValueError("beta must be non-zero: Softplus divides by beta")
    return beta, threshold


def log1p_exp(input: torch.Tensor) -> torch.Tensor:
    """Return ``log(1 + exp(z))`` for every ``z``, never overflowing.

    For ``z > 0`` it is ``z + log1p(exp(-z))``, otherwise ``log1p(exp(z))``: ``exp`` only ever
    sees a non-positive number.
    """
    positive = input > 0
    zero = torch.zeros_like(input)
    upper = torch.where(positive, input, zero)  # z where z > 0, else a harmless 0
    lower = torch.where(positive, zero, input)  # z where z <= 0, else a harmless 0
    return torch.where(
        positive, upper + torch.log1p(torch.exp(-upper)), torch.log1p(torch.exp(lower))
    )


def logistic(input: torch.Tensor) -> torch.Tensor:
    """Return the logistic sigmoid ``1 / (1 + exp(-z))`` for every ``z``, never overflowing.

    For ``z >= 0`` it is ``1 / (1 + exp(-z))``, otherwise ``exp(z) / (1 + exp(z))``.
    """
    require_tensor("input", input)
    positive = input >= 0
    zero = torch.zeros_like(input)
    upper = torch.where(positive, input, zero)
    lower = torch.where(positive, zero, input)
    e = torch.exp(lower)
    return torch.where(positive, 1.0 / (1.0 + torch.exp(-upper)), e / (1.0 + e))


def softplus(input: torch.Tensor, beta: float = 1.0, threshold: float = 20.0) -> torch.Tensor:
    """Return Softplus elementwise, like ``torch.nn.functional.softplus(input, beta, threshold)``.

    ``x`` itself where ``beta * x > threshold`` (torch's cut-off to the linear function),
    ``log(1 + exp(beta x)) / beta`` elsewhere. Unlike torch, the second branch never overflows,
    so a large ``threshold`` does not turn a large input into ``inf``.

    Args:
        input: a floating-point tensor of any shape.
        beta: the sharpness; ``Softplus -> ReLU`` as ``beta -> +inf``. Must be non-zero.
        threshold: where ``beta * x`` exceeds it, the output is ``x``.

    Raises:
        TypeError: if ``input`` is not a floating-point tensor or ``beta``/``threshold`` are not
            numbers.
        ValueError: if ``beta`` is 0.
    """
    beta, threshold = _check(input, beta, threshold)
    scaled = input * beta
    return torch.where(scaled > threshold, input, log1p_exp(scaled) / beta)


def softplus_derivative(
    input: torch.Tensor, beta: float = 1.0, threshold: float = 20.0
) -> torch.Tensor:
    """Return Softplus'(x): ``sigma(beta x)``, and exactly 1 where ``beta * x > threshold``."""
    beta, threshold = _check(input, beta, threshold)
    scaled = input * beta
    return torch.where(scaled > threshold, torch.ones_like(input), logistic(scaled))
