"""Gradient clipping from scratch: the total norm, clipping by norm, clipping by value.

    total = || (||g_1||_p, ..., ||g_m||_p) ||_p      (= the p-norm of all gradients joined)
    coef  = min(max_norm / (total + 1e-6), 1)       every g_i <- coef * g_i
    by value: every entry clamped to [-clip_value, clip_value]

The same as ``torch.nn.utils.get_total_norm``, ``clip_grads_with_norm_``, ``clip_grad_norm_``
and ``clip_grad_value_``, written with elementary tensor operations.
"""

import math
from collections.abc import Iterable

import torch

from nnref._checks import require_tensor

EPS = 1e-6


def _as_list(tensors: torch.Tensor | Iterable[torch.Tensor], name: str) -> list[torch.Tensor]:
    if isinstance(tensors, torch.Tensor):
        return [tensors]
    result = list(tensors)
    for index, tensor in enumerate(result):
        require_tensor(f"{name}[{index}]", tensor)
    return result


def vector_norm(x: torch.Tensor, norm_type: float = 2.0) -> torch.Tensor:
    """The p-norm of all entries of ``x`` as one vector.

    ``p = inf``: the largest absolute value; ``p = -inf``: the smallest; ``p = 0``: the number
    of non-zero entries; otherwise ``(sum |x|^p)^(1/p)``.
    """
    p = float(norm_type)
    magnitude = x.abs().flatten()
    if p == math.inf:
        return magnitude.max()
    if p == -math.inf:
        return magnitude.min()
    if p == 0:
        return (magnitude != 0).sum().to(x.dtype)
    return magnitude.pow(p).sum().pow(1.0 / p)


def total_norm(
    tensors: torch.Tensor | Iterable[torch.Tensor],
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
) -> torch.Tensor:
    """The norm of the per-tensor norms: the p-norm of all tensors viewed as one vector.

    Returns ``tensor(0.)`` for no tensors.

    Raises:
        RuntimeError: if ``error_if_nonfinite`` and the norm is ``nan`` or ``inf``.
    """
    tensors = _as_list(tensors, "tensors")
    if not tensors:
        return torch.tensor(0.0)
    with torch.no_grad():
        norms = torch.stack([vector_norm(t, norm_type) for t in tensors])
        result = vector_norm(norms, norm_type)
    if error_if_nonfinite and not torch.isfinite(result):
        raise RuntimeError(
            f"The total norm of order {float(norm_type)} for gradients is non-finite, "
            "so it cannot be clipped"
        )
    return result


def clip_coefficient(total: torch.Tensor, max_norm: float) -> torch.Tensor:
    """``min(max_norm / (total + 1e-6), 1)``: never scales a gradient up."""
    return torch.clamp(float(max_norm) / (total + EPS), max=1.0)


def _grads(parameters: torch.Tensor | Iterable[torch.Tensor]) -> list[torch.Tensor]:
    return [p.grad for p in _as_list(parameters, "parameters") if p.grad is not None]


def clip_grads_with_norm_(
    parameters: torch.Tensor | Iterable[torch.Tensor],
    max_norm: float,
    total: torch.Tensor,
) -> None:
    """Multiply every ``.grad`` in place by :func:`clip_coefficient` of a given ``total``."""
    grads = _grads(parameters)
    if not grads:
        return
    coefficient = clip_coefficient(total, max_norm)
    with torch.no_grad():
        for grad in grads:
            grad.mul_(coefficient.to(grad.device))


def clip_grad_norm_(
    parameters: torch.Tensor | Iterable[torch.Tensor],
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
) -> torch.Tensor:
    """Rescale all gradients together so that their joint norm is at most ``max_norm``.

    Returns:
        The total norm of the gradients *before* clipping.
    """
    parameters = _as_list(parameters, "parameters")
    total = total_norm(_grads(parameters), norm_type, error_if_nonfinite)
    clip_grads_with_norm_(parameters, max_norm, total)
    return total


def clip_grad_value_(parameters: torch.Tensor | Iterable[torch.Tensor], clip_value: float) -> None:
    """Clamp every entry of every ``.grad`` in place to ``[-clip_value, clip_value]``.

    Each entry is clipped on its own, so the direction of the gradient changes.
    """
    value = float(clip_value)
    with torch.no_grad():
        for grad in _grads(parameters):
            grad.clamp_(min=-value, max=value)
