"""Embedding lookup, max-norm renormalisation and bags of embeddings, from their definitions.

An embedding layer is a table ``W`` of shape ``(num_embeddings, embedding_dim)``; index ``i``
selects row ``W[i]``. That is the same as multiplying a one-hot vector by ``W``, without building
the one-hot vector. Gradients flow only into the rows that were looked up; ``padding_idx`` blocks
its row's gradient, and ``scale_grad_by_freq`` divides each row's gradient by how often the index
occurs in the mini-batch.
"""

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor

MODES = ("sum", "mean", "max")


def _require_indices(name: str, value: object) -> torch.Tensor:
    require_tensor(name, value)
    if value.dtype not in (torch.int32, torch.int64):
        raise TypeError(f"{name} must hold integer indices (int32 or int64), got {value.dtype}")
    return value


def _require_weight(weight: object) -> torch.Tensor:
    require_floating("weight", require_tensor("weight", weight))
    if weight.dim() != 2:
        raise ValueError(
            f"weight must be 2-D (num_embeddings, embedding_dim), got shape {tuple(weight.shape)}"
        )
    return weight


def _check_range(input: torch.Tensor, num_embeddings: int) -> None:
    if input.numel() and (input.min() < 0 or input.max() >= num_embeddings):
        raise ValueError(
            f"input holds indices outside [0, {num_embeddings - 1}] "
            f"(min {int(input.min())}, max {int(input.max())}); num_embeddings={num_embeddings}"
        )


def normalize_padding_idx(padding_idx: int | None, num_embeddings: int) -> int | None:
    """Map a negative ``padding_idx`` to ``num_embeddings + padding_idx``; check its range."""
    if padding_idx is None:
        return None
    if isinstance(padding_idx, bool) or not isinstance(padding_idx, int):
        raise TypeError(f"padding_idx must be an int or None, got {type(padding_idx).__name__}")
    if not -num_embeddings <= padding_idx < num_embeddings:
        raise ValueError(
            f"padding_idx must be within [-{num_embeddings}, {num_embeddings - 1}] "
            f"(num_embeddings={num_embeddings}), got {padding_idx}"
        )
    return padding_idx % num_embeddings


def embedding_init(
    num_embeddings: int, embedding_dim: int, padding_idx: int | None = None
) -> torch.Tensor:
    """The default weight of ``nn.Embedding``: ``N(0, 1)`` entries, the padding row zeroed.

    Drawn from the global generator like torch, so after the same ``torch.manual_seed`` it equals
    ``nn.Embedding(num_embeddings, embedding_dim, padding_idx).weight``.
    """
    require_positive_int("num_embeddings", num_embeddings)
    require_positive_int("embedding_dim", embedding_dim)
    padding_idx = normalize_padding_idx(padding_idx, num_embeddings)
    weight = torch.empty(num_embeddings, embedding_dim).normal_()
    if padding_idx is not None:
        weight[padding_idx] = 0.0
    return weight


def one_hot(
    input: torch.Tensor, num_classes: int, dtype: torch.dtype = torch.float32
) -> torch.Tensor:
    """One-hot vectors: ``out[..., k] = 1`` where ``k = input[...]``, else 0."""
    _require_indices("input", input)
    require_positive_int("num_classes", num_classes)
    _check_range(input, num_classes)
    classes = torch.arange(num_classes, device=input.device)
    return (input.unsqueeze(-1) == classes).to(dtype)


def embedding_renorm_(
    weight: torch.Tensor, input: torch.Tensor, max_norm: float, norm_type: float = 2.0
) -> torch.Tensor:
    """Rescale in place each row of ``weight`` indexed by ``input`` whose norm exceeds ``max_norm``.

    A row with ``norm > max_norm`` is multiplied by ``max_norm / (norm + 1e-7)`` (ATen's formula),
    so afterwards its norm is just below ``max_norm``. Each distinct index is visited once, in
    increasing order. Runs without recording gradients, like torch.
    """
    _require_weight(weight)
    _require_indices("input", input)
    if isinstance(max_norm, bool) or not isinstance(max_norm, int | float):
        raise TypeError(f"max_norm must be a number, got {type(max_norm).__name__}")
    if max_norm < 0:
        raise ValueError(f"max_norm must be >= 0, got {max_norm}")
    _check_range(input, weight.shape[0])
    with torch.no_grad():
        for index in torch.unique(input).tolist():
            row = weight[index]
            norm = torch.linalg.vector_norm(row, ord=norm_type).item()
            if norm > max_norm:
                row.mul_(max_norm / (norm + 1e-7))
    return weight


