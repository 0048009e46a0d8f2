"""Cosine embedding loss: pull similar pairs to cosine 1, push dissimilar ones below a margin.

``1 - cos(x1, x2)`` where ``y = 1`` and ``max(0, cos(x1, x2) - margin)`` where ``y = -1``, with
torch 2.13's cosine (ATen ``cosine_embedding_loss``), which adds ``1e-12`` to each **squared**
norm instead of clamping the norms like ``F.cosine_similarity``:
``cos = sum(x1 * x2) / sqrt((sum(x1**2) + 1e-12) * (sum(x2**2) + 1e-12))``. A zero vector
therefore has cosine 0 with everything. A label that is neither 1 nor -1 gives a loss of 0
(torch does not check the labels).
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.margin import broadcast_shape, require_number
from nnref.losses.mse import reduce

EPSILON = 1e-12  # added to each squared norm, as in ATen


def embedding_cosine(input1: torch.Tensor, input2: torch.Tensor, dim: int) -> torch.Tensor:
    """The cosine of ``input1`` and ``input2`` along ``dim``, exactly as the loss computes it."""
    dot = (input1 * input2).sum(dim)
    squared1 = (input1 * input1).sum(dim) + EPSILON
    squared2 = (input2 * input2).sum(dim) + EPSILON
    return dot / (squared1 * squared2).sqrt()


def cosine_embedding_loss(
    input1: torch.Tensor,
    input2: torch.Tensor,
    target: torch.Tensor,
    margin: float = 0.0,
    reduction: str = "mean",
) -> torch.Tensor:
    """Cosine embedding loss of the pairs ``(input1[n], input2[n])`` with labels ``target[n]``.

    Args:
        input1: embeddings of shape ``(N, D)``, or ``(D)`` for a single pair.
        input2: embeddings broadcastable with ``input1`` (normally the same shape).
        target: labels in {1, -1}, shape ``(N)`` (or ``()`` for 1-D inputs): 1 for a
            similar pair, -1 for a dissimilar one.
        margin: dissimilar pairs cost nothing once their cosine is at most ``margin``
            (default 0; sensible values lie in [-1, 1]).
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'`` (shape ``(N)``).
    """
    for name, value in (("input1", input1), ("input2", input2)):
        require_floating(name, require_tensor(name, value))
    require_tensor("target", target)
    margin = require_number("margin", margin)
    require_reduction(reduction)
    if target.dim() not in (0, 1):
        raise ValueError(
            f"target must be 0-d or 1-d (one label per pair), got shape {tuple(target.shape)}"
        )
    wanted = target.dim() + 1
    if input1.dim() != wanted or input2.dim() != wanted:
        raise ValueError(
            f"a {target.dim()}-d target needs {wanted}-d inputs, got input1 "
            f"{tuple(input1.shape)} and input2 {tuple(input2.shape)}"
        )
    broadcast_shape(input1=input1, input2=input2)
    cos = embedding_cosine(input1, input2, dim=target.dim())
    broadcast_shape(cosine=cos, target=target)
    zeros = torch.zeros_like(cos)
    similar = torch.where(target == 1, 1 - cos, zeros)
    dissimilar = torch.where(target == -1, (cos - margin).clamp_min(0), zeros)
    return reduce(similar + dissimilar, reduction)
