"""Mean squared error ``(x - y)^2``, and the checks and reductions of pointwise regression losses.

``check_target`` and ``reduce`` are shared by the other regression losses of this package
(L1, Huber, smooth L1, Poisson and Gaussian NLL): they all compare ``input`` and ``target``
element by element and then reduce the elementwise losses the same way.
"""

import warnings

import torch

from nnref._checks import require_reduction, require_tensor


def check_promoted_dtype(
    input: torch.Tensor, target: torch.Tensor, *, allow_complex: bool = False
) -> torch.dtype:
    """Return the dtype ``input`` and ``target`` promote to; raise unless it is floating point.

    torch computes these losses in the promoted dtype: an integer input with a floating-point
    target works (``float32`` and ``float64`` give ``float64``), two integer tensors raise.

    Args:
        input: the predictions.
        target: the targets.
        allow_complex: accept a complex promoted dtype too (``l1_loss`` does).

    Raises:
        TypeError: if the promoted dtype is not floating point (or complex, when allowed).
    """
    dtype = torch.result_type(input, target)
    if not (dtype.is_floating_point or (allow_complex and dtype.is_complex)):
        kind = "floating-point or complex" if allow_complex else "floating-point"
        raise TypeError(
            f"input and target must promote to a {kind} dtype, got {input.dtype} and {target.dtype}"
        )
    return dtype


def check_target(
    input: torch.Tensor, target: torch.Tensor, *, warn: bool, stacklevel: int = 3
) -> None:
    """Check that ``target`` broadcasts with ``input``; warn like torch when the shapes differ.

    Args:
        input: the predictions.
        target: the targets.
        warn: emit torch's ``UserWarning`` when the shapes differ (``mse_loss``, ``l1_loss``,
            ``huber_loss`` and ``smooth_l1_loss`` warn; the Poisson and Gaussian losses do not).
        stacklevel: passed to ``warnings.warn`` so that the warning points at the caller's line.

    Raises:
        ValueError: if the shapes cannot be broadcast together.
    """
    if target.shape == input.shape:
        return
    try:
        torch.broadcast_shapes(input.shape, target.shape)
    except RuntimeError as error:
        raise ValueError(
            f"target shape {tuple(target.shape)} cannot be broadcast with "
            f"input shape {tuple(input.shape)}"
        ) from error
    if warn:
        warnings.warn(
            f"Using a target size ({tuple(target.shape)}) that is different to the input size "
            f"({tuple(input.shape)}). This will likely lead to incorrect results due to "
            "broadcasting. Please ensure they have the same size.",
            UserWarning,
            stacklevel=stacklevel,
        )


def check_weight(input: torch.Tensor, weight: torch.Tensor | None) -> torch.Tensor | None:
    """Return ``weight`` if it is ``None`` or a tensor of exactly the input's shape, else raise."""
    if weight is None:
        return None
    require_tensor("weight", weight)
    if weight.shape != input.shape:
        raise ValueError(
            f"weight must have the same shape as input {tuple(input.shape)}, "
            f"got {tuple(weight.shape)}"
        )
    return weight


def reduce(losses: torch.Tensor, reduction: str) -> torch.Tensor:
    """Reduce elementwise losses: ``'none'`` keeps them, ``'sum'`` adds them up, ``'mean'``
    divides the sum by the number of elements (``nan`` for an empty tensor, like torch)."""
    if reduction == "none":
        return losses
    total = losses.sum()
    return total if reduction == "sum" else total / losses.numel()


def reduce_weighted(
    losses: torch.Tensor, weight: torch.Tensor, reduction: str, *, mean_over: str
) -> torch.Tensor:
    """Multiply elementwise losses by ``weight`` and reduce them.

    Args:
        losses: the unweighted elementwise losses.
        weight: one weight per element (same shape as the input).
        reduction: ``'none'``, ``'mean'`` or ``'sum'``.
        mean_over: what ``'mean'`` divides the weighted sum by: ``'weights'`` (the sum of the
            weights: ``mse_loss`` and ``l1_loss``) or ``'elements'`` (their number:
            ``huber_loss``).
    """
    weighted = losses * weight
    if reduction != "mean" or mean_over == "elements":
        return reduce(weighted, reduction)
    return weighted.sum() / weight.sum()


def mse_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    reduction: str = "mean",
    weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """Squared error between ``input`` and ``target``.

    This is the mean of the squared errors itself, with no square root (the root mean squared
    error, RMSE, is ``mse_loss(input, target).sqrt()``).

    Args:
        input: predictions, any shape.
        target: same shape as ``input`` (broadcast with a warning otherwise, like torch). The
            loss is computed in the promoted dtype of ``input`` and ``target``, which must be
            floating point (two integer tensors raise, as in torch, unless ``weight`` is given:
            torch's weighted path has no such check).
        reduction: ``'mean'`` (default) divides the sum by the number of elements,
            ``'sum'`` adds them up, ``'none'`` returns the elementwise errors.
        weight: optional weights of the input's shape (``torch.nn.functional.mse_loss`` only,
            not the module): each squared error is multiplied by its weight, and ``'mean'``
            then divides by the **sum of the weights**.
    """
    require_tensor("input", input)
    require_tensor("target", target)
    if weight is None:
        check_promoted_dtype(input, target)
    require_reduction(reduction)
    check_target(input, target, warn=True)
    check_weight(input, weight)
    squared_error = (input - target) ** 2
    if weight is not None:
        return reduce_weighted(squared_error, weight, reduction, mean_over="weights")
    return reduce(squared_error, reduction)
