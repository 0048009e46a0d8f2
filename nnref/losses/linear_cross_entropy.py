"""Linear projection fused with cross-entropy, optionally a chunk of rows at a time.

``linear_cross_entropy(x, W, y)`` is ``cross_entropy(x W^T + b, y)``. The chunked path never
holds the whole ``(N, C)`` logits matrix: the forward pass computes the loss of ``chunk`` rows
at a time, and the backward pass recomputes each chunk's logits to form its gradient
``softmax - one_hot``, so the peak extra memory is one ``(chunk, C)`` block.
"""

import math
import warnings

import torch

from nnref._checks import require_floating, require_positive_int, require_reduction, require_tensor
from nnref.losses.cross_entropy import cross_entropy, require_label_smoothing
from nnref.losses.nll import class_weight, picked_weights


def _logsumexp_rows(logits: torch.Tensor) -> torch.Tensor:
    shift = logits.amax(dim=1, keepdim=True)
    return (shift + (logits - shift).exp().sum(dim=1, keepdim=True).log()).squeeze(1)


def _chunk_logits(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    logits = x @ weight.T
    return logits if bias is None else logits + bias


class _ChunkedRowNLL(torch.autograd.Function):
    """Per-row ``logsumexp(z_n) - z_{n, y_n}`` of ``z = x W^T + b``, ``chunk`` rows at a time.

    Only the inputs are saved; the backward pass recomputes each chunk's logits and turns them
    into ``(softmax(z) - one_hot(y)) * upstream`` before multiplying by ``W`` and ``x``.
    """

    @staticmethod
    def forward(ctx, input, weight, bias, target, chunk):
        losses = input.new_empty(input.shape[0])
        for start in range(0, input.shape[0], chunk):
            rows = slice(start, start + chunk)
            logits = _chunk_logits(input[rows], weight, bias)
            target_logit = logits.gather(1, target[rows].unsqueeze(1)).squeeze(1)
            losses[rows] = _logsumexp_rows(logits) - target_logit
        ctx.save_for_backward(input, weight, bias, target)
        ctx.chunk = chunk
        return losses

    @staticmethod
    def backward(ctx, grad_losses):
        input, weight, bias, target = ctx.saved_tensors
        grad_input = torch.zeros_like(input) if ctx.needs_input_grad[0] else None
        grad_weight = torch.zeros_like(weight) if ctx.needs_input_grad[1] else None
        needs_bias = bias is not None and ctx.needs_input_grad[2]
        grad_bias = torch.zeros_like(bias) if needs_bias else None
        for start in range(0, input.shape[0], ctx.chunk):
            rows = slice(start, start + ctx.chunk)
            logits = _chunk_logits(input[rows], weight, bias)
            probabilities = (logits - _logsumexp_rows(logits).unsqueeze(1)).exp()
            probabilities.scatter_add_(
                1, target[rows].unsqueeze(1), -torch.ones_like(probabilities[:, :1])
            )
            grad_logits = probabilities * grad_losses[rows].unsqueeze(1)
            if grad_input is not None:
                grad_input[rows] = grad_logits @ weight
            if grad_weight is not None:
                grad_weight += grad_logits.T @ input[rows]
            if grad_bias is not None:
                grad_bias += grad_logits.sum(dim=0)
        return grad_input, grad_weight, grad_bias, None, None


def _chunked(
    input, linear_weight, target, linear_bias, weight, reduction, ignore_index, chunk
) -> torch.Tensor:
    if tuple(target.shape) != tuple(input.shape[:-1]):
        raise ValueError(
            f"target must have shape {tuple(input.shape[:-1])}, got {tuple(target.shape)}"
        )
    unbatched = input.dim() == 1
    if unbatched:
        input, target = input.unsqueeze(0), target.unsqueeze(0)
    weight = class_weight(weight, linear_weight.shape[0], input)
    safe_target, valid, w_y = picked_weights(target, weight, ignore_index)
    row_nll = _ChunkedRowNLL.apply(input, linear_weight, linear_bias, safe_target, chunk)
    losses = torch.where(valid, w_y * row_nll, 0)
    if reduction == "none":
        return losses.squeeze(0) if unbatched else losses
    total = losses.sum()
    return total if reduction == "sum" else total / w_y.sum()


def linear_cross_entropy(
    input: torch.Tensor,
    linear_weight: torch.Tensor,
    target: torch.Tensor,
    *,
    linear_bias: torch.Tensor | None = None,
    weight: torch.Tensor | None = None,
    reduction: str = "mean",
    ignore_index: int | None = None,
    label_smoothing: float = 0.0,
    batch_chunk_size: int | None = None,
) -> torch.Tensor:
    """``cross_entropy(input @ W^T + b, target)``, a chunk of rows at a time if asked.

    Args:
        input: ``(in_features,)`` or ``(N, in_features)``.
        linear_weight: ``(C, in_features)`` or ``(C, d1, ..., dK, in_features)`` (the latter
            needs a batched input and gives logits ``(N, C, d1, ..., dK)``).
        target: class indices, or class probabilities of the logits' shape.
        linear_bias: optional, shape ``linear_weight.shape[:-1]``.
        weight: optional per-class weight ``(C,)`` of the cross-entropy.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
        ignore_index: ``None`` (default) means -100 for index targets; it must stay ``None``
            for probability targets.
        label_smoothing: ``eps`` in ``[0, 1]``.
        batch_chunk_size: rows per chunk; ``None`` computes all logits at once. The chunked
            path needs int64 indices, no smoothing and 2-D ``linear_weight``; otherwise it warns
            and falls back, like torch's ``options``.
    """
    require_floating("input", require_tensor("input", input))
    require_floating("linear_weight", require_tensor("linear_weight", linear_weight))
    require_tensor("target", target)
    require_reduction(reduction)
    require_label_smoothing(label_smoothing)
    if input.dim() not in (1, 2):
        raise ValueError(f"input must be (in_features,) or (N, in_features), got {input.dim()}-D")
    if linear_weight.dim() < 2:
        raise ValueError(
            f"linear_weight must be (C, ..., in_features), got {linear_weight.dim()}-D"
        )
    in_features = input.shape[-1]
    if linear_weight.shape[-1] != in_features:
        raise ValueError(
            f"linear_weight's last dimension must equal in_features={in_features}, "
            f"got shape {tuple(linear_weight.shape)}"
        )
    num_classes, out_features = linear_weight.shape[0], tuple(linear_weight.shape[1:-1])
    if linear_bias is not None and tuple(linear_bias.shape) != (num_classes, *out_features):
        raise ValueError(
            f"linear_bias must have shape {(num_classes, *out_features)}, "
            f"got {tuple(linear_bias.shape)}"
        )
    if out_features and input.dim() == 1:
        raise ValueError(
            f"a K-dimensional linear_weight {tuple(linear_weight.shape)} needs a batched input "
            f"(N, {in_features}), got shape {tuple(input.shape)}"
        )
    logits_shape = (*input.shape[:-1], num_classes, *out_features)
    if tuple(target.shape) == logits_shape and ignore_index is not None:
        raise ValueError("ignore_index must be None when target holds class probabilities")
    ignore_index = -100 if ignore_index is None else ignore_index

    if batch_chunk_size is not None:
        require_positive_int("batch_chunk_size", batch_chunk_size)
        if not out_features and label_smoothing == 0 and target.dtype == torch.int64:
            return _chunked(
                input,
                linear_weight,
                target,
                linear_bias,
                weight,
                reduction,
                ignore_index,
                batch_chunk_size,
            )
        warnings.warn(
            "batch_chunk_size ignored: the chunked path needs label_smoothing == 0, an int64 "
            "target and a 2-D linear_weight",
            UserWarning,
            stacklevel=2,
        )
    flat_weight = linear_weight.reshape(math.prod(out_features, start=num_classes), in_features)
    logits = input @ flat_weight.T
    if linear_bias is not None:
        logits = logits + linear_bias.reshape(-1)
    return cross_entropy(
        logits.reshape(logits_shape),
        target,
        weight=weight,
        ignore_index=ignore_index,
        reduction=reduction,
        label_smoothing=label_smoothing,
    )


def aspect_ratio_chunk_size(
    num_batches: int, in_features: int, num_classes: int, factor: int = 1
) -> int:
    """Rows per chunk of ``LinearCrossEntropyOptions(chunking_method="aspect_ratio:f")``.

    A chunk's ``(rows, C)`` logits should take about as much memory as the ``(N, in_features)``
    input: ``rows = next_pow2(ceil(N / ceil(C / in_features)))``, divided by ``factor`` and
    capped at ``N``.
    """
    for name, value in (
        ("num_batches", num_batches),
        ("in_features", in_features),
        ("num_classes", num_classes),
        ("factor", factor),
    ):
        require_positive_int(name, value)
    growth = -(-num_classes // in_features)
    target = -(-num_batches // growth)
    power_of_two = 1 << (target - 1).bit_length()
    return max(1, min(power_of_two // factor, num_batches))
