"""Negative log-likelihood loss: ``-w[y] x[y]`` for log-probabilities ``x``, class indices ``y``.

The helpers here (shape rules for class-index targets, the class-weight vector, the weighted mean)
are shared with :mod:`nnref.losses.cross_entropy`, which is ``nll_loss(log_softmax(x), y)``.
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor

# torch accepts int64 (long) class indices, and also uint8 (byte) ones.
INDEX_DTYPES = (torch.int64, torch.uint8)


def require_index_target(target: torch.Tensor) -> torch.Tensor:
    """Raise ``TypeError`` unless ``target`` holds class indices (int64 or uint8)."""
    if target.dtype not in INDEX_DTYPES:
        raise TypeError(
            f"target must hold class indices of dtype torch.int64 (long), got {target.dtype}; "
            "for class probabilities give a float target of the same shape as the input"
        )
    return target


def batched(input: torch.Tensor, target: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, bool]:
    """Check the shapes of scores ``(N, C, d1, ...)`` or ``(C,)`` and class indices.

    Returns:
        ``(input, target, unbatched)`` where ``input`` has shape ``(N, C, d1, ...)`` and
        ``target`` shape ``(N, d1, ...)``; ``unbatched`` is ``True`` when a batch dimension of
        size 1 was added to a ``(C,)`` input and a 0-d target.
    """
    if input.dim() == 0:
        raise ValueError("input must have a class dimension: shape (C,), (N, C) or (N, C, d1, ...)")
    if input.dim() == 1:
        if target.dim() != 0:
            raise ValueError(
                f"target for an unbatched input of shape {tuple(input.shape)} must be a 0-d "
                f"class index, got shape {tuple(target.shape)}"
            )
        return input.unsqueeze(0), target.unsqueeze(0), True
    expected = (input.shape[0], *input.shape[2:])
    if tuple(target.shape) != expected:
        raise ValueError(
            f"target must have shape {expected} (input shape {tuple(input.shape)} without the "
            f"class dimension 1), got {tuple(target.shape)}"
        )
    return input, target, False


def class_weight(weight: torch.Tensor | None, num_classes: int, like: torch.Tensor) -> torch.Tensor:
    """The per-class weight vector ``w`` of shape ``(C,)``: the given one, or all ones."""
    if weight is None:
        return torch.ones(num_classes, dtype=like.dtype, device=like.device)
    require_floating("weight", require_tensor("weight", weight))
    if tuple(weight.shape) != (num_classes,):
        raise ValueError(
            f"weight must have one entry per class, shape ({num_classes},), "
            f"got {tuple(weight.shape)}"
        )
    return weight


def class_dim_view(weight: torch.Tensor, ndim: int) -> torch.Tensor:
    """Reshape a ``(C,)`` weight to broadcast along dimension 1 of an ``ndim``-D tensor."""
    return weight.reshape(1, -1, *([1] * (ndim - 2)))


def picked_weights(
    target: torch.Tensor, weight: torch.Tensor, ignore_index: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Validate index values and look up the weight of each target's class.

    Returns:
        ``(safe_target, valid, w_y)``: indices with ignored entries replaced by 0 (int64), the
        mask of entries that count, and ``w[y]`` with 0 where the entry is ignored.
    """
    num_classes = weight.shape[0]
    if isinstance(ignore_index, bool) or not isinstance(ignore_index, int):
        raise TypeError(f"ignore_index must be an int, got {type(ignore_index).__name__}")
    target = target.long()
    valid = target != ignore_index
    out_of_range = valid & ((target < 0) | (target >= num_classes))
    if out_of_range.any():
        bad = target[out_of_range][0].item()
        raise ValueError(
            f"target holds the class index {bad}, outside [0, {num_classes}) "
            f"(and not ignore_index={ignore_index})"
        )
    safe_target = torch.where(valid, target, 0)
    w_y = torch.where(valid, weight[safe_target], 0)
    return safe_target, valid, w_y


def reduce_weighted(
    losses: torch.Tensor, w_y: torch.Tensor, reduction: str, unbatched: bool
) -> torch.Tensor:
    """``none``: the losses; ``sum``: their sum; ``mean``: their sum divided by ``sum(w[y])``."""
    if reduction == "none":
        return losses.squeeze(0) if unbatched else losses
    total = losses.sum()
    return total if reduction == "sum" else total / w_y.sum()


def nll_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    weight: torch.Tensor | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
) -> torch.Tensor:
    """Negative log-likelihood of class indices under log-probabilities.

    ``l_n = -w[y_n] * input[n, y_n]`` (0 where ``y_n == ignore_index``); ``mean`` divides the sum
    by ``sum_n w[y_n]`` over the entries that are not ignored (``nan`` if every entry is
    ignored), ``sum`` adds them up, ``none`` returns them.

    Args:
        input: log-probabilities, shape ``(C,)``, ``(N, C)`` or ``(N, C, d1, ..., dK)``.
        target: class indices (int64 or uint8) of shape ``()``, ``(N,)`` or ``(N, d1, ..., dK)``.
        weight: optional per-class weight of shape ``(C,)``.
        ignore_index: a target value that contributes neither loss nor gradient.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
    """
    require_floating("input", require_tensor("input", input))
    require_index_target(require_tensor("target", target))
    require_reduction(reduction)
    scores, indices, unbatched = batched(input, target)
    weight = class_weight(weight, scores.shape[1], scores)
    safe_target, valid, w_y = picked_weights(indices, weight, ignore_index)
    picked = scores.gather(1, safe_target.unsqueeze(1)).squeeze(1)
    losses = torch.where(valid, -w_y * picked, 0)
    return reduce_weighted(losses, w_y, reduction, unbatched)
