"""Adaptive softmax (Grave et al., 2017): a head over frequent classes and clusters, tails inside.

The classes, sorted by frequency, are split by ``cutoffs`` into a shortlist ``[0, c_0)`` and
clusters ``[c_{i-1}, c_i)``. The head is a linear layer with one output per shortlist class and
one per cluster; cluster ``i`` has its own two-layer projection
``d -> d / div_value^(i+1) -> size``. ``log p(y) = head[y]`` for a shortlist class and
``head[cluster] + log_softmax(tail_i)[y - c_{i-1}]`` inside cluster ``i``.
"""

from dataclasses import dataclass

import torch

from nnref._checks import require_floating, require_tensor
from nnref.losses.cross_entropy import log_softmax


@dataclass(frozen=True)
class AdaptiveSoftmaxParams:
    """The tensors of an adaptive softmax.

    Attributes:
        head_weight: ``(shortlist + clusters, in_features)``.
        head_bias: ``(shortlist + clusters,)`` or ``None``.
        tails: per cluster, ``(projection (hidden, in_features), output (size, hidden))``.
        cutoffs: the class boundaries with ``n_classes`` appended, e.g. ``[10, 100, 1000]``.
    """

    head_weight: torch.Tensor
    head_bias: torch.Tensor | None
    tails: tuple[tuple[torch.Tensor, torch.Tensor], ...]
    cutoffs: tuple[int, ...]

    @classmethod
    def from_module(cls, module: torch.nn.AdaptiveLogSoftmaxWithLoss) -> "AdaptiveSoftmaxParams":
        """Read the parameters of a ``torch.nn.AdaptiveLogSoftmaxWithLoss`` (shared, not copied)."""
        tails = tuple((projection.weight, output.weight) for projection, output in module.tail)
        return cls(module.head.weight, module.head.bias, tails, tuple(module.cutoffs))

    @property
    def shortlist_size(self) -> int:
        return self.cutoffs[0]

    @property
    def n_classes(self) -> int:
        return self.cutoffs[-1]


def cluster_sizes(in_features: int, n_classes: int, cutoffs: list[int], div_value: float = 4.0):
    """Per cluster: ``(hidden size floor(d / div_value^(i+1)), number of classes)``."""
    bounds = [*cutoffs, n_classes]
    return [
        (int(in_features // (div_value ** (i + 1))), bounds[i + 1] - bounds[i])
        for i in range(len(cutoffs))
    ]


def _head_logits(input: torch.Tensor, params: AdaptiveSoftmaxParams) -> torch.Tensor:
    logits = input @ params.head_weight.T
    return logits if params.head_bias is None else logits + params.head_bias


def _head_log_prob(input: torch.Tensor, params: AdaptiveSoftmaxParams) -> torch.Tensor:
    return log_softmax(_head_logits(input, params), dim=1)


def _tail_log_prob(input: torch.Tensor, params: AdaptiveSoftmaxParams, i: int) -> torch.Tensor:
    projection, output = params.tails[i]
    return log_softmax(input @ projection.T @ output.T, dim=1)


def _check_input(input: torch.Tensor, params: AdaptiveSoftmaxParams) -> None:
    require_floating("input", require_tensor("input", input))
    in_features = params.head_weight.shape[1]
    if input.dim() != 2 or input.shape[1] != in_features:
        raise ValueError(f"input must have shape (N, {in_features}), got {tuple(input.shape)}")


def adaptive_log_softmax_with_loss(
    input: torch.Tensor, target: torch.Tensor, params: AdaptiveSoftmaxParams
) -> tuple[torch.Tensor, torch.Tensor]:
    """The log-probability of each target and the mean negative log-likelihood.

    Only the clusters that hold at least one target are evaluated, and only on their rows.

    Args:
        input: ``(N, in_features)``, or ``(in_features,)`` with a 0-d target.
        target: class indices in ``[0, n_classes)``, shape ``(N,)`` or ``()``.
        params: the head and tail tensors.

    Returns:
        ``(output, loss)``: ``output[n] = log p(target[n] | input[n])``, ``loss = -output.mean()``.
    """
    require_tensor("target", target)
    if target.dtype != torch.int64:
        raise TypeError(f"target must hold class indices of dtype torch.int64, got {target.dtype}")
    unbatched = target.dim() == 0
    if unbatched:
        input, target = input.unsqueeze(0), target.unsqueeze(0)
    _check_input(input, params)
    if target.dim() != 1 or target.shape[0] != input.shape[0]:
        raise ValueError(
            f"target must have shape ({input.shape[0]},) to match the input, "
            f"got {tuple(target.shape)}"
        )
    if ((target < 0) | (target >= params.n_classes)).any():
        raise ValueError(f"target values must be in [0, {params.n_classes - 1}]")

    shortlist = params.shortlist_size
    head = _head_log_prob(input, params)
    # The head column of each target: the class itself, or the cluster token it falls in.
    cluster_of = torch.bucketize(target, torch.tensor(params.cutoffs), right=True)
    head_column = torch.where(target < shortlist, target, shortlist + cluster_of - 1)
    output = head.gather(1, head_column.unsqueeze(1)).squeeze(1)
    for i in range(len(params.tails)):
        rows = (cluster_of == i + 1).nonzero().squeeze(1)
        if rows.numel() == 0:
            continue
        within = target[rows] - params.cutoffs[i]
        tail = _tail_log_prob(input[rows], params, i)
        output = output.index_add(0, rows, tail.gather(1, within.unsqueeze(1)).squeeze(1))
    loss = -output.mean()
    return (output.squeeze(0) if unbatched else output), loss


def adaptive_log_prob(input: torch.Tensor, params: AdaptiveSoftmaxParams) -> torch.Tensor:
    """Log-probabilities of all ``n_classes`` classes, shape ``(N, n_classes)``."""
    _check_input(input, params)
    head = _head_log_prob(input, params)
    shortlist = params.shortlist_size
    parts = [head[:, :shortlist]]
    for i in range(len(params.tails)):
        parts.append(head[:, shortlist + i : shortlist + i + 1] + _tail_log_prob(input, params, i))
    return torch.cat(parts, dim=1)


def adaptive_predict(input: torch.Tensor, params: AdaptiveSoftmaxParams) -> torch.Tensor:
    """The most probable class of each row.

    If the head's best entry is a shortlist class it is the answer: every class inside a cluster
    has a probability at most that of its cluster token. Otherwise the full distribution decides.
    """
    _check_input(input, params)
    best = _head_logits(input, params).argmax(dim=1)
    outside = best >= params.shortlist_size
    if outside.any():
        best = best.clone()
        best[outside] = adaptive_log_prob(input[outside], params).argmax(dim=1)
    return best
