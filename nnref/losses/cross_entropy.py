"""Cross-entropy of logits: ``log_softmax`` then the negative log-likelihood of the targets.

Targets are either class indices (``nll_loss`` of the log-probabilities, with ``weight``,
``ignore_index`` and ``label_smoothing``) or class probabilities of the same shape as the input.
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.nll import (
    batched,
    class_dim_view,
    class_weight,
    nll_loss,
    picked_weights,
    reduce_weighted,
    require_index_target,
)


def log_softmax(input: torch.Tensor, dim: int) -> torch.Tensor:
    """``x - logsumexp(x)`` along ``dim``, shifted by the maximum so ``exp`` cannot overflow."""
    shift = input.amax(dim=dim, keepdim=True).detach()
    shifted = input - shift
    return shifted - shifted.exp().sum(dim=dim, keepdim=True).log()


def require_label_smoothing(label_smoothing: object) -> float:
    """Return ``label_smoothing`` as a float in ``[0, 1]``, else raise naming it."""
    if isinstance(label_smoothing, bool) or not isinstance(label_smoothing, int | float):
        raise TypeError(f"label_smoothing must be a number, got {type(label_smoothing).__name__}")
    if not 0.0 <= label_smoothing <= 1.0:
        raise ValueError(f"label_smoothing must be between 0.0 and 1.0, got {label_smoothing}")
    return float(label_smoothing)


def cross_entropy(
    input: torch.Tensor,
    target: torch.Tensor,
    weight: torch.Tensor | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> torch.Tensor:
    """Cross-entropy between logits and class indices or class probabilities.

    With class indices ``y`` (int64/uint8, shape ``()``, ``(N,)`` or ``(N, d1, ...)``) and
    smoothing ``eps`` over ``C`` classes: ``l_n = (1 - eps) * w[y_n] * (-log p[n, y_n])
    + eps / C * sum_c w[c] * (-log p[n, c])``, 0 where ``y_n == ignore_index``; ``mean`` divides
    the sum by ``sum_n w[y_n]`` over entries that are not ignored.

    With class probabilities ``t`` (a float tensor of the input's shape):
    ``t <- (1 - eps) t + eps / C`` and ``l_n = -sum_c w[c] t[n, c] log p[n, c]``; ``mean``
    divides the sum by the number of rows ``N * d1 * ...`` (not by any weight).

    Args:
        input: logits of shape ``(C,)``, ``(N, C)`` or ``(N, C, d1, ..., dK)``.
        target: class indices, or class probabilities with the same shape as ``input``.
        weight: optional per-class weight of shape ``(C,)``.
        ignore_index: index target value to skip; with probabilities only negative values
            (which never match) are accepted, as in torch.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
        label_smoothing: ``eps`` in ``[0, 1]``.
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("target", target)
    require_reduction(reduction)
    eps = require_label_smoothing(label_smoothing)
    if input.dim() == 0:
        raise ValueError("input must have a class dimension: shape (C,), (N, C) or (N, C, d1, ...)")
    class_dim = 0 if input.dim() == 1 else 1
    num_classes = input.shape[class_dim]
    weight = class_weight(weight, num_classes, input)
    log_p = log_softmax(input, class_dim)

    if target.shape == input.shape:  # class probabilities
        if not target.is_floating_point():
            raise TypeError(
                f"target with class probabilities (the input's shape) must be floating point, "
                f"got {target.dtype}; class indices have shape {tuple(input.shape[:1])} "
                "without the class dimension"
            )
        if ignore_index >= 0:
            raise ValueError("ignore_index is not supported for class-probability targets")
        probabilities = target * (1 - eps) + eps / num_classes if eps > 0 else target
        w = weight if input.dim() == 1 else class_dim_view(weight, input.dim())
        losses = -(log_p * probabilities * w).sum(dim=class_dim)
        if reduction == "none":
            return losses
        total = losses.sum()
        return total if reduction == "sum" else total / losses.numel()

    require_index_target(target)
    nll = nll_loss(log_p, target, weight, ignore_index, reduction)
    if eps == 0:
        return nll
    scores, indices, unbatched = batched(log_p, target)
    _, valid, w_y = picked_weights(indices, weight, ignore_index)
    uniform = -(scores * class_dim_view(weight, scores.dim())).sum(dim=1)
    uniform = torch.where(valid, uniform, 0)
    return (1 - eps) * nll + eps / num_classes * reduce_weighted(uniform, w_y, reduction, unbatched)
