"""The sigmoid family: logistic sigmoid, its logarithm and the piecewise-linear hard sigmoid.

Each function is written with elementary tensor operations (``exp``, ``log1p``, ``where``), never
with the torch function it mirrors, and is arranged so that autograd through it returns exactly
the gradient torch returns, at the kink points of ``hardsigmoid`` included. Each has a
``*_derivative`` companion that writes the derivative in closed form.
"""

import torch

from nnref._checks import require_floating, require_tensor


def _as_floating(name: str, input: torch.Tensor) -> torch.Tensor:
    """Promote an integer or boolean tensor to the default float dtype, as ``torch.sigmoid``."""
    require_tensor(name, input)
    if input.is_complex():
        raise TypeError(f"{name} must be a real tensor, got {input.dtype}")
    return input if input.is_floating_point() else input.to(torch.get_default_dtype())


def _exp_minus_abs(input: torch.Tensor) -> torch.Tensor:
    """``exp(-|x|)``, which never overflows; ``|x|`` is taken as ``x`` at 0 (gradient -1 there).

    ``torch.abs`` has gradient 0 at 0; choosing the branch ``-x`` for ``x >= 0`` keeps the
    one-sided derivative, which is what the smooth functions below need at ``x = 0``.
    """
    return torch.exp(torch.where(input >= 0, -input, input))


def sigmoid(input: torch.Tensor) -> torch.Tensor:
    """Return the logistic sigmoid ``1 / (1 + exp(-x))`` without overflow.

    For ``x >= 0`` it computes ``1 / (1 + e)`` and for ``x < 0`` ``e / (1 + e)``, with
    ``e = exp(-|x|) <= 1``: neither branch overflows, so the value and the gradient stay finite
    at ``x = -100`` in float32, where the textbook formula's gradient is ``inf / inf = nan``.

    Args:
        input: a tensor of any shape; integer and boolean tensors are promoted to the default
            float dtype, as ``torch.sigmoid`` does.

    Returns:
        A tensor of the same shape with values in ``(0, 1)`` (rounding can reach 0 and 1).
    """
    x = _as_floating("input", input)
    e = _exp_minus_abs(x)
    return torch.where(x >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``sigma'(x) = sigma(x) (1 - sigma(x))``, which is at most 1/4 (at ``x = 0``)."""
    s = sigmoid(input)
    return s * (1 - s)


def logsigmoid(input: torch.Tensor) -> torch.Tensor:
    """Return ``log(sigmoid(x)) = -softplus(-x) = min(x, 0) - log1p(exp(-|x|))``.

    The naive ``log(torch.sigmoid(x))`` returns ``-inf`` in float32 for ``x <= -88.73``, where
    the sigmoid rounds to 0; this form stays exact there (about ``x``) and never overflows.

    Args:
        input: a floating-point tensor of any shape.

    Returns:
        A tensor of the same shape with values in ``(-inf, 0)``.
    """
    require_tensor("input", input)
    require_floating("input", input)
    return torch.where(input >= 0, 0, input) - torch.log1p(_exp_minus_abs(input))


def logsigmoid_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``(log sigma)'(x) = 1 - sigma(x) = sigma(-x)``: 1/2 at 0, near 1 for ``x << 0``."""
    require_tensor("input", input)
    require_floating("input", input)
    return sigmoid(-input)


def hardsigmoid(input: torch.Tensor) -> torch.Tensor:
    """Return the hard sigmoid ``relu6(x + 3) / 6``: 0 for ``x <= -3``, 1 for ``x >= 3``.

    Between the kinks it is the line ``(x + 3) / 6``. The comparisons are written so that at
    ``x = -3`` and ``x = 3`` the output is a constant, hence gradient 0 there, as in torch.

    Args:
        input: a floating-point tensor of any shape.

    Returns:
        A tensor of the same shape with values in ``[0, 1]``.
    """
    require_tensor("input", input)
    require_floating("input", input)
    zero, one = torch.zeros_like(input), torch.ones_like(input)
    return torch.where(input <= -3, zero, torch.where(input >= 3, one, (input + 3) / 6))


def hardsigmoid_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return 1/6 for ``-3 < x < 3`` and 0 elsewhere (0 at both kinks, as torch)."""
    require_tensor("input", input)
    require_floating("input", input)
    inside = (input > -3) & (input < 3)
    return inside.to(input.dtype) / 6
