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


# Shared by batch_norm and instance_norm; private, so the API page lists only the layers' helpers.


def _require_statistics_arguments(
    channels: int,
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    weight: torch.Tensor | None,
    bias: torch.Tensor | None,
    momentum: object,
    eps: object,
) -> tuple[float, float]:
    """Check the per-channel tensors, ``momentum`` and ``eps`` of a batch or instance norm.

    Args:
        channels: the number of channels ``C`` of the input.
        running_mean: ``None`` or a ``(C,)`` tensor.
        running_var: ``None`` or a ``(C,)`` tensor.
        weight: ``None`` or a ``(C,)`` tensor.
        bias: ``None`` or a ``(C,)`` tensor.
        momentum: a number in ``[0, 1]``.
        eps: a number ``>= 0``.

    Returns:
        ``momentum`` and ``eps`` as floats.
    """
    for name, value in (
        ("running_mean", running_mean),
        ("running_var", running_var),
        ("weight", weight),
        ("bias", bias),
    ):
        require_per_channel(name, value, channels)
    return require_momentum(momentum, allow_none=False), require_eps(eps)


def _running_statistics(
    input: torch.Tensor,
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    condition: str,
) -> tuple[torch.Tensor, torch.Tensor]:
    """The running mean and variance shaped to broadcast over ``input``; both are required.

    Args:
        input: the ``(N, C, *)`` input they will normalize.
        running_mean: the ``(C,)`` running mean.
        running_var: the ``(C,)`` running variance.
        condition: the argument setting that needs them, for the error message.
    """
    if running_mean is None or running_var is None:
        raise ValueError(f"running_mean and running_var are required when {condition}")
    shape = channel_shape(input)
    return running_mean.reshape(shape), running_var.reshape(shape)


def _normalize(
    input: torch.Tensor,
    mean: torch.Tensor,
    var: torch.Tensor,
    eps: float,
    weight: torch.Tensor | None,
    bias: torch.Tensor | None,
) -> torch.Tensor:
    """``(input - mean) / sqrt(var + eps)``, then the per-channel :func:`affine` map."""
    return affine((input - mean) / torch.sqrt(var + eps), weight, bias)


def _per_channel_state(
    num_features: int,
    with_affine: bool,
    use_bias: bool,
    track_running_stats: bool,
    dtype: torch.dtype,
) -> tuple[torch.Tensor | None, torch.Tensor | None, torch.Tensor | None, torch.Tensor | None]:
    """The initial ``weight``, ``bias``, ``running_mean`` and ``running_var`` of a norm module.

    Args:
        num_features: the number of channels ``C``.
        with_affine: create ``weight`` (ones) and, with ``use_bias``, ``bias`` (zeros).
        use_bias: with ``with_affine``, whether to create ``bias``.
        track_running_stats: create ``running_mean`` (zeros) and ``running_var`` (ones).
        dtype: dtype of every tensor.

    Returns:
        The four tensors, ``None`` where not created.
    """
    weight = bias = running_mean = running_var = None
    if with_affine:
        weight = torch.ones(num_features, dtype=dtype, requires_grad=True)
        if use_bias:
            bias = torch.zeros(num_features, dtype=dtype, requires_grad=True)
    if track_running_stats:
        running_mean = torch.zeros(num_features, dtype=dtype)
        running_var = torch.ones(num_features, dtype=dtype)
    return weight, bias, running_mean, running_var
