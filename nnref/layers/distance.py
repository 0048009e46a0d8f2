"""Cosine similarity and the p-norm distance between paired vectors, from their formulas.

Both follow torch 2.13's ATen code exactly, including where ``eps`` goes:

* ``cosine_similarity``: each norm is clamped separately,
  ``sum(x1 / max(||x1||, eps) * x2 / max(||x2||, eps))``; the clamp does not enter the
  gradient (torch applies it under ``NoGradGuard``);
* ``pairwise_distance``: ``eps`` is added to the *difference*, ``||x1 - x2 + eps||_p`` over the
  last dimension, so identical vectors are ``eps * D**(1/p)`` apart, not 0.
"""

import math

import torch

from nnref._checks import require_floating, require_tensor


def _broadcast_pair(x1: torch.Tensor, x2: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    require_floating("x1", require_tensor("x1", x1))
    require_floating("x2", require_tensor("x2", x2))
    try:
        shape = torch.broadcast_shapes(x1.shape, x2.shape)
    except RuntimeError:
        raise ValueError(
            f"x1 of shape {tuple(x1.shape)} and x2 of shape {tuple(x2.shape)} do not broadcast"
        ) from None
    return x1.expand(shape), x2.expand(shape)


def l2_norm(x: torch.Tensor, dim: int) -> torch.Tensor:
    """``sqrt(sum(x**2))`` over ``dim`` (kept), with gradient 0 at the zero vector as torch's."""
    squared = (x * x).sum(dim=dim, keepdim=True)
    positive = squared > 0
    # sqrt has an infinite derivative at 0; torch's vector_norm defines it as 0 there.
    safe = torch.where(positive, squared, torch.ones_like(squared))
    return torch.where(positive, safe.sqrt(), torch.zeros_like(squared))


def cosine_similarity(
    x1: torch.Tensor, x2: torch.Tensor, dim: int = 1, eps: float = 1e-8
) -> torch.Tensor:
    """Cosine of the angle between ``x1`` and ``x2`` along ``dim``, like ``F.cosine_similarity``.

    ``sum_d (x1_d / max(||x1||, eps)) * (x2_d / max(||x2||, eps))``: each vector is divided by
    its own clamped norm first (which keeps the result in ``[-1, 1]``), then the products are
    summed. The result has the broadcast shape of the inputs without ``dim``.
    """
    x1, x2 = _broadcast_pair(x1, x2)
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"dim must be an int, got {type(dim).__name__}")
    if x1.dim() == 0 or not -x1.dim() <= dim < x1.dim():
        raise IndexError(f"dim={dim} is out of range for inputs of shape {tuple(x1.shape)}")
    if isinstance(eps, bool) or not isinstance(eps, int | float):
        raise TypeError(f"eps must be a number, got {type(eps).__name__}")
    norm1, norm2 = l2_norm(x1, dim), l2_norm(x2, dim)
    # max(norm, eps) in the value, the plain norm in the gradient (torch's NoGradGuard clamp).
    norm1 = norm1 + (norm1.clamp(min=eps) - norm1).detach()
    norm2 = norm2 + (norm2.clamp(min=eps) - norm2).detach()
    return ((x1 / norm1) * (x2 / norm2)).sum(dim=dim)


def p_norm(x: torch.Tensor, p: float, keepdim: bool = False) -> torch.Tensor:
    """``(sum |x_i|**p)**(1/p)`` over the last dimension; ``p=inf``: max, ``p=0``: count.

    Negative ``p`` is allowed, as in torch (then a zero entry makes the norm 0).
    """
    magnitude = x.abs()
    if p == math.inf:
        return magnitude.amax(dim=-1, keepdim=keepdim)
    if p == -math.inf:
        return magnitude.amin(dim=-1, keepdim=keepdim)
    if p == 0:
        # A count of non-zero entries: piecewise constant, no gradient flows to the input.
        return (magnitude != 0).to(x.dtype).sum(dim=-1, keepdim=keepdim)
    if p == 1:
        return magnitude.sum(dim=-1, keepdim=keepdim)
    return magnitude.pow(p).sum(dim=-1, keepdim=keepdim).pow(1.0 / p)


def pairwise_distance(
    x1: torch.Tensor,
    x2: torch.Tensor,
    p: float = 2.0,
    eps: float = 1e-6,
    keepdim: bool = False,
) -> torch.Tensor:
    """``||x1 - x2 + eps||_p`` over the last dimension, like ``F.pairwise_distance``.

    ``eps`` is added to every component of the difference (not to the norm), so the result
    is not symmetric in ``x1`` and ``x2`` and is not 0 for identical vectors.
    """
    x1, x2 = _broadcast_pair(x1, x2)
    if x1.dim() == 0:
        raise ValueError("x1 and x2 must have at least one dimension (the vector dimension)")
    for name, value in (("p", p), ("eps", eps)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return p_norm(x1 - x2 + eps, float(p), keepdim=keepdim)
