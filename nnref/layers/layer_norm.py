"""Layer normalization and RMS normalization over the trailing ``normalized_shape`` axes.

``layer_norm``: ``y = (x - mean) / sqrt(var + eps) * weight + bias`` with the mean and biased
variance of each example over its last ``len(normalized_shape)`` axes. ``rms_norm``:
``y = x / sqrt(mean(x^2) + eps) * weight``, no mean subtraction and no bias. Both are the
same in training and evaluation and use no other example of the batch.
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_positive_int, require_tensor
from nnref.layers.normalization import moments, require_eps, require_input


def _normalized_dims(input: torch.Tensor, normalized_shape: int | Sequence[int]) -> list[int]:
    """Validate ``normalized_shape`` against the trailing shape of ``input``; return its axes."""
    if isinstance(normalized_shape, int) and not isinstance(normalized_shape, bool):
        normalized_shape = (normalized_shape,)
    if isinstance(normalized_shape, torch.Tensor) or not isinstance(normalized_shape, Sequence):
        raise TypeError(
            "normalized_shape must be an int or a sequence of ints, "
            f"got {type(normalized_shape).__name__}"
        )
    shape = tuple(normalized_shape)
    if not shape:
        raise ValueError("normalized_shape must have at least one dimension")
    for size in shape:
        require_positive_int("normalized_shape", size)
    if input.dim() < len(shape) or tuple(input.shape[-len(shape) :]) != shape:
        raise ValueError(
            f"normalized_shape={list(shape)} must equal the last {len(shape)} dimensions of "
            f"input, got input shape {tuple(input.shape)}"
        )
    return list(range(input.dim() - len(shape), input.dim()))


def _require_elementwise(
    name: str, value: torch.Tensor | None, input: torch.Tensor, dims: list[int]
) -> None:
    if value is None:
        return
    require_tensor(name, value)
    expected = tuple(input.shape[dims[0] :])
    if tuple(value.shape) != expected:
        raise ValueError(f"{name} must have the shape normalized_shape={expected}")


def layer_norm(
    input: torch.Tensor,
    normalized_shape: int | Sequence[int],
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Layer normalization, like ``torch.nn.functional.layer_norm``.

    Args:
        input: tensor of shape ``(*, *normalized_shape)``.
        normalized_shape: the trailing shape over which each mean and variance is computed.
        weight: optional elementwise scale of shape ``normalized_shape``.
        bias: optional elementwise shift of shape ``normalized_shape``.
        eps: added to the variance before the square root.

    Returns:
        Tensor of the same shape as ``input``.
    """
    require_input(input, 1, "at least 1-D")
    dims = _normalized_dims(input, normalized_shape)
    _require_elementwise("weight", weight, input, dims)
    _require_elementwise("bias", bias, input, dims)
    eps = require_eps(eps)
    mean, var, _ = moments(input, dims)
    output = (input - mean) / torch.sqrt(var + eps)
    if weight is not None:
        output = output * weight
    if bias is not None:
        output = output + bias
    return output


def rms_norm(
    input: torch.Tensor,
    normalized_shape: int | Sequence[int],
    weight: torch.Tensor | None = None,
    eps: float | None = None,
) -> torch.Tensor:
    """Root-mean-square normalization, like ``torch.nn.functional.rms_norm``.

    Args:
        input: tensor of shape ``(*, *normalized_shape)``.
        normalized_shape: the trailing shape over which the mean of squares is computed.
        weight: optional elementwise scale of shape ``normalized_shape``.
        eps: added to the mean of squares; ``None`` means the machine epsilon of the
            computation dtype (see below), not of ``input.dtype``.

    Returns:
        Tensor of the same shape and dtype as ``input``.

    Like torch, float16 and bfloat16 inputs are normalized in float32, and ``eps=None`` is then
    float32's epsilon (``1.19e-07``), not ``torch.finfo(input.dtype).eps``; float32 and float64
    inputs use their own epsilon.
    """
    require_input(input, 1, "at least 1-D")
    dims = _normalized_dims(input, normalized_shape)
    _require_elementwise("weight", weight, input, dims)
    compute_dtype = torch.promote_types(input.dtype, torch.float32)
    eps = torch.finfo(compute_dtype).eps if eps is None else require_eps(eps)
    x = input.to(compute_dtype)
    mean_square = (x * x).mean(dim=dims, keepdim=True)
    output = (x / torch.sqrt(mean_square + eps)).to(input.dtype)
    if weight is not None:
        output = output * weight
    return output
