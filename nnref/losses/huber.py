"""Huber and smooth L1 losses: quadratic near zero error, linear beyond a threshold.

``huber_loss(delta)`` equals ``delta * smooth_l1_loss(beta=delta)``: the same curve scaled so
that the linear part has slope ``delta`` (Huber) or 1 (smooth L1).
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.mse import (
    check_promoted_dtype,
    check_target,
    check_weight,
    reduce,
    reduce_weighted,
)


def _require_threshold(name: str, value: object, *, allow_zero: bool) -> float:
    """``delta`` must be a number > 0; ``beta`` a number >= 0 (torch's rules)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a float or int, got {type(value).__name__}")
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return float(value)


def huber_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    reduction: str = "mean",
    delta: float = 1.0,
    weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """Huber loss: ``0.5 e^2`` if ``|e| < delta``, else ``delta (|e| - 0.5 delta)``, ``e = x - y``.

    Unlike the other regression losses, the result has the **input's dtype**, as in torch: the
    loss is computed in the promoted dtype and cast back (a ``float64`` target with a
    ``float32`` input gives a ``float32`` loss), and an integer input is refused even with a
    floating-point target.

    Args:
        input: predictions, any shape, floating point.
        target: same shape as ``input`` (broadcast with a warning otherwise, like torch).
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
        delta: where the loss switches from quadratic to linear; must be > 0.
        weight: optional weights of the input's shape (``torch.nn.functional.huber_loss`` only):
            each loss is multiplied by its weight, and ``'mean'`` then divides by the **number
            of elements** (not the sum of the weights, unlike ``mse_loss`` and ``l1_loss``).
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("target", target)
    require_reduction(reduction)
    delta = _require_threshold("delta", delta, allow_zero=False)
    check_target(input, target, warn=True)
    check_weight(input, weight)
    error = input - target
    absolute = error.abs()
    losses = torch.where(absolute < delta, 0.5 * error**2, delta * (absolute - 0.5 * delta))
    losses = losses.to(input.dtype)  # torch writes the loss into a tensor like the input
    if weight is not None:
        return reduce_weighted(losses, weight, reduction, mean_over="elements")
    return reduce(losses, reduction)


def smooth_l1_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    reduction: str = "mean",
    beta: float = 1.0,
) -> torch.Tensor:
    """Smooth L1 loss: ``0.5 e^2 / beta`` if ``|e| < beta``, else ``|e| - 0.5 beta``.

    Args:
        input: predictions, any shape.
        target: same shape as ``input`` (broadcast with a warning otherwise, like torch). The
            loss has the promoted dtype of ``input`` and ``target``, which must be floating
            point (an integer input with a floating-point target works, as in torch).
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
        beta: where the loss switches from quadratic to linear; must be >= 0. ``beta = 0`` is
            exactly the L1 loss (torch then calls ``l1_loss``).
    """
    require_tensor("input", input)
    require_tensor("target", target)
    check_promoted_dtype(input, target)
    require_reduction(reduction)
    beta = _require_threshold("beta", beta, allow_zero=True)
    check_target(input, target, warn=True)
    error = input - target
    absolute = error.abs()
    if beta == 0.0:
        # No quadratic piece; computing 0.5 e^2 / 0 in the unused branch of torch.where
        # would put nan into the gradient.
        return reduce(absolute, reduction)
    losses = torch.where(absolute < beta, 0.5 * error**2 / beta, absolute - 0.5 * beta)
    return reduce(losses, reduction)
