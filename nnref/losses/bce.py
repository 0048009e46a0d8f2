"""Binary cross-entropy, on probabilities (``BCELoss``) and on logits (``BCEWithLogitsLoss``).

On probabilities torch clamps each logarithm to at least -100, so a prediction of exactly 0 or 1
costs at most 100, and its backward divides by ``max(x (1 - x), 1e-12)``. On logits it never
forms ``sigmoid(x)``: ``log sigmoid(x)`` is computed without overflow, which is the
``max(x, 0) - x y + log(1 + exp(-|x|))`` form of the loss.
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor

LOG_CLAMP = -100.0  # torch clamps log(x) and log(1 - x) to >= -100
GRAD_EPSILON = 1e-12  # ... and divides the gradient by max(x (1 - x), 1e-12)


class _ClampedBinaryCrossEntropy(torch.autograd.Function):
    """Elementwise ``-(y max(log x, -100) + (1 - y) max(log(1 - x), -100))`` with torch's backward.

    The backward is written out because torch's is not the derivative of the clamped forward:
    where a logarithm is clamped (x = 0 or 1) the clamped expression is flat, yet torch returns
    ``(x - y) / max(x (1 - x), 1e-12)`` for the input and ``log(1 - x) - log(x)`` for the target.
    """

    @staticmethod
    def forward(ctx, input: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(input, target)
        log_x = input.log().clamp(min=LOG_CLAMP)
        log_1mx = torch.log1p(-input).clamp(min=LOG_CLAMP)
        return -(target * log_x + (1 - target) * log_1mx)

    @staticmethod
    def backward(ctx, grad: torch.Tensor) -> tuple[torch.Tensor | None, torch.Tensor | None]:
        input, target = ctx.saved_tensors
        grad_input = grad_target = None
        if ctx.needs_input_grad[0]:
            grad_input = grad * (input - target) / (input * (1 - input)).clamp(min=GRAD_EPSILON)
        if ctx.needs_input_grad[1]:
            grad_target = grad * (torch.log1p(-input) - input.log())
        return grad_input, grad_target


def _same_shape(input: torch.Tensor, target: torch.Tensor) -> None:
    if target.shape != input.shape:
        raise ValueError(
            f"target must have the input's shape {tuple(input.shape)}, got {tuple(target.shape)}"
        )


def _broadcast_to(name: str, value: torch.Tensor | None, shape: torch.Size) -> torch.Tensor | None:
    """Expand an optional ``weight`` or ``pos_weight`` to ``shape``, or raise naming it."""
    if value is None:
        return None
    require_tensor(name, value)
    try:
        return value.expand(shape)
    except RuntimeError as error:
        raise ValueError(
            f"{name} of shape {tuple(value.shape)} cannot be broadcast to the target shape "
            f"{tuple(shape)}"
        ) from error


def _reduce(losses: torch.Tensor, reduction: str) -> torch.Tensor:
    if reduction == "none":
        return losses
    return losses.sum() if reduction == "sum" else losses.mean()


def binary_cross_entropy(
    input: torch.Tensor,
    target: torch.Tensor,
    weight: torch.Tensor | None = None,
    reduction: str = "mean",
) -> torch.Tensor:
    """Binary cross-entropy of probabilities ``input`` in ``[0, 1]`` against targets in ``[0, 1]``.

    ``l = -w [y max(log x, -100) + (1 - y) max(log(1 - x), -100)]`` elementwise; ``mean`` divides
    by the number of elements (the weight does not change the divisor).

    Args:
        input: probabilities (e.g. the output of a sigmoid), any shape.
        target: the same shape as ``input``, floating point.
        weight: optional, broadcastable to the target shape.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
    """
    require_floating("input", require_tensor("input", input))
    require_floating("target", require_tensor("target", target))
    require_reduction(reduction)
    _same_shape(input, target)
    if ((input < 0) | (input > 1)).any():
        raise ValueError(
            "input must hold probabilities in [0, 1]; for logits use "
            "binary_cross_entropy_with_logits (or apply a sigmoid first)"
        )
    if ((target < 0) | (target > 1)).any():
        raise ValueError("target must hold values in [0, 1] (torch checks it in BCELoss)")
    weight = _broadcast_to("weight", weight, target.shape)
    losses = _ClampedBinaryCrossEntropy.apply(input, target)
    if weight is not None:
        losses = losses * weight
    return _reduce(losses, reduction)


def log_sigmoid(input: torch.Tensor) -> torch.Tensor:
    """``log(sigmoid(x))`` without overflow: ``-log(1 + e^-x)`` for x >= 0, ``x - log(1 + e^x)``.

    Each branch is evaluated on a clamped copy of ``x``, so the branch that ``where`` discards
    never overflows and never sends a NaN into the gradient.
    """
    non_negative = input.clamp(min=0)
    negative = input.clamp(max=0)
    return torch.where(
        input >= 0,
        -torch.log1p(torch.exp(-non_negative)),
        negative - torch.log1p(torch.exp(negative)),
    )


def binary_cross_entropy_with_logits(
    input: torch.Tensor,
    target: torch.Tensor,
    weight: torch.Tensor | None = None,
    reduction: str = "mean",
    pos_weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """Binary cross-entropy of logits: ``sigmoid`` and ``BCE`` fused into one stable formula.

    ``l = -w [p y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))]
    = w [(1 - y) x - (1 + (p - 1) y) log sigmoid(x)]``; with ``p = 1`` this is
    ``max(x, 0) - x y + log(1 + exp(-|x|))``. ``pos_weight`` ``p`` broadcasts against the target
    from the right, so a ``(C,)`` tensor weights the positives of each class (last dimension).

    Args:
        input: logits, any shape.
        target: the same shape as ``input``, floating point in ``[0, 1]``.
        weight: optional, broadcastable to the target shape.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
        pos_weight: optional weight of the positive term, broadcastable to the target shape.
    """
    require_floating("input", require_tensor("input", input))
    require_floating("target", require_tensor("target", target))
    require_reduction(reduction)
    _same_shape(input, target)
    weight = _broadcast_to("weight", weight, target.shape)
    pos_weight = _broadcast_to("pos_weight", pos_weight, target.shape)
    log_p = log_sigmoid(input)
    positive_factor = 1 if pos_weight is None else 1 + (pos_weight - 1) * target
    losses = (1 - target) * input - positive_factor * log_p
    if weight is not None:
        losses = losses * weight
    return _reduce(losses, reduction)
