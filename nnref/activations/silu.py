"""Self-gated activations: SiLU (Swish), its piecewise version Hardswish, and Mish.

Each multiplies ``x`` by a gate that rises from 0 to 1: ``sigma(x)`` for SiLU,
``relu6(x + 3) / 6`` for Hardswish, ``tanh(softplus(x))`` for Mish.
"""

import torch

from nnref._checks import require_floating, require_tensor
from nnref.activations.softplus import log1p_exp, logistic


def _check(input: object) -> None:
    require_tensor("input", input)
    require_floating("input", input)


def silu(input: torch.Tensor) -> torch.Tensor:
    """Return ``x * sigma(x)`` elementwise, like ``torch.nn.functional.silu``.

    Raises:
        TypeError: if ``input`` is not a floating-point tensor.
    """
    _check(input)
    return input * logistic(input)


def silu_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return SiLU'(x) = ``sigma(x) * (1 + x * (1 - sigma(x)))``."""
    _check(input)
    s = logistic(input)
    return s * (1.0 + input * (1.0 - s))


def hardswish(input: torch.Tensor) -> torch.Tensor:
    """Return Hardswish elementwise, like ``torch.nn.functional.hardswish``.

    ``0`` for ``x <= -3``, ``x`` for ``x >= 3``, ``x (x + 3) / 6`` in between. Writing the pieces
    with ``torch.where`` (not ``x * clamp(x + 3, 0, 6) / 6``) gives torch's gradients at the
    joints: 0 at ``x = -3`` and 1 at ``x = 3``, the outer pieces' slopes.
    """
    _check(input)
    middle = input * (input + 3.0) / 6.0
    return torch.where(
        input <= -3.0, torch.zeros_like(input), torch.where(input >= 3.0, input, middle)
    )


def hardswish_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return Hardswish'(x): 0 for ``x <= -3``, ``x/3 + 1/2`` in between, 1 for ``x >= 3``.

    At the joints this is the value torch's backward pass uses: 0 at -3 (the slope from the
    left; from the right it is -1/2) and 1 at 3 (from the left it is 3/2).
    """
    _check(input)
    middle = input / 3.0 + 0.5
    return torch.where(
        input <= -3.0,
        torch.zeros_like(input),
        torch.where(input >= 3.0, torch.ones_like(input), middle),
    )


def mish(input: torch.Tensor) -> torch.Tensor:
    """Return ``x * tanh(softplus(x))`` elementwise, like ``torch.nn.functional.mish``.

    The softplus inside has no threshold (torch's Mish has none either).
    """
    _check(input)
    return input * torch.tanh(log1p_exp(input))


def mish_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return Mish'(x) = ``tanh(sp(x)) + x * sigma(x) * (1 - tanh(sp(x))**2)``, sp = softplus."""
    _check(input)
    t = torch.tanh(log1p_exp(input))
    return t + input * logistic(input) * (1.0 - t * t)
