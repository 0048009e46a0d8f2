"""The memory layout of a tensor: shape, strides and offset, computed without torch.

A strided tensor reads element ``(i_0, ..., i_{k-1})`` from its storage at position
``offset + i_0 * s_0 + ... + i_{k-1} * s_{k-1}``. Every shape operation that returns a view
(``view``, ``permute``, ``transpose``, ``expand``, ``squeeze``...) only computes a new shape, new
strides and a new offset over the same storage. The functions here compute them with plain
integer arithmetic, following the rules of ``aten`` (``computeStride``, ``infer_size``,
``infer_size`` for broadcasting), so the tests can compare every result with torch.
"""

from collections.abc import Sequence

import torch

Shape = tuple[int, ...]


def _as_shape(name: str, shape: object) -> Shape:
    """Return ``shape`` as a tuple of ints >= 0, or raise naming ``name``."""
    if isinstance(shape, torch.Size):
        return tuple(shape)
    if not isinstance(shape, Sequence) or isinstance(shape, str):
        raise TypeError(f"{name} must be a sequence of ints, got {type(shape).__name__}")
    result = []
    for index, size in enumerate(shape):
        if isinstance(size, bool) or not isinstance(size, int):
            raise TypeError(f"{name}[{index}] must be an int, got {type(size).__name__}")
        result.append(size)
    return tuple(result)


def _non_negative(name: str, shape: Shape) -> Shape:
    for index, size in enumerate(shape):
        if size < 0:
            raise ValueError(f"{name}[{index}] must be >= 0, got {size}")
    return shape


def _wrap_dim(name: str, dim: object, ndim: int) -> int:
    """A dimension index in ``[-ndim, ndim)`` (``[-1, 0]`` for a 0-d tensor) made non-negative."""
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"{name} must be an int, got {type(dim).__name__}")
    size = max(ndim, 1)
    if not -size <= dim < size:
        raise ValueError(
            f"{name} out of range (expected to be in range of [{-size}, {size - 1}], got {dim})"
        )
    return dim % size


def numel(shape: Sequence[int]) -> int:
    """The number of elements of a tensor of this shape (1 for the 0-d shape ``()``)."""
    count = 1
    for size in _non_negative("shape", _as_shape("shape", shape)):
        count *= size
    return count


def contiguous_strides(shape: Sequence[int]) -> Shape:
    """The strides of a contiguous (row-major) tensor of this shape.

    The last dimension has stride 1 and each other stride is the next one times the next size:
    ``s_a = prod(d_b for b > a)``. Like torch, a size of 0 counts as 1 here, so a tensor with no
    elements still gets positive strides.

    Args:
        shape: the sizes ``(d_0, ..., d_{k-1})``.

    Returns:
        The strides ``(s_0, ..., s_{k-1})``, in elements (not bytes).
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    strides = [1] * len(shape)
    for a in range(len(shape) - 2, -1, -1):
        strides[a] = strides[a + 1] * max(shape[a + 1], 1)
    return tuple(strides)


def is_contiguous(shape: Sequence[int], strides: Sequence[int]) -> bool:
    """Whether (shape, strides) is torch's notion of a contiguous tensor.

    Dimensions of size 1 may have any stride (their index is always 0), and a tensor with no
    elements is contiguous; otherwise the strides must equal ``contiguous_strides(shape)``.
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    strides = _as_shape("strides", strides)
    if len(strides) != len(shape):
        raise ValueError(f"strides has {len(strides)} entries, shape has {len(shape)}")
    if numel(shape) == 0:
        return True
    expected = 1
    for size, stride in zip(reversed(shape), reversed(strides), strict=True):
        if size != 1:
            if stride != expected:
                return False
            expected *= size
    return True


def element_offset(index: Sequence[int], strides: Sequence[int], offset: int = 0) -> int:
    """Where element ``index`` sits in the storage: ``offset + sum(i_a * s_a)``."""
    index = _as_shape("index", index)
    strides = _as_shape("strides", strides)
    if len(index) != len(strides):
        raise ValueError(f"index has {len(index)} entries, strides has {len(strides)}")
    return offset + sum(i * s for i, s in zip(index, strides, strict=True))


