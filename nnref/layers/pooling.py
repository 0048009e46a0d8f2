"""Max, average, power-average (LP) and adaptive pooling in 1, 2 and 3 dimensions.

Every function gathers the pooling windows with index arithmetic (``index_select`` along each
spatial axis) and reduces them with ``max`` or ``sum``; none calls the torch pooling kernels.
Inputs are channels-first like torch: ``(N, C, *spatial)`` or, unbatched, ``(C, *spatial)``.

Window ``o`` along an axis of length ``L`` starts at ``o * stride - padding`` and reads the
positions ``start + j * dilation`` for ``j = 0 .. kernel_size - 1``; positions outside
``[0, L)`` are padding (``-inf`` for max pooling, ``0`` for average pooling).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from nnref._checks import require_floating, require_tensor

_SPATIAL = {1: "L", 2: "H, W", 3: "D, H, W"}


# --------------------------------------------------------------------------------------------
# Argument checks and the output-size formula
# --------------------------------------------------------------------------------------------


def _as_tuple(name: str, value: object, nd: int) -> tuple[int, ...]:
    """``3 -> (3, 3)``; a sequence must hold ``nd`` ints (or one, repeated)."""
    items = tuple(value) if isinstance(value, Sequence) else (value,)
    if len(items) == 1:
        items = items * nd
    if len(items) != nd:
        raise ValueError(f"{name} must be an int or a sequence of {nd} ints, got {value!r}")
    for item in items:
        if isinstance(item, bool) or not isinstance(item, int):
            raise TypeError(f"{name} must be an int or a sequence of ints, got {value!r}")
    return items


def _positive(name: str, value: object, nd: int) -> tuple[int, ...]:
    items = _as_tuple(name, value, nd)
    if any(item <= 0 for item in items):
        raise ValueError(f"{name} must be positive, got {value!r}")
    return items


def _require_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")
    return value


def _batched(name: str, input: torch.Tensor, nd: int) -> tuple[torch.Tensor, bool]:
    """Check a ``(N, C, *spatial)`` or ``(C, *spatial)`` input; return it batched."""
    require_floating(name, require_tensor(name, input))
    if input.dim() not in (nd + 1, nd + 2):
        raise ValueError(
            f"{name} must have shape (N, C, {_SPATIAL[nd]}) or (C, {_SPATIAL[nd]}) "
            f"({nd + 1} or {nd + 2} dimensions), got shape {tuple(input.shape)}"
        )
    unbatched = input.dim() == nd + 1
    batched = input.unsqueeze(0) if unbatched else input
    if any(size == 0 for size in batched.shape[1:]):
        raise ValueError(f"{name} must have non-zero channels and sizes, got {tuple(input.shape)}")
    return batched, unbatched


def pool_output_size(
    length: int,
    kernel_size: int,
    stride: int | None = None,
    padding: int = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
) -> int:
    """Output length of max/average pooling along one axis.

    ``floor((length + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1``, with
    ``ceil`` instead of ``floor`` when ``ceil_mode``; in ``ceil_mode`` a last window that would
    start in the right padding is dropped. ``stride`` defaults to ``kernel_size``.

    Raises:
        ValueError: if ``padding`` exceeds half the kernel or the output would be empty.
    """
    for name, value in (("length", length), ("kernel_size", kernel_size)):
        _positive(name, value, 1)
    stride = kernel_size if stride is None else stride
    _positive("stride", stride, 1)
    _positive("dilation", dilation, 1)
    _as_tuple("padding", padding, 1)
    if padding < 0:
        raise ValueError(f"padding must be non-negative, got {padding}")
    if padding > kernel_size // 2:
        raise ValueError(
            f"padding must be at most half of kernel_size, got padding={padding} "
            f"and kernel_size={kernel_size}"
        )
    span = length + 2 * padding - dilation * (kernel_size - 1) - 1
    steps = -(-span // stride) if ceil_mode else span // stride
    size = steps + 1
    if ceil_mode and (size - 1) * stride >= length + padding:
        size -= 1
    if size < 1:
        raise ValueError(
            f"input length {length} is too small for kernel_size={kernel_size}, "
            f"dilation={dilation} and padding={padding}: the output would be empty"
        )
    return size


def adaptive_bounds(length: int, output_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Start and end (exclusive) of the adaptive pooling windows along one axis.

    Window ``i`` covers ``[floor(i * L / out), ceil((i + 1) * L / out))``: the windows cover the
    whole axis, may overlap and may differ in size by one.
    """
    _positive("length", length, 1)
    _positive("output_size", output_size, 1)
    index = torch.arange(output_size)
    starts = torch.div(index * length, output_size, rounding_mode="floor")
    ends = -torch.div(-(index + 1) * length, output_size, rounding_mode="floor")
    return starts, ends


# --------------------------------------------------------------------------------------------
# Gathering windows and reducing them
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """The windows along one spatial axis.

    Attributes:
        positions: ``(out, K)`` input positions read by each of ``out`` windows (may fall
            outside the input: padding).
        valid: ``(out, K)`` which positions are real input elements.
        counted: ``(out,)`` how many positions average pooling divides by along this axis.
    """

    positions: torch.Tensor
    valid: torch.Tensor
    counted: torch.Tensor


def _sliding_axis(
    length: int, kernel: int, stride: int, padding: int, dilation: int, ceil_mode: bool
) -> Axis:
    size = pool_output_size(length, kernel, stride, padding, dilation, ceil_mode)
    starts = torch.arange(size) * stride - padding
    positions = starts[:, None] + torch.arange(kernel) * dilation
    valid = (positions >= 0) & (positions < length)
    # Average pooling with count_include_pad divides by the window clipped to the padded input
    # (torch: hend = min(hstart + k, L + padding)); the overhang of ceil_mode is not counted.
    counted = (positions < length + padding).sum(dim=1)
    return Axis(positions, valid, counted)


def _adaptive_axis(length: int, output_size: int) -> Axis:
    starts, ends = adaptive_bounds(length, output_size)
    widest = int((ends - starts).max())
    positions = starts[:, None] + torch.arange(widest)
    valid = positions < ends[:, None]
    return Axis(positions, valid, valid.sum(dim=1))


def _spread(tensor: torch.Tensor, axis: int, nd: int) -> torch.Tensor:
    """Reshape an ``(out, K)`` tensor of one axis to broadcast over ``(*outs, *Ks)``."""
    shape = [1] * (2 * nd)
    shape[axis] = tensor.shape[0]
    shape[nd + axis] = tensor.shape[1]
    return tensor.reshape(shape)


def gather_windows(
    input: torch.Tensor, axes: Sequence[Axis]
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Collect every window of a batched input.

    Args:
        input: ``(N, C, *spatial)`` tensor.
        axes: one :class:`Axis` per spatial dimension.

    Returns:
        ``(windows, valid, flat_index, reachable)``: ``windows`` of shape ``(N, C, *outs, K)``
        with the ``K = K_1 * ... * K_nd`` values of each window in row-major order (padding
        positions hold a clamped copy and must be masked with ``valid``); the others of shape
        ``(*outs, K)``: ``valid`` marks real input elements, ``flat_index`` is the position of
        each element in the flattened input plane (``h * W + w`` in 2-D, the convention of
        torch's ``return_indices``), ``reachable`` marks elements with no negative coordinate.
    """
    nd = len(axes)
    lengths = input.shape[2:]
    values = input
    for axis, window in enumerate(axes):
        dim = 2 + 2 * axis  # earlier axes have already become (out, K) pairs
        clamped = window.positions.clamp(0, lengths[axis] - 1)
        values = values.index_select(dim, clamped.reshape(-1))
        values = values.unflatten(dim, tuple(window.positions.shape))
    order = [0, 1, *(2 + 2 * a for a in range(nd)), *(3 + 2 * a for a in range(nd))]
    windows = values.permute(order).flatten(2 + nd)

    valid = torch.ones((), dtype=torch.bool)
    reachable = torch.ones((), dtype=torch.bool)
    flat_index = torch.zeros((), dtype=torch.long)
    plane_stride = 1
    for axis in reversed(range(nd)):
        positions = axes[axis].positions
        valid = valid & _spread(axes[axis].valid, axis, nd)
        reachable = reachable & _spread(positions >= 0, axis, nd)
        flat_index = flat_index + _spread(positions, axis, nd) * plane_stride
        plane_stride *= lengths[axis]
    return windows, valid.flatten(nd), flat_index.flatten(nd), reachable.flatten(nd)


def window_max(
    windows: torch.Tensor,
    valid: torch.Tensor,
    flat_index: torch.Tensor,
    reachable: torch.Tensor | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Maximum of each window and the input position it came from.

    Reproduces torch's scan ``if (val > maxval || isnan(val))``: the first maximum in
    row-major window order wins, a NaN wins over numbers (the last NaN is kept), and padding
    never wins. The value is picked with ``gather``, so the gradient flows to that one element
    only, as in torch (``amax`` would split it between tied elements).

    Args:
        windows: ``(..., K)`` values of each window.
        valid: ``(..., K)`` mask of real input elements, broadcastable to ``windows``.
        flat_index: ``(..., K)`` input position of each element, broadcastable to ``windows``.
        reachable: ``(..., K)`` elements with no negative coordinate; used only to pick
            torch's index for a window made of padding alone.

    Returns:
        ``(values, indices)`` of shape ``windows.shape[:-1]``.
    """
    valid = valid.expand_as(windows)
    masked = windows.masked_fill(~valid, -math.inf)
    largest = masked.amax(dim=-1, keepdim=True)
    is_nan = masked.isnan()
    has_nan = is_nan.any(dim=-1)
    first_max = (valid & (masked == largest)).int().argmax(dim=-1)
    last_nan = windows.shape[-1] - 1 - is_nan.flip(-1).int().argmax(dim=-1)
    choice = torch.where(has_nan, last_nan, first_max)
    # A window of padding only (possible with a large dilation): torch returns -inf, and as
    # index the first kernel position whose coordinates are all >= 0 (even if beyond the
    # input, so the index is meaningless there).
    empty = ~valid.any(dim=-1)
    if reachable is not None and empty.any():
        first = reachable.expand_as(windows).int().argmax(dim=-1)
        choice = torch.where(empty, first, choice)
    values = windows.gather(-1, choice.unsqueeze(-1)).squeeze(-1)
    values = values.masked_fill(empty, -math.inf)
    indices = flat_index.expand_as(windows).gather(-1, choice.unsqueeze(-1)).squeeze(-1)
    return values, indices


def _unbatch(tensor: torch.Tensor, unbatched: bool) -> torch.Tensor:
    return tensor.squeeze(0) if unbatched else tensor


def _max_result(
    values: torch.Tensor, indices: torch.Tensor, unbatched: bool, return_indices: bool
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """The values of a max pooling, with their indices if asked for, unbatched if the input was."""
    values, indices = _unbatch(values, unbatched), _unbatch(indices, unbatched)
    return (values, indices) if return_indices else values


# --------------------------------------------------------------------------------------------
# Max pooling
# --------------------------------------------------------------------------------------------


def _max_pool(
    nd, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    x, unbatched = _batched("input", input, nd)
    kernel = _positive("kernel_size", kernel_size, nd)
    steps = kernel if stride is None else _positive("stride", stride, nd)
    dilations = _positive("dilation", dilation, nd)
    pads = _as_tuple("padding", padding, nd)
    _require_bool("ceil_mode", ceil_mode)
    _require_bool("return_indices", return_indices)
    axes = [
        _sliding_axis(length, k, s, p, d, ceil_mode)
        for length, k, s, p, d in zip(x.shape[2:], kernel, steps, pads, dilations, strict=True)
    ]
    return _max_result(*window_max(*gather_windows(x, axes)), unbatched, return_indices)


def max_pool1d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    dilation: int | Sequence[int] = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """1-D max pooling of ``(N, C, L)`` or ``(C, L)``, equal to ``F.max_pool1d``.

    ``y[o] = max_j x[o * stride - padding + j * dilation]`` over ``j < kernel_size``, padding
    being ``-inf``. ``stride`` defaults to ``kernel_size``. With ``return_indices`` also
    returns the position of each maximum in the input (``torch.long``).
    """
    return _max_pool(1, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def max_pool2d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    dilation: int | Sequence[int] = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """2-D max pooling of ``(N, C, H, W)`` or ``(C, H, W)``, equal to ``F.max_pool2d``.

    Each argument is an int or an ``(h, w)`` pair; indices are flat positions ``h * W + w``
    in each input plane.
    """
    return _max_pool(2, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def max_pool3d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    dilation: int | Sequence[int] = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """3-D max pooling of ``(N, C, D, H, W)`` or ``(C, D, H, W)``, equal to ``F.max_pool3d``.

    Indices are flat positions ``(d * H + h) * W + w`` in each input volume.
    """
    return _max_pool(3, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


# --------------------------------------------------------------------------------------------
# Average pooling
# --------------------------------------------------------------------------------------------


def _avg_pool(
    nd, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
) -> torch.Tensor:
    x, unbatched = _batched("input", input, nd)
    kernel = _positive("kernel_size", kernel_size, nd)
    steps = kernel if stride is None else _positive("stride", stride, nd)
    pads = _as_tuple("padding", padding, nd)
    _require_bool("ceil_mode", ceil_mode)
    _require_bool("count_include_pad", count_include_pad)
    if divisor_override is not None:
        _positive("divisor_override", divisor_override, 1)
    if nd == 3 and any(length < k for length, k in zip(x.shape[2:], kernel, strict=True)):
        # torch's avg_pool3d (and so lp_pool3d) refuses an input smaller than the kernel even
        # when padding or ceil_mode would give a window; the 1-D and 2-D versions accept it.
        raise ValueError(
            f"input of spatial size {tuple(x.shape[2:])} is smaller than kernel_size={kernel}"
        )
    axes = [
        _sliding_axis(length, k, s, p, 1, ceil_mode)
        for length, k, s, p in zip(x.shape[2:], kernel, steps, pads, strict=True)
    ]
    windows, valid, _, _ = gather_windows(x, axes)
    total = windows.masked_fill(~valid, 0).sum(dim=-1)
    if divisor_override is not None:
        return _unbatch(total / divisor_override, unbatched)
    if count_include_pad:
        divisor = torch.ones((), dtype=torch.long)
        for axis, window in enumerate(axes):
            divisor = divisor * window.counted.reshape([-1] + [1] * (nd - 1 - axis))
    else:
        divisor = valid.sum(dim=-1)
    return _unbatch(total / divisor.to(total.dtype), unbatched)


def avg_pool1d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
) -> torch.Tensor:
    """1-D average pooling, equal to ``F.avg_pool1d``.

    The window sum (zero padding) is divided by the window length clipped to the padded input
    when ``count_include_pad`` (the default), or by the number of real input elements.
    """
    return _avg_pool(1, input, kernel_size, stride, padding, ceil_mode, count_include_pad, None)


def avg_pool2d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> torch.Tensor:
    """2-D average pooling, equal to ``F.avg_pool2d``; ``divisor_override`` replaces the count."""
    return _avg_pool(
        2, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )


def avg_pool3d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> torch.Tensor:
    """3-D average pooling, equal to ``F.avg_pool3d``; ``divisor_override`` replaces the count."""
    return _avg_pool(
        3, input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )


# --------------------------------------------------------------------------------------------
# Power-average (LP) pooling
# --------------------------------------------------------------------------------------------


def _lp_pool(nd, input, norm_type, kernel_size, stride, ceil_mode) -> torch.Tensor:
    if isinstance(norm_type, bool) or not isinstance(norm_type, int | float):
        raise TypeError(f"norm_type must be a number, got {type(norm_type).__name__}")
    if norm_type == 0 or math.isnan(norm_type):
        raise ValueError(f"norm_type must be a non-zero number, got {norm_type}")
    if norm_type == math.inf:
        return _max_pool(nd, input.abs(), kernel_size, stride, 0, 1, ceil_mode, False)
    if norm_type == -math.inf:
        return -_max_pool(nd, -input.abs(), kernel_size, stride, 0, 1, ceil_mode, False)
    kernel = _positive("kernel_size", kernel_size, nd)
    # torch: avg_pool(x ** p) * (kernel numel), then ** (1 / p). Without padding the average
    # of a full window times its size is the sum of x ** p; a ceil_mode window cut by the
    # border is averaged over its real elements and still multiplied by the full kernel size.
    mean = _avg_pool(nd, input.pow(norm_type), kernel, stride, 0, ceil_mode, True, None)
    # torch writes sign(out) * relu(abs(out)), which equals out but has a zero gradient where
    # out == 0: the infinite derivative of the root there is masked instead of giving NaN.
    mean = torch.where(mean == 0, torch.zeros_like(mean), mean)
    return (mean * math.prod(kernel)).pow(1.0 / norm_type)


def lp_pool1d(
    input: torch.Tensor,
    norm_type: float,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    ceil_mode: bool = False,
) -> torch.Tensor:
    """1-D power-average pooling ``(sum_j x_j ** p) ** (1 / p)``, equal to ``F.lp_pool1d``.

    There is no padding. ``x ** p`` is the signed power (not ``|x| ** p``): negative inputs
    with an odd or fractional ``p`` give negative sums and NaN roots. ``p = inf`` is the
    maximum of ``|x|``; ``p = 1`` is sum pooling.
    """
    return _lp_pool(1, input, norm_type, kernel_size, stride, ceil_mode)


def lp_pool2d(
    input: torch.Tensor,
    norm_type: float,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    ceil_mode: bool = False,
) -> torch.Tensor:
    """2-D power-average pooling, equal to ``F.lp_pool2d`` (see :func:`lp_pool1d`)."""
    return _lp_pool(2, input, norm_type, kernel_size, stride, ceil_mode)


def lp_pool3d(
    input: torch.Tensor,
    norm_type: float,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    ceil_mode: bool = False,
) -> torch.Tensor:
    """3-D power-average pooling, equal to ``F.lp_pool3d`` (see :func:`lp_pool1d`)."""
    return _lp_pool(3, input, norm_type, kernel_size, stride, ceil_mode)


# --------------------------------------------------------------------------------------------
# Adaptive pooling
# --------------------------------------------------------------------------------------------


def _adaptive_axes(nd: int, x: torch.Tensor, output_size: object) -> list[Axis]:
    if output_size is None:
        raise TypeError("output_size must be an int or a sequence of ints (None keeps a size)")
    items = tuple(output_size) if isinstance(output_size, Sequence) else (output_size,)
    if len(items) == 1:
        items = items * nd
    if len(items) != nd:
        raise ValueError(f"output_size must be an int or a sequence of {nd} entries")
    sizes = [
        length if item is None else item for item, length in zip(items, x.shape[2:], strict=True)
    ]
    _positive("output_size", tuple(sizes), nd)
    return [_adaptive_axis(length, size) for length, size in zip(x.shape[2:], sizes, strict=True)]


def _adaptive_max(nd, input, output_size, return_indices):
    x, unbatched = _batched("input", input, nd)
    _require_bool("return_indices", return_indices)
    windows = gather_windows(x, _adaptive_axes(nd, x, output_size))
    return _max_result(*window_max(*windows), unbatched, return_indices)


def _adaptive_avg(nd, input, output_size):
    x, unbatched = _batched("input", input, nd)
    windows, valid, _, _ = gather_windows(x, _adaptive_axes(nd, x, output_size))
    mean = windows.masked_fill(~valid, 0).sum(dim=-1) / valid.sum(dim=-1).to(windows.dtype)
    return _unbatch(mean, unbatched)


def adaptive_max_pool1d(
    input: torch.Tensor, output_size: int | Sequence[int | None], return_indices: bool = False
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """Adaptive max pooling to ``output_size`` positions, equal to ``F.adaptive_max_pool1d``.

    Output ``i`` is the maximum over ``[floor(i L / out), ceil((i + 1) L / out))``.
    """
    return _adaptive_max(1, input, output_size, return_indices)


def adaptive_max_pool2d(
    input: torch.Tensor, output_size: int | Sequence[int | None], return_indices: bool = False
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """2-D adaptive max pooling, equal to ``F.adaptive_max_pool2d``; ``None`` keeps a size."""
    return _adaptive_max(2, input, output_size, return_indices)


def adaptive_max_pool3d(
    input: torch.Tensor, output_size: int | Sequence[int | None], return_indices: bool = False
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """3-D adaptive max pooling, equal to ``F.adaptive_max_pool3d``; ``None`` keeps a size."""
    return _adaptive_max(3, input, output_size, return_indices)


def adaptive_avg_pool1d(input: torch.Tensor, output_size: int | Sequence[int]) -> torch.Tensor:
    """Adaptive average pooling, equal to ``F.adaptive_avg_pool1d``.

    Output ``i`` is the mean over ``[floor(i L / out), ceil((i + 1) L / out))``;
    ``output_size=1`` is global average pooling.
    """
    return _adaptive_avg(1, input, output_size)


def adaptive_avg_pool2d(
    input: torch.Tensor, output_size: int | Sequence[int | None]
) -> torch.Tensor:
    """2-D adaptive average pooling, equal to ``F.adaptive_avg_pool2d``; ``None`` keeps a size."""
    return _adaptive_avg(2, input, output_size)


def adaptive_avg_pool3d(
    input: torch.Tensor, output_size: int | Sequence[int | None]
) -> torch.Tensor:
    """3-D adaptive average pooling, equal to ``F.adaptive_avg_pool3d``; ``None`` keeps a size."""
    return _adaptive_avg(3, input, output_size)
