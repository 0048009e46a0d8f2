"""Multi-label losses: several right classes per sample.

* ``multilabel_margin_loss`` (``MultiLabelMarginLoss``): a hinge between every target class ``j``
  and every non-target class ``i``, ``sum_{j, i} max(0, 1 - (x[j] - x[i])) / C``. The target
  is a row of class **indices** padded with -1: the targets are the entries before the first
  -1, and everything after it is ignored (but must still lie in ``[-1, C)``). A class listed
  twice counts twice, as in torch's kernel. A term counts only when strictly positive, so the
  gradient at ``x[j] - x[i] = 1`` is 0.
* ``multilabel_soft_margin_loss`` (``MultiLabelSoftMarginLoss``): binary cross-entropy on
  logits for every class, ``-(y log sigmoid(x) + (1 - y) log sigmoid(-x))``, times an optional
  per-class weight, averaged over the ``C`` classes; the target is **multi-hot** (0/1 floats).
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.margin import broadcast_shape, softplus
from nnref.losses.multi_margin import check_class_input, reduce_per_sample, require_int64


def multilabel_margin_loss(
    input: torch.Tensor, target: torch.Tensor, reduction: str = "mean"
) -> torch.Tensor:
    """Multi-label hinge loss of scores ``input`` against -1-padded index lists ``target``.

    Args:
        input: scores of shape ``(N, C)`` or ``(C)``, floating point.
        target: class indices of the same shape, dtype ``torch.int64``: each row lists the
            sample's classes, then -1 (the first -1 ends the list), e.g. ``[3, 0, -1, 1]``
            means classes {3, 0}.
        reduction: ``'mean'`` (default, divides by ``N``), ``'sum'`` or ``'none'`` (shape
            ``(N)``, or ``()`` for a 1-D input).
    """
    classes = check_class_input(input)
    require_int64("target", target)
    require_reduction(reduction)
    if target.shape != input.shape:
        raise ValueError(
            f"target must have the input's shape {tuple(input.shape)} (class indices padded "
            f"with -1), got {tuple(target.shape)}"
        )
    if target.numel() and (target.min() < -1 or target.max() >= classes):
        raise ValueError(f"target entries must lie in [-1, {classes}), -1 ending the list")

    scores = input.reshape(-1, classes)
    indices = target.reshape(-1, classes)
    # Entries before the first -1: a running product of "is a class index".
    listed = torch.cumprod((indices >= 0).to(torch.int64), dim=1).bool()
    counts = torch.zeros_like(scores).scatter_add(
        1, indices.clamp_min(0), listed.to(scores.dtype)
    )  # how often each class is listed (a duplicate counts twice, as in torch)
    is_target = counts > 0
    # z[n, j, i] = 1 - x[j] + x[i] for every listed class j and every other class i
    z = 1.0 - scores.unsqueeze(2) + scores.unsqueeze(1)
    hinge = torch.where(z > 0, z, torch.zeros_like(z))
    pairs = counts.unsqueeze(2) * (~is_target).unsqueeze(1).to(scores.dtype)
    losses = (pairs * hinge).sum(dim=(1, 2)) / classes
    if input.dim() == 1:
        losses = losses.reshape(())
    return reduce_per_sample(losses, reduction)


def multilabel_soft_margin_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    weight: torch.Tensor | None = None,
    reduction: str = "mean",
) -> torch.Tensor:
    """One-vs-all logistic loss per class, averaged over the last (class) dimension.

    Args:
        input: logits of shape ``(N, C)`` (any shape works: the last dimension is the class).
        target: multi-hot labels in {0, 1}, broadcastable with ``input`` (usually the same
            shape); labels in {-1, 1} give a wrong, possibly negative loss.
        weight: optional per-class weights, broadcastable with ``input`` (usually ``(C)``);
            each class's loss is multiplied by its weight, and the result is still divided by
            ``C`` (not by the sum of the weights).
        reduction: ``'mean'`` (default, mean over the samples), ``'sum'`` or ``'none'``
            (shape ``(N)``).
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("target", target)
    require_reduction(reduction)
    if input.dim() == 0:
        raise ValueError("input must have a class dimension, got a 0-d tensor")
    tensors = {"input": input, "target": target}
    if weight is not None:
        tensors["weight"] = require_tensor("weight", weight)
    broadcast_shape(**tensors)
    # -log sigmoid(x) = softplus(-x), -log sigmoid(-x) = softplus(x)
    losses = target * softplus(-input) + (1 - target) * softplus(input)
    if weight is not None:
        losses = losses * weight
    per_sample = losses.sum(dim=-1) / input.shape[-1]
    if reduction == "none":
        return per_sample
    return per_sample.sum() if reduction == "sum" else per_sample.mean()