def gather(
    storage: torch.Tensor, shape: Sequence[int], strides: Sequence[int], offset: int = 0
) -> torch.Tensor:
    """Materialise the strided view (shape, strides, offset) of a flat ``storage``.

    Builds the storage position of every element with ``element_offset``'s formula, by
    broadcasting one ``arange`` per dimension, and indexes the flat storage: the values a torch
    view with this layout shows (``torch.as_strided`` without calling it).
    """
    if not isinstance(storage, torch.Tensor) or storage.dim() != 1:
        raise ValueError("storage must be a 1-d tensor")
    shape = _non_negative("shape", _as_shape("shape", shape))
    strides = _as_shape("strides", strides)
    if len(strides) != len(shape):
        raise ValueError(f"strides has {len(strides)} entries, shape has {len(shape)}")
    position = torch.full(shape, offset, dtype=torch.long)
    for a, (size, stride) in enumerate(zip(shape, strides, strict=True)):
        axis = [1] * len(shape)
        axis[a] = size
        position = position + torch.arange(size).reshape(axis) * stride
    if position.numel() and not 0 <= int(position.min()) <= int(position.max()) < len(storage):
        raise ValueError("shape, strides and offset reach outside the storage")
    return storage[position]


def infer_size(shape: Sequence[int], count: int) -> Shape:
    """Resolve one ``-1`` in a target shape for a tensor of ``count`` elements.

    Raises ``ValueError`` like torch: more than one ``-1``, a size below ``-1``, or a shape
    whose number of elements is not ``count`` ("shape '[4, 2]' is invalid for input of size 6").
    """
    shape = _as_shape("shape", shape)
    inferred = [a for a, size in enumerate(shape) if size == -1]
    if len(inferred) > 1:
        raise ValueError("shape: only one dimension can be inferred")
    for a, size in enumerate(shape):
        if size < -1:
            raise ValueError(f"shape[{a}]: invalid shape dimension {size}")
    known = 1
    for size in shape:
        if size != -1:
            known *= size
    if inferred:
        if known == 0 or count % known:
            raise ValueError(f"shape '{list(shape)}' is invalid for input of size {count}")
        result = list(shape)
        result[inferred[0]] = count // known
        return tuple(result)
    if known != count:
        raise ValueError(f"shape '{list(shape)}' is invalid for input of size {count}")
    return shape


def view_strides(
    shape: Sequence[int], strides: Sequence[int], new_shape: Sequence[int]
) -> Shape | None:
    """The strides of ``x.view(new_shape)`` for ``x`` with this shape and strides, or ``None``.

    torch's rule (``computeStride`` in ``aten``): split the old dimensions into *chunks* of
    dimensions that are contiguous with each other (``s_{a} = d_{a+1} s_{a+1}``, skipping sizes
    of 1). A view exists exactly when the new shape can be cut into consecutive groups whose
    element counts equal the chunks' counts, in order; each new dimension then gets the stride
    of the elements it steps over inside its chunk. ``None`` means ``view`` raises and
    ``reshape`` copies.

    Args:
        shape: the current sizes.
        strides: the current strides.
        new_shape: the target sizes; one entry may be ``-1``.

    Returns:
        The new strides, or ``None`` when no view with this shape exists.
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    strides = _as_shape("strides", strides)
    if len(strides) != len(shape):
        raise ValueError(f"strides has {len(strides)} entries, shape has {len(shape)}")
    new_shape = infer_size(new_shape, numel(shape))
    if not shape:  # a 0-d tensor: any shape of one element
        return (1,) * len(new_shape)
    if numel(shape) == 0:
        return strides if new_shape == shape else contiguous_strides(new_shape)
    new_strides = [0] * len(new_shape)
    view_d = len(new_shape) - 1
    chunk_base_stride = strides[-1]
    tensor_numel = 1
    view_numel = 1
    for tensor_d in range(len(shape) - 1, -1, -1):
        tensor_numel *= shape[tensor_d]
        chunk_ends = tensor_d == 0 or (
            shape[tensor_d - 1] != 1 and strides[tensor_d - 1] != tensor_numel * chunk_base_stride
        )
        if chunk_ends:
            while view_d >= 0 and (view_numel < tensor_numel or new_shape[view_d] == 1):
                new_strides[view_d] = view_numel * chunk_base_stride
                view_numel *= new_shape[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if tensor_d > 0:
                chunk_base_stride = strides[tensor_d - 1]
                tensor_numel = 1
                view_numel = 1
    if view_d != -1:
        return None
    return tuple(new_strides)


def broadcast_shapes(*shapes: Sequence[int]) -> Shape:
    """The shape that tensors of these shapes broadcast to.

    Align the shapes on the right (missing leading sizes count as 1); in every position the
    sizes must be equal or 1, and the result takes the size that is not 1.
    """
    parsed = [_non_negative("shapes", _as_shape("shapes", s)) for s in shapes]
    ndim = max((len(s) for s in parsed), default=0)
    result = [1] * ndim
    for index, s in enumerate(parsed):
        for a in range(-1, -len(s) - 1, -1):
            size = s[a]
            if size == result[a] or size == 1:
                continue
            if result[a] == 1:
                result[a] = size
            else:
                raise ValueError(
                    f"shapes[{index}] = {s} cannot be broadcast: size {size} at dim {a} "
                    f"meets size {result[a]}"
                )
    return tuple(result)


def expand_strides(shape: Sequence[int], strides: Sequence[int], new_shape: Sequence[int]) -> Shape:
    """The strides of ``x.expand(new_shape)``: 0 for every dimension that is repeated.

    Dimensions of size 1 that grow, and new leading dimensions of size > 1, get stride 0: every
    index along them reads the same element. ``-1`` in ``new_shape`` keeps a size. (A new
    leading dimension of size 1 gets the stride torch gives it, size times stride of the next.)
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    strides = _as_shape("strides", strides)
    new_shape = _as_shape("new_shape", new_shape)
    if len(new_shape) < len(shape):
        raise ValueError(
            f"new_shape has {len(new_shape)} dims, fewer than the tensor's {len(shape)}"
        )
    lead = len(new_shape) - len(shape)
    result = [0] * len(new_shape)
    sizes = [0] * len(new_shape)
    for a in range(len(new_shape) - 1, -1, -1):
        target = new_shape[a]
        if a < lead:  # a new leading dim: size 1, the stride a contiguous dim would have
            if target < 0:
                raise ValueError(f"new_shape[{a}] = {target}: -1 is not allowed for a new dim")
            size = 1
            stride = sizes[a + 1] * result[a + 1] if a + 1 < len(new_shape) else 0
        else:
            size, stride = shape[a - lead], strides[a - lead]
            if target == -1:
                target = size
        if target != size:
            if size != 1 or target < 0:
                raise ValueError(f"new_shape[{a}] = {target} cannot expand a dim of size {size}")
            size, stride = target, 0
        sizes[a], result[a] = size, stride
    return tuple(result)


