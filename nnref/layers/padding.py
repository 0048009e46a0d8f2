"""Padding by index arithmetic: zero, constant, reflection, replication and circular.

Padding of one dimension of size ``n`` by ``(left, right)`` produces ``n + left + right``
positions. Output position ``j`` reads the input position ``i = j - left`` when ``0 <= i < n``;
outside, each mode maps ``i`` back into the input (or uses a constant):

* constant: the value (``0`` for ``ZeroPad``);
* reflection: ``-i`` on the left, ``2 (n - 1) - i`` on the right (the edge is not repeated);
* replication: ``clamp(i, 0, n - 1)`` (the edge value is repeated);
* circular: ``i mod n`` (the other end of the tensor).

Negative padding removes positions instead. A tuple of pads lists the **last** dimension first:
``(left, right, top, bottom, front, back)``, as in ``torch.nn.functional.pad``. Each padded
dimension is handled by one ``index_select`` with the computed indices, so autograd sends each
output gradient back to the input position it was read from (summing where several read one).
"""

import torch

from nnref._checks import require_tensor

MODES = ("constant", "reflect", "replicate", "circular")
_SIDES = ("left", "right", "top", "bottom", "front", "back")


def expand_padding(padding: object, dims: int) -> tuple[int, ...]:
    """``padding`` as a tuple of ``2 * dims`` ints, last dimension first (like the modules).

    An int pads every side by the same amount; a tuple must name every side.
    """
    sides = ", ".join(_SIDES[: 2 * dims])
    if isinstance(padding, int) and not isinstance(padding, bool):
        return (padding,) * (2 * dims)
    if not isinstance(padding, tuple | list) or not all(
        isinstance(p, int) and not isinstance(p, bool) for p in padding
    ):
        raise TypeError(f"padding must be an int or a tuple of ints ({sides}), got {padding!r}")
    if len(padding) != 2 * dims:
        raise ValueError(
            f"padding must have {2 * dims} elements ({sides}) for {dims}-d padding, "
            f"got {len(padding)}: {tuple(padding)}"
        )
    return tuple(padding)