def _gradient_scale(values: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """``values`` unchanged in the forward pass; its gradient multiplied by ``scale``."""
    detached = values.detach()
    return detached + (values - detached) * scale


def embedding(
    input: torch.Tensor,
    weight: torch.Tensor,
    padding_idx: int | None = None,
    max_norm: float | None = None,
    norm_type: float = 2.0,
    scale_grad_by_freq: bool = False,
) -> torch.Tensor:
    """Look up rows of ``weight``: ``out[..., :] = weight[input[...], :]``.

    Args:
        input: integer tensor of any shape ``(*)``, values in ``[0, num_embeddings)``.
        weight: float tensor ``(num_embeddings, embedding_dim)``.
        padding_idx: its row is returned as stored but receives no gradient.
        max_norm: if given, rows looked up are first renormalised in place (see
            ``embedding_renorm_``).
        norm_type: the ``p`` of the p-norm used with ``max_norm``.
        scale_grad_by_freq: divide each row's gradient by the number of times its index occurs
            in ``input``.

    Returns:
        Tensor of shape ``(*, embedding_dim)``, equal to ``torch.nn.functional.embedding``.
    """
    _require_indices("input", input)
    _require_weight(weight)
    num_embeddings = weight.shape[0]
    padding_idx = normalize_padding_idx(padding_idx, num_embeddings)
    _check_range(input, num_embeddings)
    if max_norm is not None:
        embedding_renorm_(weight, input, max_norm, norm_type)
    flat = input.reshape(-1).long()
    rows = weight.index_select(0, flat)
    if padding_idx is not None or scale_grad_by_freq:
        scale = torch.ones(flat.shape, dtype=weight.dtype)
        if scale_grad_by_freq:
            counts = torch.bincount(flat, minlength=num_embeddings)
            scale = scale / counts[flat].to(weight.dtype)
        if padding_idx is not None:
            scale = scale.masked_fill(flat == padding_idx, 0.0)
        rows = _gradient_scale(rows, scale.unsqueeze(-1))
    return rows.reshape(*input.shape, weight.shape[1])


def embedding_one_hot(input: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """The lookup written as a matrix product: ``one_hot(input) @ weight``."""
    _require_weight(weight)
    return one_hot(input, weight.shape[0], dtype=weight.dtype) @ weight


def _bag_bounds(
    input: torch.Tensor, offsets: torch.Tensor | None, include_last_offset: bool
) -> tuple[torch.Tensor, list[tuple[int, int]]]:
    """Flatten ``input`` into one index list and return it with each bag's ``[start, end)``."""
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError("offsets must be None when input is 2-D (B, L): each row is a bag")
        bags, length = input.shape
        return input.reshape(-1), [(b * length, (b + 1) * length) for b in range(bags)]
    if input.dim() != 1:
        raise ValueError(f"input must be 1-D (with offsets) or 2-D (B, L), got {input.dim()}-D")
    if offsets is None:
        raise ValueError("offsets is required when input is 1-D")
    _require_indices("offsets", offsets)
    if offsets.dim() != 1:
        raise ValueError(f"offsets must be 1-D, got {offsets.dim()}-D")
    starts = offsets.tolist()
    total = input.shape[0]
    if include_last_offset:
        if len(starts) < 1 or starts[-1] != total:
            raise ValueError(
                "with include_last_offset=True the last element of offsets must equal "
                f"len(input)={total}, got {starts[-1] if starts else None}"
            )
        ends = starts[1:]
        starts = starts[:-1]
    else:
        ends = [*starts[1:], total]
    if starts and starts[0] != 0:
        raise ValueError(f"offsets[0] must be 0, got {starts[0]}")
    if any(end < start for start, end in zip(starts, ends, strict=True)) or (
        ends and ends[-1] > total
    ):
        raise ValueError(f"offsets must be non-decreasing and at most len(input)={total}")
    return input, list(zip(starts, ends, strict=True))


def embedding_bag(
    input: torch.Tensor,
    weight: torch.Tensor,
    offsets: torch.Tensor | None = None,
    mode: str = "mean",
    per_sample_weights: torch.Tensor | None = None,
    include_last_offset: bool = False,
    padding_idx: int | None = None,
    max_norm: float | None = None,
    norm_type: float = 2.0,
) -> torch.Tensor:
    """Reduce each bag of embeddings to one vector by ``sum``, ``mean`` or ``max``.

    Bags are the rows of a 2-D ``input`` ``(B, L)``, or slices ``input[offsets[b]:offsets[b+1]]``
    of a 1-D ``input`` (the last bag runs to the end; with ``include_last_offset=True`` offsets
    has ``B + 1`` entries, the last equal to ``len(input)``). Indices equal to ``padding_idx``
    are left out of the bag, including the count that ``mean`` divides by. An empty bag gives a
    zero vector. ``per_sample_weights`` (same shape as ``input``, ``mode="sum"`` only) multiplies
    each embedding before the sum.

    Returns:
        Tensor of shape ``(B, embedding_dim)``, equal to ``torch.nn.functional.embedding_bag``.
    """
    _require_indices("input", input)
    _require_weight(weight)
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if per_sample_weights is not None:
        require_tensor("per_sample_weights", per_sample_weights)
        if mode != "sum":
            raise ValueError(f"per_sample_weights is only supported with mode='sum', got {mode!r}")
        if per_sample_weights.shape != input.shape:
            raise ValueError(
                f"per_sample_weights must have the shape of input {tuple(input.shape)}, "
                f"got {tuple(per_sample_weights.shape)}"
            )
    num_embeddings = weight.shape[0]
    padding_idx = normalize_padding_idx(padding_idx, num_embeddings)
    _check_range(input, num_embeddings)
    flat, bounds = _bag_bounds(input, offsets, include_last_offset)
    if max_norm is not None:
        embedding_renorm_(weight, flat, max_norm, norm_type)
    sample_weights = None if per_sample_weights is None else per_sample_weights.reshape(-1)
    bags = []
    for start, end in bounds:
        indices = flat[start:end].long()
        keep = indices != (-1 if padding_idx is None else padding_idx)
        rows = weight.index_select(0, indices[keep])
        if rows.shape[0] == 0:
            bags.append(rows.sum(dim=0))  # an empty bag: zeros (still part of the graph)
        elif mode == "max":
            bags.append(rows.max(dim=0).values)
        elif mode == "mean":
            bags.append(rows.sum(dim=0) / rows.shape[0])
        elif sample_weights is not None:
            bags.append((rows * sample_weights[start:end][keep].unsqueeze(-1)).sum(dim=0))
        else:
            bags.append(rows.sum(dim=0))
    if not bags:
        return weight[:0]
    return torch.stack(bags)