def permute_strides(
    shape: Sequence[int], strides: Sequence[int], dims: Sequence[int]
) -> tuple[Shape, Shape]:
    """The shape and strides of ``x.permute(dims)``: both reordered, nothing moved in memory."""
    shape = _non_negative("shape", _as_shape("shape", shape))
    strides = _as_shape("strides", strides)
    dims = _as_shape("dims", dims)
    if len(dims) != len(shape):
        raise ValueError(f"dims has {len(dims)} entries, the tensor has {len(shape)} dims")
    wrapped = [_wrap_dim("dims", d, len(shape)) for d in dims]
    if len(set(wrapped)) != len(wrapped):
        raise ValueError(f"dims {dims} repeats a dimension")
    return tuple(shape[d] for d in wrapped), tuple(strides[d] for d in wrapped)


def squeeze_shape(shape: Sequence[int], dim: int | Sequence[int] | None = None) -> Shape:
    """The shape of ``torch.squeeze(x, dim)``: size-1 dims named by ``dim`` (all if None) go.

    A named dimension whose size is not 1 stays, without an error, as in torch.
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    if dim is None:
        return tuple(size for size in shape if size != 1)
    dims = (dim,) if isinstance(dim, int) else _as_shape("dim", dim)
    wrapped = {_wrap_dim("dim", d, len(shape)) for d in dims}
    return tuple(size for a, size in enumerate(shape) if not (a in wrapped and size == 1))


def unsqueeze_shape(shape: Sequence[int], dim: int) -> Shape:
    """The shape of ``torch.unsqueeze(x, dim)``: a size-1 dim inserted at position ``dim``.

    ``dim`` ranges over ``[-k-1, k]`` for a k-dimensional tensor; a negative ``dim`` counts
    from the end of the result.
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    position = _wrap_dim("dim", dim, len(shape) + 1)
    return (*shape[:position], 1, *shape[position:])


def reduced_shape(
    shape: Sequence[int], dim: int | Sequence[int] | None = None, keepdim: bool = False
) -> Shape:
    """The shape of a reduction (``sum``, ``mean``, ``amax``...) over ``dim``.

    ``dim=None`` (or ``()``, as in ``torch.sum``) reduces every dimension. The reduced
    dimensions disappear, or stay with size 1 when ``keepdim=True``.
    """
    shape = _non_negative("shape", _as_shape("shape", shape))
    if not isinstance(keepdim, bool):
        raise TypeError(f"keepdim must be a bool, got {type(keepdim).__name__}")
    if dim is None or (not isinstance(dim, int) and len(_as_shape("dim", dim)) == 0):
        reduced = set(range(len(shape)))
    else:
        dims = (dim,) if isinstance(dim, int) else _as_shape("dim", dim)
        wrapped = [_wrap_dim("dim", d, len(shape)) for d in dims]
        if len(set(wrapped)) != len(wrapped):
            raise ValueError(f"dim {dims}: a dimension appears multiple times")
        reduced = set(wrapped)
    if keepdim:
        return tuple(1 if a in reduced else size for a, size in enumerate(shape))
    return tuple(size for a, size in enumerate(shape) if a not in reduced)
