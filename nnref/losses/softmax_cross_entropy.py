r"""Cross-entropy from logits, its smoothed targets and its gradient ``softmax(z) - q``.

The loss of one example with logits :math:`z \in \mathbb{R}^C` and target distribution
:math:`q` is :math:`\ell = -\sum_c q_c \log \mathrm{softmax}(z)_c
= \log \sum_j e^{z_j} - \sum_c q_c z_c`; for a class index :math:`y`, :math:`q` is one-hot and
:math:`\ell = -\log \mathrm{softmax}(z)_y`. Label smoothing replaces :math:`q` by
:math:`(1 - \varepsilon) q + \varepsilon / C`. This is ``torch.nn.functional.cross_entropy``
without ``weight`` and ``ignore_index``.
"""

import torch

from nnref._checks import require_reduction, require_tensor
from nnref.activations.softmax import log_softmax, softmax

_INDEX_DTYPES = (torch.int64, torch.uint8)


def _class_dim(input: torch.Tensor) -> int:
    """The class axis: 0 for an unbatched ``(C,)`` input, else 1 (``(N, C, d1, ...)``)."""
    if input.dim() == 0:
        raise ValueError("input must have a class dimension: (C,), (N, C) or (N, C, d1, ...)")
    return 0 if input.dim() == 1 else 1


def _label_smoothing(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"label_smoothing must be a number, got {type(value).__name__}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"label_smoothing must be between 0.0 and 1.0, got {value}")
    return float(value)


def smoothed_targets(
    input: torch.Tensor, target: torch.Tensor, label_smoothing: float = 0.0
) -> torch.Tensor:
    r"""Return the target distribution :math:`q` the loss compares with, in ``input``'s shape.

    Class indices become one-hot vectors along the class axis; probabilities are kept. Then
    :math:`q \leftarrow (1 - \varepsilon) q + \varepsilon / C`.

    Args:
        input: logits of shape ``(C,)``, ``(N, C)`` or ``(N, C, d1, ...)``.
        target: class indices (``int64``, the input's shape without the class axis) or
            probabilities (floating point, the input's shape).
        label_smoothing: :math:`\varepsilon \in [0, 1]`.

    Raises:
        TypeError: for a target that is neither ``int64``/``uint8`` indices nor floating point.
        ValueError: for a target of the wrong shape or ``label_smoothing`` outside ``[0, 1]``.
        IndexError: for a class index outside ``[0, C)``.
    """
    require_tensor("input", input)
    require_tensor("target", target)
    epsilon = _label_smoothing(label_smoothing)
    dim = _class_dim(input)
    classes = input.shape[dim]
    if target.is_floating_point():
        if target.shape != input.shape:
            raise ValueError(
                f"target of probabilities must have the input's shape {tuple(input.shape)}, "
                f"got {tuple(target.shape)}"
            )
        q = target.to(input.dtype)
    elif target.dtype in _INDEX_DTYPES:
        expected = input.shape[:dim] + input.shape[dim + 1 :]
        if target.shape != expected:
            raise ValueError(
                f"target of class indices must have shape {tuple(expected)} (the input's shape "
                f"without the class axis {dim}), got {tuple(target.shape)}"
            )
        if target.numel() and (target.min() < 0 or target.max() >= classes):
            bad = target[(target < 0) | (target >= classes)].flatten()[0].item()
            raise IndexError(f"target {bad} is out of bounds for {classes} classes")
        index = target.long().unsqueeze(dim)
        q = torch.zeros_like(input).scatter_(dim, index, 1.0)
    else:
        raise TypeError(
            f"target must hold int64 class indices or floating-point probabilities, "
            f"got {target.dtype}"
        )
    return (1.0 - epsilon) * q + epsilon / classes


def cross_entropy(
    input: torch.Tensor,
    target: torch.Tensor,
    label_smoothing: float = 0.0,
    reduction: str = "mean",
) -> torch.Tensor:
    r"""Return :math:`-\sum_c q_c \log \mathrm{softmax}(z)_c` from logits, reduced.

    The log-probabilities come from :func:`nnref.activations.softmax.log_softmax`
    (:math:`z - \log\sum e^z`), never from ``log(softmax(z))``, so logits of ±1000 give a
    finite loss.

    Args:
        input: logits (raw scores, not probabilities) of shape ``(C,)``, ``(N, C)`` or
            ``(N, C, d1, ...)``.
        target: class indices or probabilities, as in :func:`smoothed_targets`.
        label_smoothing: :math:`\varepsilon \in [0, 1]`.
        reduction: ``"none"`` (one loss per example and position), ``"sum"`` or ``"mean"``
            (the sum divided by the number of losses, i.e. ``N * d1 * ...``).
    """
    require_tensor("input", input)
    if not input.is_floating_point():
        raise TypeError(f"input must have a floating-point dtype, got {input.dtype}")
    require_reduction(reduction)
    q = smoothed_targets(input, target, label_smoothing)
    losses = -(q * log_softmax(input, _class_dim(input))).sum(dim=_class_dim(input))
    if reduction == "none":
        return losses
    return losses.sum() if reduction == "sum" else losses.mean()


def cross_entropy_gradient(
    input: torch.Tensor,
    target: torch.Tensor,
    label_smoothing: float = 0.0,
    reduction: str = "mean",
) -> torch.Tensor:
    r"""Return :math:`\partial L / \partial z = (\mathrm{softmax}(z) - q) / n` in closed form.

    :math:`n` is the number of losses for ``"mean"`` and 1 for ``"sum"``. For ``"none"`` this
    is the gradient of the sum of the per-example losses (each row is its own example's
    gradient). A probability target that does not sum to 1 (torch accepts it) gives the
    general form :math:`\mathrm{softmax}(z) \sum_c q_c - q`.
    """
    require_tensor("input", input)
    if not input.is_floating_point():
        raise TypeError(f"input must have a floating-point dtype, got {input.dtype}")
    require_reduction(reduction)
    q = smoothed_targets(input, target, label_smoothing)
    dim = _class_dim(input)
    # d/dz of -sum_c q_c log softmax(z)_c is softmax(z) * sum_c q_c - q, which is
    # softmax(z) - q whenever the target sums to 1 (torch does not require it to)
    gradient = softmax(input, dim) * q.sum(dim=dim, keepdim=True) - q
    if reduction == "mean":
        gradient = gradient / (input.numel() // input.shape[dim])
    return gradient
