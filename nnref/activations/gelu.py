"""Gaussian error linear unit: ``GELU(x) = x * Phi(x)``, exact (erf) or with the tanh formula.

``approximate="none"`` computes ``0.5 * x * (1 + erf(x / sqrt(2)))``, as torch does (so in the
far negative tail the result underflows to ``-0`` exactly like torch's, instead of the tiny
negative value ``x * Phi(x)`` really is). ``approximate="tanh"`` computes
``0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))``.
"""

import math

import torch

from nnref._checks import require_floating, require_tensor

APPROXIMATIONS = ("none", "tanh")
TANH_COEFFICIENT = 0.044715  # the cubic coefficient of the tanh formula
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def _check(input: object, approximate: object) -> None:
    """Raise like torch for a non-tensor or integer input, or an unknown ``approximate``."""
    require_tensor("input", input)
    require_floating("input", input)
    if not isinstance(approximate, str):
        raise TypeError(f"approximate must be a str, got {type(approximate).__name__}")
    if approximate not in APPROXIMATIONS:
        raise ValueError(f"approximate must be 'none' or 'tanh', got {approximate!r}")


def standard_normal_cdf(input: torch.Tensor) -> torch.Tensor:
    """Return ``Phi(x) = (1 + erf(x / sqrt(2))) / 2``, the CDF of N(0, 1)."""
    return 0.5 * (1.0 + torch.erf(input * (1.0 / math.sqrt(2.0))))


def standard_normal_pdf(input: torch.Tensor) -> torch.Tensor:
    """Return ``phi(x) = exp(-x**2 / 2) / sqrt(2 pi)``, the density of N(0, 1)."""
    return torch.exp(-0.5 * input * input) * (1.0 / math.sqrt(2.0 * math.pi))


def _tanh_inner(input: torch.Tensor) -> torch.Tensor:
    """The argument of tanh in the tanh formula: ``sqrt(2/pi) * (x + 0.044715 x**3)``."""
    return SQRT_2_OVER_PI * (input + TANH_COEFFICIENT * input * input * input)


def gelu(input: torch.Tensor, approximate: str = "none") -> torch.Tensor:
    """Return GELU(x) elementwise, like ``torch.nn.functional.gelu(input, approximate=...)``.

    Args:
        input: a floating-point tensor of any shape.
        approximate: ``"none"`` for ``x * Phi(x)`` with ``erf``, ``"tanh"`` for the tanh formula.

    Raises:
        TypeError: if ``input`` is not a floating-point tensor or ``approximate`` not a str.
        ValueError: if ``approximate`` is neither ``"none"`` nor ``"tanh"``.
    """
    _check(input, approximate)
    if approximate == "tanh":
        return 0.5 * input * (1.0 + torch.tanh(_tanh_inner(input)))
    return input * standard_normal_cdf(input)


def gelu_derivative(input: torch.Tensor, approximate: str = "none") -> torch.Tensor:
    """Return GELU'(x) elementwise, written out as torch's backward pass computes it.

    ``"none"``: ``Phi(x) + x * phi(x)``. ``"tanh"``: with ``t = tanh(u)`` and
    ``u = sqrt(2/pi) (x + 0.044715 x**3)``,
    ``0.5 (1 + t) + 0.5 x (1 - t**2) sqrt(2/pi) (1 + 3 * 0.044715 x**2)``.
    """
    _check(input, approximate)
    if approximate == "tanh":
        t = torch.tanh(_tanh_inner(input))
        inner_derivative = SQRT_2_OVER_PI * (1.0 + 3.0 * TANH_COEFFICIENT * input * input)
        return 0.5 * (1.0 + t) + 0.5 * input * (1.0 - t * t) * inner_derivative
    return standard_normal_cdf(input) + input * standard_normal_pdf(input)
