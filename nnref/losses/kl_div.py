"""Kullback-Leibler divergence ``KL(target || model)`` from the model's log-probabilities.

Pointwise ``t (log t - x)`` with ``0 log 0 = 0`` (or ``e^t (t - x)`` when the target is given as
log-probabilities). ``batchmean`` divides the sum by the batch size and is the true KL
divergence per example; ``mean`` divides by every element and is ``1 / C`` of it.
"""

import warnings

import torch

from nnref._checks import require_floating, require_tensor

KL_REDUCTIONS = ("none", "batchmean", "sum", "mean")

MEAN_WARNING = (
    "reduction: 'mean' divides the total loss by both the batch size and the support size."
    "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
    "'mean' will be changed to behave the same as 'batchmean' in the next major release."
)


def kl_div(
    input: torch.Tensor,
    target: torch.Tensor,
    reduction: str = "mean",
    log_target: bool = False,
) -> torch.Tensor:
    """KL divergence of the target distribution from the model's.

    Args:
        input: the model's log-probabilities ``x = log q``, any shape.
        target: probabilities ``t`` (or log-probabilities when ``log_target=True``),
            broadcastable with ``input`` (torch broadcasts without a warning).
        reduction: ``'mean'`` (default; divides by the number of elements and warns, as torch
            does), ``'batchmean'`` (sum / ``input.shape[0]``), ``'sum'`` or ``'none'``.
        log_target: whether ``target`` holds log-probabilities.

    Returns:
        ``t (log t - x)`` (``xlogy`` gives ``0 log 0 = 0``), or ``e^t (t - x)`` with
        ``log_target``, reduced as asked.
    """
    require_floating("input", require_tensor("input", input))
    require_floating("target", require_tensor("target", target))
    if reduction not in KL_REDUCTIONS:
        raise ValueError(f"reduction must be one of {KL_REDUCTIONS}, got {reduction!r}")
    if not isinstance(log_target, bool):
        raise TypeError(f"log_target must be a bool, got {type(log_target).__name__}")
    try:
        torch.broadcast_shapes(input.shape, target.shape)
    except RuntimeError as error:
        raise ValueError(
            f"target shape {tuple(target.shape)} cannot be broadcast with input shape "
            f"{tuple(input.shape)}"
        ) from error
    if log_target:
        pointwise = target.exp() * (target - input)
    else:
        pointwise = torch.xlogy(target, target) - target * input
    if reduction == "none":
        return pointwise
    if reduction == "mean":
        warnings.warn(MEAN_WARNING, UserWarning, stacklevel=2)
        return pointwise.sum() / pointwise.numel()
    total = pointwise.sum()
    if reduction == "batchmean" and input.dim() != 0:
        return total / input.shape[0]
    return total
