"""Binary margin losses with labels ``y`` in {1, -1}: margin ranking, soft margin, hinge embedding.

All three follow torch 2.13's ATen code, including what happens to labels that are neither 1
nor -1 (torch does not check them, and neither do these functions):

* ``margin_ranking_loss``: ``max(0, -y (x1 - x2) + margin)``; a label 0 gives the constant
  ``max(0, margin)`` with no gradient;
* ``soft_margin_loss``: ``log(1 + exp(-y x))``, the logistic loss; computed here in a stable
  form, where torch's ``log1p(exp(.))`` overflows to ``inf`` for ``-y x`` above about 88 in
  float32;
* ``hinge_embedding_loss``: ``x`` where ``y = 1`` and ``max(0, margin - x)`` where ``y = -1``;
  torch adds **both** terms for any other label, so a label 0 gives ``x + max(0, margin - x)``.

At the kink of ``max(0, .)`` these functions use ``clamp_min``, whose gradient at the boundary
is that of the active branch (1), which is the subgradient torch picks.
"""

import torch

from nnref._checks import require_floating, require_reduction, require_tensor
from nnref.losses.mse import reduce


def require_number(name: str, value: object) -> float:
    """Return ``value`` as a float if it is an int or a float (not a bool), else raise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a float or int, got {type(value).__name__}")
    return float(value)


def broadcast_shape(**tensors: torch.Tensor) -> torch.Size:
    """The broadcast shape of the named tensors, or ``ValueError`` naming them."""
    try:
        return torch.broadcast_shapes(*(tensor.shape for tensor in tensors.values()))
    except RuntimeError as error:
        shapes = ", ".join(f"{name} {tuple(t.shape)}" for name, t in tensors.items())
        raise ValueError(f"the shapes of {shapes} cannot be broadcast together") from error


def softplus(t: torch.Tensor) -> torch.Tensor:
    """``log(1 + exp(t))`` without overflow, with derivative ``sigmoid(t)`` everywhere.

    Written as ``(t + |t|) / 2 + log(1 + exp(-|t|))``: the exponent is never positive, and at
    ``t = 0`` autograd gets ``1/2 + 0``, the true derivative ``sigmoid(0)`` (the more common
    ``max(t, 0) + ...`` would give 1 there).
    """
    magnitude = t.abs()
    return 0.5 * (t + magnitude) + torch.log1p(torch.exp(-magnitude))


def margin_ranking_loss(
    input1: torch.Tensor,
    input2: torch.Tensor,
    target: torch.Tensor,
    margin: float = 0.0,
    reduction: str = "mean",
) -> torch.Tensor:
    """``max(0, -y (x1 - x2) + margin)``: ``x1`` should exceed ``x2`` by ``margin`` when ``y = 1``.

    Args:
        input1: scores ``x1``, shape ``(N)`` or ``()``, floating point.
        input2: scores ``x2``, the same number of dimensions as ``input1``.
        target: labels ``y`` in {1, -1}, the same number of dimensions; ``y = -1`` asks for
            ``x2 > x1 + margin``. The three tensors are broadcast together (like torch).
        margin: the required gap (default 0, any real number).
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
    """
    for name, value in (("input1", input1), ("input2", input2)):
        require_floating(name, require_tensor(name, value))
    require_tensor("target", target)
    margin = require_number("margin", margin)
    require_reduction(reduction)
    if not input1.dim() == input2.dim() == target.dim():
        raise ValueError(
            "input1, input2 and target must have the same number of dimensions, got "
            f"{input1.dim()}, {input2.dim()} and {target.dim()}"
        )
    broadcast_shape(input1=input1, input2=input2, target=target)
    losses = (-target * (input1 - input2) + margin).clamp_min(0)
    return reduce(losses, reduction)


def soft_margin_loss(
    input: torch.Tensor, target: torch.Tensor, reduction: str = "mean"
) -> torch.Tensor:
    """Logistic loss ``log(1 + exp(-y x))`` for labels ``y`` in {1, -1}, averaged over elements.

    Args:
        input: scores ``x`` (logits), any shape, floating point.
        target: labels ``y`` in {1, -1}, broadcastable with ``input`` (torch broadcasts
            silently).
        reduction: ``'mean'`` (default) divides by the number of elements, ``'sum'``, ``'none'``.
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("target", target)
    require_reduction(reduction)
    broadcast_shape(input=input, target=target)
    return reduce(softplus(-target * input), reduction)


def hinge_embedding_loss(
    input: torch.Tensor,
    target: torch.Tensor,
    margin: float = 1.0,
    reduction: str = "mean",
) -> torch.Tensor:
    """``x`` where ``y = 1``, ``max(0, margin - x)`` where ``y = -1``: ``x`` is usually a distance.

    Args:
        input: ``x``, any shape, floating point; typically a non-negative distance between two
            embeddings (small for similar pairs).
        target: labels ``y`` in {1, -1}, broadcastable with ``input``. Like torch, a label that
            is neither gets both terms, ``x + max(0, margin - x)``.
        margin: how far apart dissimilar pairs must be (default 1).
        reduction: ``'mean'`` (default), ``'sum'`` or ``'none'``.
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("target", target)
    margin = require_number("margin", margin)
    require_reduction(reduction)
    broadcast_shape(input=input, target=target)
    zeros = torch.zeros_like(input)
    push_apart = torch.where(target != 1, (margin - input).clamp_min(0), zeros)
    pull_together = torch.where(target != -1, input, zeros)
    return reduce(push_apart + pull_together, reduction)
