"""Poisson negative log-likelihood: the loss for counts predicted as a rate or a log-rate."""

import math

import torch

from nnref._checks import require_non_negative, require_reduction, require_tensor
from nnref.losses.mse import check_target, reduce


def _require_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")
    return value


def stirling_term(target: torch.Tensor) -> torch.Tensor:
    """``log(target!)`` by Stirling's formula where ``target > 1``, and 0 where ``target <= 1``.

    ``k log k - k + 0.5 log(2 pi k)``; torch masks the term out for ``k <= 1`` (where
    ``log(0!) = log(1!) = 0`` exactly), so it is never evaluated as the loss there.
    """
    term = target * torch.log(target) - target + 0.5 * torch.log(2 * math.pi * target)
    return torch.where(target > 1, term, torch.zeros_like(term))


def poisson_nll_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    log_input: bool = True,
    full: bool = False,
    eps: float = 1e-8,
    reduction: str = "mean",
) -> torch.Tensor:
    """Negative log-likelihood of counts ``target ~ Poisson(rate)``, without ``log(target!)``.

    Args:
        input: the predicted log-rate ``log(rate)`` if ``log_input`` (default), else the rate.
            Any numeric dtype, as in torch: an integer tensor is promoted by ``exp``/``log``.
        target: observed counts (any non-negative numbers), broadcast with ``input`` silently.
        log_input: ``True``: loss ``exp(input) - target * input``; ``False``: loss
            ``input - target * log(input + eps)``.
        full: add Stirling's approximation of ``log(target!)`` where ``target > 1``; it does
            not depend on ``input``, so it changes the value, not the gradient for the input.
        eps: keeps ``log(input + eps)`` finite at a zero rate (``log_input=False`` only).
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
    """
    require_tensor("input", input)
    require_tensor("target", target)
    _require_bool("log_input", log_input)
    _require_bool("full", full)
    eps = require_non_negative("eps", eps)
    require_reduction(reduction)
    check_target(input, target, warn=False)
    if log_input:
        losses = torch.exp(input) - target * input
    else:
        losses = input - target * torch.log(input + eps)
    if full:
        losses = losses + stirling_term(target)
    return reduce(losses, reduction)
