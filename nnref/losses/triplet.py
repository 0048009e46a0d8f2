"""Triplet margin losses: an anchor must be closer to its positive than to its negative.

``loss = max(d(a, p) - d(a, n) + margin, 0)`` per triplet, with

* ``triplet_margin_loss`` (``TripletMarginLoss``): ``d(x, y) = ||x - y + eps||_p`` over the last
  dimension, torch's ``pairwise_distance`` (``eps`` is added to every component of the
  difference, so identical vectors are ``eps * D**(1/p)`` apart, not 0);
* ``triplet_margin_with_distance_loss`` (``TripletMarginWithDistanceLoss``): any distance
  function, by default the same ``pairwise_distance`` with ``p = 2``, ``eps = 1e-6``.

``swap=True`` replaces ``d(a, n)`` by ``min(d(a, n), d(p, n))`` (the distance swap of Balntas
et al., 2016): the positive takes the anchor's role when it is closer to the negative. Torch
requires ``margin > 0``. At ``d(a, p) - d(a, n) + margin = 0`` the gradient is that of the
active branch (``clamp_min``), and a tie in the swap splits the gradient between the two
distances (``torch.minimum``), as in torch.
"""

import math
from collections.abc import Callable

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.margin import require_number
from nnref.losses.mse import reduce

Distance = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def lp_distance(
    x1: torch.Tensor, x2: torch.Tensor, p: float = 2.0, eps: float = 1e-6
) -> torch.Tensor:
    """``||x1 - x2 + eps||_p`` over the last dimension (torch's ``pairwise_distance``).

    The p-th root gets gradient 0 at a zero difference, as torch's norm does (a plain
    ``sum ** (1/p)`` would give ``nan`` there).
    """
    magnitude = (x1 - x2 + eps).abs()
    if p == math.inf:
        return magnitude.amax(dim=-1)
    powered = magnitude.pow(p).sum(dim=-1)
    positive = powered > 0
    safe = torch.where(positive, powered, torch.ones_like(powered))
    return torch.where(positive, safe.pow(1.0 / p), torch.zeros_like(powered))


def _check_triplet(
    anchor: torch.Tensor, positive: torch.Tensor, negative: torch.Tensor, margin: object
) -> float:
    """Check the three embeddings (floating tensors, equal ranks) and return ``margin > 0``."""
    for name, value in (("anchor", anchor), ("positive", positive), ("negative", negative)):
        require_floating(name, require_tensor(name, value))
    if not anchor.dim() == positive.dim() == negative.dim():
        raise ValueError(
            "anchor, positive and negative must have the same number of dimensions, got "
            f"{anchor.dim()}, {positive.dim()} and {negative.dim()}"
        )
    margin = require_number("margin", margin)
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    return margin


def _triplet(
    anchor: torch.Tensor,
    positive: torch.Tensor,
    negative: torch.Tensor,
    distance: Distance,
    margin: float,
    swap: bool,
    reduction: str,
) -> torch.Tensor:
    """``max(d(a, p) - d(a, n) + margin, 0)``, with the swap, reduced."""
    positive_distance = distance(anchor, positive)
    negative_distance = distance(anchor, negative)
    if swap:
        negative_distance = torch.minimum(negative_distance, distance(positive, negative))
    losses = (margin + positive_distance - negative_distance).clamp_min(0)
    return reduce(losses, reduction)


def triplet_margin_loss(
    anchor: torch.Tensor,
    positive: torch.Tensor,
    negative: torch.Tensor,
    margin: float = 1.0,
    p: float = 2.0,
    eps: float = 1e-6,
    swap: bool = False,
    reduction: str = "mean",
) -> torch.Tensor:
    """Triplet loss with the p-norm distance ``||x - y + eps||_p``.

    Args:
        anchor: embeddings ``(N, D)`` or ``(D)``; more leading dimensions also work (the
            distance runs over the last one).
        positive: same class as the anchor; broadcastable, the same number of dimensions.
        negative: another class; broadcastable, the same number of dimensions.
        margin: required gap ``d(a, n) - d(a, p)``; must be > 0 (default 1).
        p: the norm's degree (default 2), a positive number or ``math.inf``.
        eps: added to every component of each difference (default 1e-6).
        swap: use ``min(d(a, n), d(p, n))`` as the negative distance.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'`` (shape ``(N)``).
    """
    margin = _check_triplet(anchor, positive, negative, margin)
    p = require_number("p", p)
    if p <= 0:
        raise ValueError(f"p must be positive, got {p}")
    eps = require_number("eps", eps)
    require_reduction(reduction)
    return _triplet(
        anchor,
        positive,
        negative,
        lambda x, y: lp_distance(x, y, p, eps),
        margin,
        bool(swap),
        reduction,
    )


def triplet_margin_with_distance_loss(
    anchor: torch.Tensor,
    positive: torch.Tensor,
    negative: torch.Tensor,
    *,
    distance_function: Distance | None = None,
    margin: float = 1.0,
    swap: bool = False,
    reduction: str = "mean",
) -> torch.Tensor:
    """Triplet loss with any distance function (keyword-only options, as in torch).

    Args:
        anchor: embeddings of any shape the distance function accepts, batch first.
        positive: same class as the anchor.
        negative: another class.
        distance_function: ``f(x, y) -> (N,)`` non-negative distances; ``None`` (default)
            means ``||x - y + 1e-6||_2`` (torch's ``pairwise_distance``).
        margin: must be > 0 (default 1).
        swap: use ``min(d(a, n), d(p, n))`` as the negative distance.
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
    """
    margin = _check_triplet(anchor, positive, negative, margin)
    if distance_function is None:
        distance_function = lp_distance
    elif not callable(distance_function):
        raise TypeError(
            f"distance_function must be callable, got {type(distance_function).__name__}"
        )
    require_reduction(reduction)
    return _triplet(anchor, positive, negative, distance_function, margin, bool(swap), reduction)
