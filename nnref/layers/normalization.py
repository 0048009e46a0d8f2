"""Pieces shared by the normalization layers: argument checks and mean/variance over axes.

The layers themselves live in one module each: :mod:`nnref.layers.batch_norm`,
:mod:`nnref.layers.instance_norm`, :mod:`nnref.layers.layer_norm`,
:mod:`nnref.layers.group_norm` and :mod:`nnref.layers.local_response_norm`.
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_floating, require_tensor


def require_input(input: object, min_dim: int, what: str) -> torch.Tensor:
    """Return ``input`` if it is a floating tensor with at least ``min_dim`` dimensions."""
    require_floating("input", require_tensor("input", input))
    if input.dim() < min_dim:
        raise ValueError(f"input must be {what}, got shape {tuple(input.shape)}")
    return input


def require_eps(eps: object) -> float:
    """Return ``eps`` as a float if it is a number >= 0, else raise naming ``eps``."""
    if isinstance(eps, bool) or not isinstance(eps, int | float):
        raise TypeError(f"eps must be a number, got {type(eps).__name__}")
    if eps < 0:
        raise ValueError(f"eps must be >= 0, got {eps}")
    return float(eps)


def require_momentum(momentum: object, allow_none: bool = True) -> float | None:
    """Return ``momentum`` if it is a number in [0, 1] (or ``None`` when allowed)."""
    if momentum is None and allow_none:
        return None
    if isinstance(momentum, bool) or not isinstance(momentum, int | float):
        raise TypeError(f"momentum must be a number or None, got {type(momentum).__name__}")
    if not 0.0 <= momentum <= 1.0:
        raise ValueError(f"momentum must be in [0, 1], got {momentum}")
    return float(momentum)


def require_per_channel(name: str, value: torch.Tensor | None, channels: int) -> None:
    """``value`` must be ``None`` or a tensor of shape ``(channels,)``."""
    if value is None:
        return
    require_tensor(name, value)
    if tuple(value.shape) != (channels,):
        raise ValueError(f"{name} must have shape ({channels},), got {tuple(value.shape)}")


def moments(
    input: torch.Tensor, dims: Sequence[int]
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Mean, biased variance and unbiased variance of ``input`` over ``dims`` (kept as size 1).

    The biased variance divides by the number of values ``m``; the unbiased one by ``m - 1``
    (``inf`` or ``nan`` when ``m == 1``, as ``torch.var``).
    """
    dims = list(dims)
    count = 1
    for dim in dims:
        count *= input.shape[dim]
    mean = input.sum(dim=dims, keepdim=True) / count
    squared = ((input - mean) ** 2).sum(dim=dims, keepdim=True)
    biased = squared / count
    unbiased = squared / (count - 1) if count > 1 else squared * float("nan")
    return mean, biased, unbiased


def channel_shape(input: torch.Tensor) -> list[int]:
    """The shape that broadcasts a per-channel vector over ``(N, C, *)``: ``[1, C, 1, ...]``."""
    return [1, input.shape[1]] + [1] * (input.dim() - 2)


def affine(
    normalized: torch.Tensor, weight: torch.Tensor | None, bias: torch.Tensor | None
) -> torch.Tensor:
    """``normalized * weight + bias`` with per-channel ``weight`` and ``bias`` (either optional)."""
    shape = channel_shape(normalized)
    if weight is not None:
        normalized = normalized * weight.reshape(shape)
    if bias is not None:
        normalized = normalized + bias.reshape(shape)
    return normalized
