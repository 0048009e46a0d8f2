"""Gaussian negative log-likelihood: a mean and a variance predicted for every target."""

import math

import torch

from nnref._checks import require_non_negative, require_reduction, require_tensor
from nnref.losses.mse import check_target, reduce


def _variance(input: torch.Tensor, var: object) -> torch.Tensor:
    """``var`` as a tensor that broadcasts with ``input``, by torch's rules.

    A float fills the input's shape. A tensor may have the input's shape (heteroscedastic),
    the input's shape without its last dimension (then a last dimension of 1 is added), or the
    input's number of dimensions with exactly one of them equal to 1 where the input's is not
    (homoscedastic along that dimension). Negative entries are refused.
    """
    if isinstance(var, float):
        if var < 0:
            raise ValueError(f"var must be non-negative, got {var}")
        return var * torch.ones_like(input)
    if not isinstance(var, torch.Tensor):
        raise TypeError(
            f"var must be a torch.Tensor or a float, got {type(var).__name__} "
            "(torch rejects a Python int too: write 1.0, not 1)"
        )
    if not var.is_floating_point():
        # torch fails too: it clamps a copy of var in place to the float eps
        raise TypeError(f"var must have a floating-point dtype, got {var.dtype}")
    if bool((var < 0).any()):
        raise ValueError("var has negative entries: it is a variance (sigma squared)")
    if var.shape == input.shape:
        return var
    if var.shape == input.shape[:-1]:
        return var.unsqueeze(-1)
    mismatched = [v for i, v in zip(input.shape, var.shape, strict=False) if i != v]
    if var.dim() == input.dim() and sum(mismatched) == 1:
        return var
    raise ValueError(
        f"var of shape {tuple(var.shape)} does not fit input of shape {tuple(input.shape)}: "
        "give var the input's shape, drop its last dimension, or set one dimension to 1"
    )


def gaussian_nll_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    var: torch.Tensor | float,
    full: bool = False,
    eps: float = 1e-6,
    reduction: str = "mean",
) -> torch.Tensor:
    """``0.5 (log v + (input - target)^2 / v)`` with ``v = max(var, eps)``, plus a constant.

    The clamp to ``eps`` is a straight-through operation, as in torch: the value uses the
    clamped variance, and the gradient reaches ``var`` as if there were no clamp.

    Args:
        input: the predicted means, any shape (an integer tensor is promoted, as in torch).
        target: the observations; broadcast with ``input`` silently (no warning, unlike
            ``mse_loss``).
        var: the predicted **variances** (not standard deviations): a tensor that fits the
            input (see ``_variance``) or a float. Must be non-negative.
        full: add the constant ``0.5 log(2 pi)`` to every element.
        eps: the lower bound of the variance, for numerical stability.
        reduction: ``'mean'`` (default; over every element of the broadcast loss), ``'sum'``
            or ``'none'``.
    """
    require_tensor("input", input)
    require_tensor("target", target)
    if not isinstance(full, bool):
        raise TypeError(f"full must be a bool, got {type(full).__name__}")
    eps = require_non_negative("eps", eps)
    var = _variance(input, var)
    require_reduction(reduction)
    check_target(input, target, warn=False)
    clamped = var + (var.clamp(min=eps) - var).detach()  # value max(var, eps), gradient 1
    losses = 0.5 * (torch.log(clamped) + (input - target) ** 2 / clamped)
    if full:
        losses = losses + 0.5 * math.log(2 * math.pi)
    return reduce(losses, reduction)
