"""Exponential linear units: ``ELU``, ``CELU`` and ``SELU``.

For ``x <= 0`` they follow a scaled ``exp(x) - 1`` that saturates at a negative value, for
``x > 0`` the identity (scaled, for SELU). torch takes the exponential branch at ``x = 0``, so
the derivative there is ``alpha`` for ELU, 1 for CELU and ``scale * alpha`` for SELU.

The exponential is evaluated on ``where(x <= 0, x, 0)``, never on a large positive ``x``: an
``exp`` that overflows in the branch ``torch.where`` does not select still sends
``0 * inf = nan`` into the gradient.
"""

import torch

from nnref.activations.relu import finish, require_floating_input, require_number

SELU_ALPHA = 1.6732632423543772848170429916717
"""The ``alpha`` of SELU (Klambauer et al., 2017), as torch defines it."""

SELU_SCALE = 1.0507009873554804934193349852946
"""The ``scale`` (lambda) of SELU, as torch defines it."""


def _negative_part(input: torch.Tensor) -> torch.Tensor:
    """``x`` where ``x <= 0`` and 0 elsewhere (also at NaN): a safe argument for ``exp``."""
    return torch.where(input <= 0, input, torch.zeros_like(input))


def _exponential_linear(
    input: torch.Tensor, alpha: float, scale: float, input_scale: float
) -> torch.Tensor:
    """torch's common kernel: ``scale * x`` for ``x > 0``, ``scale * alpha * expm1(input_scale
    * x)`` for ``x <= 0``."""
    negative = torch.expm1(_negative_part(input) * input_scale) * (alpha * scale)
    return torch.where(input <= 0, negative, input * scale)


def _exponential_linear_derivative(
    input: torch.Tensor, alpha: float, scale: float, input_scale: float
) -> torch.Tensor:
    negative = torch.exp(_negative_part(input) * input_scale) * (alpha * scale * input_scale)
    return torch.where(input <= 0, negative, torch.full_like(input, scale))


def elu(input: torch.Tensor, alpha: float = 1.0, inplace: bool = False) -> torch.Tensor:
    """Return ``x`` for ``x > 0`` and ``alpha * (exp(x) - 1)`` for ``x <= 0``.

    Args:
        input: floating-point tensor of any shape.
        alpha: the negative saturation value is ``-alpha`` (default 1).
        inplace: write the result into ``input`` and return it.
    """
    require_floating_input(input)
    require_number("alpha", alpha)
    return finish(input, _exponential_linear(input, alpha, 1.0, 1.0), inplace)


def elu_derivative(input: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    """Return ``1`` for ``x > 0`` and ``alpha * exp(x)`` for ``x <= 0`` (``alpha`` at 0)."""
    require_floating_input(input)
    require_number("alpha", alpha)
    return _exponential_linear_derivative(input, alpha, 1.0, 1.0)


def _check_celu_alpha(alpha: object) -> None:
    require_number("alpha", alpha)
    if alpha == 0:
        raise ValueError("alpha cannot be 0 for CELU (it divides x)")


def celu(input: torch.Tensor, alpha: float = 1.0, inplace: bool = False) -> torch.Tensor:
    """Return ``x`` for ``x > 0`` and ``alpha * (exp(x / alpha) - 1)`` for ``x <= 0``.

    The derivative is continuous for every ``alpha``; ``celu(x, 1) == elu(x, 1)``.

    Args:
        input: floating-point tensor of any shape.
        alpha: the negative saturation value is ``-alpha``; must not be 0 (default 1).
        inplace: write the result into ``input`` and return it.
    """
    require_floating_input(input)
    _check_celu_alpha(alpha)
    return finish(input, _exponential_linear(input, alpha, 1.0, 1.0 / alpha), inplace)


def celu_derivative(input: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    """Return ``1`` for ``x > 0`` and ``exp(x / alpha)`` for ``x <= 0`` (1 at 0: no kink)."""
    require_floating_input(input)
    _check_celu_alpha(alpha)
    return _exponential_linear_derivative(input, alpha, 1.0, 1.0 / alpha)


def selu(input: torch.Tensor, inplace: bool = False) -> torch.Tensor:
    """Return ``scale * x`` for ``x > 0`` and ``scale * alpha * (exp(x) - 1)`` for ``x <= 0``.

    ``alpha`` and ``scale`` are the constants ``SELU_ALPHA`` and ``SELU_SCALE``.

    Args:
        input: floating-point tensor of any shape.
        inplace: write the result into ``input`` and return it.
    """
    require_floating_input(input)
    return finish(input, _exponential_linear(input, SELU_ALPHA, SELU_SCALE, 1.0), inplace)


def selu_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``scale`` for ``x > 0`` and ``scale * alpha * exp(x)`` for ``x <= 0``.

    At ``x = 0`` this is ``scale * alpha`` (about 1.7581), not ``scale`` (about 1.0507): SELU
    has a kink at 0, and torch takes the left branch there.
    """
    require_floating_input(input)
    return _exponential_linear_derivative(input, SELU_ALPHA, SELU_SCALE, 1.0)
