"""Multi-class hinge loss (``MultiMarginLoss``): every wrong class must score ``margin`` below the
right one.

For scores ``x`` of ``C`` classes and the right class ``y``:
``loss = sum_{i != y} w[y] * max(0, margin - x[y] + x[i])**p / C`` — the sum over the wrong
classes (Weston and Watkins' multi-class SVM), divided by **all** ``C`` classes, weighted by the
weight of the *target* class. ``'mean'`` divides the sum over the batch by ``N`` (not by a sum of
weights). At ``margin - x[y] + x[i] = 0`` torch's kernel counts a term only when it is strictly
positive, so the gradient there is 0.
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.margin import require_number


def check_class_input(input: torch.Tensor) -> int:
    """``input`` must be a floating ``(C)`` or ``(N, C)`` tensor with ``C > 0``; return ``C``."""
    require_floating("input", require_tensor("input", input))
    if input.dim() not in (1, 2) or input.shape[-1] == 0:
        raise ValueError(
            "input must have shape (C) or (N, C) with C > 0 classes, "
            f"got shape {tuple(input.shape)}"
        )
    return input.shape[-1]


def require_int64(name: str, value: object) -> torch.Tensor:
    """A tensor of class indices must be ``torch.int64``, as torch's kernels require."""
    require_tensor(name, value)
    if value.dtype != torch.int64:
        raise TypeError(f"{name} must hold class indices of dtype torch.int64, got {value.dtype}")
    return value


def reduce_per_sample(losses: torch.Tensor, reduction: str) -> torch.Tensor:
    """``'none'``: the per-sample losses; ``'sum'``; ``'mean'``: the sum divided by ``N``."""
    if reduction == "none":
        return losses
    total = losses.sum()
    return total if reduction == "sum" else total / losses.numel()


def multi_margin_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    p: int = 1,
    margin: float = 1.0,
    weight: torch.Tensor | None = None,
    reduction: str = "mean",
) -> torch.Tensor:
    """Multi-class hinge loss of scores ``input`` against class indices ``target``.

    Args:
        input: scores (not probabilities) of shape ``(N, C)`` or ``(C)``.
        target: class indices in ``[0, C)``, dtype ``torch.int64``, shape ``(N)`` (or ``()`` /
            ``(1)`` for a 1-D input).
        p: 1 (hinge, default) or 2 (squared hinge).
        margin: the gap the right class must keep over each wrong class (default 1).
        weight: optional ``(C)`` tensor; each sample's loss is multiplied by the weight of its
            **target** class.
        reduction: ``'mean'`` (default, divides by ``N``), ``'sum'`` or ``'none'`` (the
            target's shape).
    """
    classes = check_class_input(input)
    require_int64("target", target)
    if isinstance(p, bool) or p not in (1, 2):
        raise ValueError(f"p must be 1 or 2, got {p!r}")
    margin = require_number("margin", margin)
    require_reduction(reduction)
    batch = input.shape[0] if input.dim() == 2 else 1
    expected = (batch,) if input.dim() == 2 else ((), (1,))
    if (input.dim() == 2 and target.shape != expected) or (
        input.dim() == 1 and target.shape not in expected
    ):
        raise ValueError(
            f"target must have shape ({batch},) for input of shape {tuple(input.shape)}, "
            f"got {tuple(target.shape)}"
        )
    if target.numel() and (target.min() < 0 or target.max() >= classes):
        raise ValueError(f"target holds class indices outside [0, {classes})")
    if weight is not None:
        require_floating("weight", require_tensor("weight", weight))
        if weight.shape != (classes,):
            raise ValueError(f"weight must have shape ({classes},), got {tuple(weight.shape)}")

    scores = input.reshape(batch, classes)
    labels = target.reshape(batch, 1)
    right = scores.gather(1, labels)  # x[y], shape (N, 1)
    z = margin - right + scores
    hinge = torch.where(z > 0, z, torch.zeros_like(z))  # strictly positive terms only
    if p == 2:
        hinge = hinge * hinge
    is_target = torch.zeros_like(scores, dtype=torch.bool).scatter(1, labels, True)
    hinge = hinge.masked_fill(is_target, 0.0)  # the sum runs over i != y
    if weight is not None:
        hinge = hinge * weight[labels]
    losses = (hinge.sum(dim=1) / classes).reshape(target.shape)
    return reduce_per_sample(losses, reduction)