def source_index(
    size: int, left: int, right: int, mode: str
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """For one dimension: the input index each output position reads, and which are inside.

    Returns:
        ``(index, inside)``: ``index`` has ``size + left + right`` entries in ``[0, size)``;
        ``inside`` is ``None`` except for ``"constant"``, where it marks the positions that read
        the input (the others take the constant value).
    """
    out = size + left + right
    j = torch.arange(out)
    if mode == "circular":
        # Negative pads first crop the input; the wrap then reads from the cropped core.
        low = max(-left, 0)
        core = size - low - max(-right, 0)
        return low + torch.remainder(j - max(left, 0), core), None
    i = j - left
    if mode == "reflect":
        i = torch.where(i < 0, -i, i)
        i = torch.where(i > size - 1, 2 * (size - 1) - i, i)
        return i, None
    if mode == "replicate":
        return i.clamp(0, size - 1), None
    inside = (i >= 0) & (i < size)
    return i.clamp(0, max(size - 1, 0)), inside


def _check_sizes(input: torch.Tensor, padding: tuple[int, ...], mode: str) -> None:
    for k in range(len(padding) // 2):
        dim = input.dim() - 1 - k
        size = input.shape[dim]
        left, right = padding[2 * k], padding[2 * k + 1]
        out = size + left + right
        where = f"padding ({left}, {right}) of dimension {dim} (size {size})"
        if mode == "constant":
            if out < 0:
                raise ValueError(f"{where} gives a negative output size {out}")
            continue
        if out < 1:
            raise ValueError(f"{where} gives an empty output (size {out}) in mode {mode!r}")
        if mode == "reflect" and (left >= size or right >= size):
            raise ValueError(f"{where}: reflection needs each pad < the input size")
        if mode == "circular":
            core = size - max(-left, 0) - max(-right, 0)
            if core < 1 or left > core or right > core:
                raise ValueError(f"{where}: circular padding would wrap around more than once")


def pad(
    input: torch.Tensor, padding: tuple[int, ...], mode: str = "constant", value: float = 0.0
) -> torch.Tensor:
    """Pad the last ``len(padding) // 2`` dimensions of ``input``, like ``F.pad``.

    Args:
        input: tensor; for modes other than ``"constant"`` it must be ``(C, *spatial)`` or
            ``(N, C, *spatial)`` with one to three spatial dimensions being padded.
        padding: ``(left, right[, top, bottom[, front, back]])``, last dimension first;
            negative values crop.
        mode: ``"constant"``, ``"reflect"``, ``"replicate"`` or ``"circular"``.
        value: the fill value of ``"constant"`` mode.

    Returns:
        The padded tensor, equal to ``torch.nn.functional.pad(input, padding, mode, value)``.
    """
    require_tensor("input", input)
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if not isinstance(padding, tuple | list) or len(padding) % 2 or not padding:
        raise ValueError(f"padding must be a non-empty tuple of pairs, got {padding!r}")
    padding = expand_padding(tuple(padding), len(padding) // 2)
    dims = len(padding) // 2
    if mode == "constant":
        if input.dim() < dims:
            raise ValueError(f"input must have at least {dims} dimensions, got {input.dim()}")
    elif not (dims <= 3 and input.dim() in (dims + 1, dims + 2)):
        raise ValueError(
            f"input must be {dims + 1}-D or {dims + 2}-D for {dims}-d {mode} padding, "
            f"got {input.dim()}-D"
        )
    _check_sizes(input, padding, mode)
    output = input
    for k in range(dims):
        dim = input.dim() - 1 - k
        size = output.shape[dim]
        left, right = padding[2 * k], padding[2 * k + 1]
        if mode == "constant" and size == 0:
            shape = list(output.shape)
            shape[dim] = size + left + right
            output = output.new_full(shape, value)
            continue
        index, inside = source_index(size, left, right, mode)
        output = output.index_select(dim, index)
        if inside is not None:
            view = [1] * output.dim()
            view[dim] = -1
            fill = torch.tensor(value, dtype=output.dtype)
            output = torch.where(inside.view(view), output, fill)
    return output


def _layer(
    input: torch.Tensor, padding: object, dims: int, mode: str, value: float = 0.0
) -> torch.Tensor:
    """What the ``nn.*Pad{dims}d`` modules do: expand ``padding``, check the rank, pad."""
    require_tensor("input", input)
    expanded = expand_padding(padding, dims)
    if mode != "constant" and input.dim() not in (dims + 1, dims + 2):
        raise ValueError(
            f"input must be {dims + 1}-D or {dims + 2}-D for {dims}-d {mode} padding, "
            f"got {input.dim()}-D"
        )
    return pad(input, expanded, mode, value)


def zero_pad1d(input: torch.Tensor, padding: int | tuple[int, int]) -> torch.Tensor:
    """``nn.ZeroPad1d``: zeros on the left and right of the last dimension."""
    return _layer(input, padding, 1, "constant")


def zero_pad2d(input: torch.Tensor, padding: int | tuple[int, int, int, int]) -> torch.Tensor:
    """``nn.ZeroPad2d``: zeros around the last two dimensions ``(left, right, top, bottom)``."""
    return _layer(input, padding, 2, "constant")


def zero_pad3d(input: torch.Tensor, padding: int | tuple[int, ...]) -> torch.Tensor:
    """``nn.ZeroPad3d``: zeros around the last three dimensions (six pads, last dim first)."""
    return _layer(input, padding, 3, "constant")


def constant_pad1d(
    input: torch.Tensor, padding: int | tuple[int, int], value: float
) -> torch.Tensor:
    """``nn.ConstantPad1d``: ``value`` on the left and right of the last dimension."""
    return _layer(input, padding, 1, "constant", value)


def constant_pad2d(
    input: torch.Tensor, padding: int | tuple[int, int, int, int], value: float
) -> torch.Tensor:
    """``nn.ConstantPad2d``: ``value`` around the last two dimensions."""
    return _layer(input, padding, 2, "constant", value)


def constant_pad3d(
    input: torch.Tensor, padding: int | tuple[int, ...], value: float
) -> torch.Tensor:
    """``nn.ConstantPad3d``: ``value`` around the last three dimensions."""
    return _layer(input, padding, 3, "constant", value)


def reflection_pad1d(input: torch.Tensor, padding: int | tuple[int, int]) -> torch.Tensor:
    """``nn.ReflectionPad1d``: mirror about the edge element, which is not repeated."""
    return _layer(input, padding, 1, "reflect")


def reflection_pad2d(input: torch.Tensor, padding: int | tuple[int, int, int, int]) -> torch.Tensor:
    """``nn.ReflectionPad2d``: reflection of ``(C, H, W)`` or ``(N, C, H, W)``."""
    return _layer(input, padding, 2, "reflect")


def reflection_pad3d(input: torch.Tensor, padding: int | tuple[int, ...]) -> torch.Tensor:
    """``nn.ReflectionPad3d``: reflection of ``(C, D, H, W)`` or ``(N, C, D, H, W)``."""
    return _layer(input, padding, 3, "reflect")


def replication_pad1d(input: torch.Tensor, padding: int | tuple[int, int]) -> torch.Tensor:
    """``nn.ReplicationPad1d``: repeat the edge element."""
    return _layer(input, padding, 1, "replicate")


def replication_pad2d(
    input: torch.Tensor, padding: int | tuple[int, int, int, int]
) -> torch.Tensor:
    """``nn.ReplicationPad2d``: repeat the edge rows and columns (corners take the corner)."""
    return _layer(input, padding, 2, "replicate")


def replication_pad3d(input: torch.Tensor, padding: int | tuple[int, ...]) -> torch.Tensor:
    """``nn.ReplicationPad3d``: repeat the edge planes."""
    return _layer(input, padding, 3, "replicate")


def circular_pad1d(input: torch.Tensor, padding: int | tuple[int, int]) -> torch.Tensor:
    """``nn.CircularPad1d``: wrap around, as if the signal were periodic."""
    return _layer(input, padding, 1, "circular")


def circular_pad2d(input: torch.Tensor, padding: int | tuple[int, int, int, int]) -> torch.Tensor:
    """``nn.CircularPad2d``: wrap around in height and width (a torus)."""
    return _layer(input, padding, 2, "circular")


def circular_pad3d(input: torch.Tensor, padding: int | tuple[int, ...]) -> torch.Tensor:
    """``nn.CircularPad3d``: wrap around in depth, height and width."""
    return _layer(input, padding, 3, "circular")
