"""Shape layers from index arithmetic: reshape, flatten, unflatten and channel shuffle.

A reshape keeps the elements in row-major (C) order and only changes how that sequence is
cut into dimensions. ``reshape`` below computes, for every output position, the row-major
position it takes its element from, and gathers the elements by indexing: no ``view``,
``reshape`` or ``flatten`` of torch is used.
"""

import math
from collections.abc import Sequence

import torch

from nnref._checks import require_positive_int, require_tensor


def _normalize_dim(name: str, dim: object, ndim: int) -> int:
    """Turn a possibly negative dimension index into ``0 .. ndim-1``, as torch does."""
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"{name} must be an int, got {type(dim).__name__}")
    low, high = -max(ndim, 1), max(ndim, 1) - 1
    if not low <= dim <= high:
        raise IndexError(f"{name}={dim} is out of range for a tensor with {ndim} dimension(s)")
    return dim % max(ndim, 1)


def infer_shape(shape: Sequence[int], numel: int) -> tuple[int, ...]:
    """Resolve a target ``shape`` that may hold one ``-1`` for a tensor of ``numel`` elements.

    Raises:
        TypeError: an entry of ``shape`` is not an int.
        ValueError: more than one ``-1``, a negative size, or sizes whose product is not
            ``numel``.
    """
    if isinstance(shape, int) or not isinstance(shape, Sequence):
        raise TypeError(f"shape must be a sequence of ints, got {type(shape).__name__}")
    sizes = list(shape)
    for index, size in enumerate(sizes):
        if isinstance(size, bool) or not isinstance(size, int):
            raise TypeError(f"shape[{index}] must be an int, got {type(size).__name__}")
        if size < -1:
            raise ValueError(f"shape[{index}] must be >= -1, got {size}")
    unknown = [index for index, size in enumerate(sizes) if size == -1]
    if len(unknown) > 1:
        raise ValueError(f"shape {tuple(shape)}: only one dimension can be -1")
    known = math.prod(size for size in sizes if size != -1)
    if unknown:
        if known == 0 or numel % known:
            raise ValueError(f"shape {tuple(shape)} is invalid for an input of {numel} elements")
        sizes[unknown[0]] = numel // known
    elif known != numel:
        raise ValueError(f"shape {tuple(shape)} is invalid for an input of {numel} elements")
    return tuple(sizes)


def row_major_index(shape: Sequence[int]) -> tuple[torch.Tensor, ...]:
    """For every position of a tensor of ``shape`` (in row-major order), its index per dim.

    ``row_major_index((2, 3))`` is ``(tensor([0, 0, 0, 1, 1, 1]), tensor([0, 1, 2, 0, 1, 2]))``:
    the last dimension varies fastest.
    """
    flat = torch.arange(math.prod(shape))
    indices = []
    for size in reversed(shape):
        indices.append(flat % size if size else flat)
        flat = flat // size if size else flat
    return tuple(reversed(indices))


def reshape(input: torch.Tensor, shape: Sequence[int]) -> torch.Tensor:
    """Return the elements of ``input`` in row-major order, cut into ``shape``.

    Equal to ``torch.reshape(input, shape)`` (one entry may be ``-1``). The elements are
    gathered in row-major order and scattered into a new tensor of the target shape, so the
    result is always a copy, where torch returns a view whenever the strides allow it.
    """
    require_tensor("input", input)
    target = infer_shape(shape, input.numel())
    # The k-th element in row-major order, for every k: a 1-D tensor of numel elements.
    elements = input[None] if input.dim() == 0 else input[row_major_index(tuple(input.shape))]
    if not target:
        return elements[0]
    output = torch.zeros(target, dtype=input.dtype, device=input.device)
    return output.index_put(row_major_index(target), elements)


def flatten(input: torch.Tensor, start_dim: int = 1, end_dim: int = -1) -> torch.Tensor:
    """Merge dimensions ``start_dim .. end_dim`` (inclusive) into one, like ``nn.Flatten``.

    The defaults are those of ``torch.nn.Flatten`` (``start_dim=1`` keeps the batch axis);
    ``torch.flatten`` starts at ``start_dim=0``.
    """
    require_tensor("input", input)
    if input.dim() == 0:
        _normalize_dim("start_dim", start_dim, 0)
        _normalize_dim("end_dim", end_dim, 0)
        return reshape(input, (1,))
    start = _normalize_dim("start_dim", start_dim, input.dim())
    end = _normalize_dim("end_dim", end_dim, input.dim())
    if start > end:
        raise ValueError(f"start_dim={start_dim} cannot come after end_dim={end_dim}")
    shape = tuple(input.shape)
    merged = math.prod(shape[start : end + 1])
    return reshape(input, (*shape[:start], merged, *shape[end + 1 :]))


def unflatten(input: torch.Tensor, dim: int, unflattened_size: Sequence[int]) -> torch.Tensor:
    """Split dimension ``dim`` into ``unflattened_size`` (one entry may be ``-1``).

    The inverse of ``flatten``: ``unflatten(flatten(x, 1, 2), 1, x.shape[1:3])`` is ``x``.
    """
    require_tensor("input", input)
    if isinstance(unflattened_size, int) or not isinstance(unflattened_size, Sequence):
        raise TypeError(
            f"unflattened_size must be a tuple of ints, got {type(unflattened_size).__name__}"
        )
    if len(unflattened_size) == 0:
        raise ValueError("unflattened_size must be non-empty")
    axis = _normalize_dim("dim", dim, input.dim())
    shape = tuple(input.shape)
    try:
        sizes = infer_shape(unflattened_size, shape[axis])
    except ValueError as error:
        raise ValueError(f"unflattened_size: {error} (dim {dim} has size {shape[axis]})") from None
    return reshape(input, shape[:axis] + sizes + shape[axis + 1 :])


def channel_shuffle(input: torch.Tensor, groups: int) -> torch.Tensor:
    """Interleave the channels of ``groups`` groups (ShuffleNet), like ``nn.ChannelShuffle``.

    With ``C`` channels and ``g`` groups of ``C/g`` channels each, output channel
    ``k*g + i`` is input channel ``i*(C/g) + k``: reshape to ``(N, g, C/g, *)``, swap the two
    group axes, reshape back to ``(N, C, *)``.
    """
    require_tensor("input", input)
    require_positive_int("groups", groups)
    if input.dim() < 3:
        raise ValueError(
            f"input must have at least 3 dimensions (N, C, *), got shape {tuple(input.shape)}"
        )
    channels = input.shape[1]
    if channels % groups:
        raise ValueError(f"the {channels} channels of input are not divisible by groups={groups}")
    per_group = channels // groups
    k = torch.arange(channels) // groups  # position inside a group
    i = torch.arange(channels) % groups  # which group
    return input[:, i * per_group + k]
