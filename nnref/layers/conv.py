"""Convolution from scratch: im2col/col2im by slicing, then one matrix product per group.

``im2col`` copies every receptive window of the (padded) input into a column; a convolution is
then ``weight (out, in/groups * prod(k)) @ columns``. ``col2im`` is the adjoint of ``im2col``:
it adds every column back at its window, summing where windows overlap; a transposed
convolution is ``weight^T @ input`` followed by ``col2im``. Nothing here calls ``F.conv*``,
``F.unfold``, ``F.fold`` or ``F.pad``: only slicing, ``cat``, ``index_select``, ``stack``,
``reshape`` and ``@``.

Tensors are channels-first: ``(N, C, *spatial)``; the number of spatial dimensions (1, 2, 3 or
more) comes from the weight (convolutions) or from the input (``im2col``).
"""

import itertools
import math

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor
from nnref.layers.conv_shapes import (
    as_tuple,
    conv_output_shape,
    conv_padding,
    conv_transpose_output_shape,
)

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


def pad_nd(
    input: torch.Tensor, pads: tuple[tuple[int, int], ...], mode: str = "zeros"
) -> torch.Tensor:
    """Pad the last ``len(pads)`` dimensions of ``input`` by ``(left, right)`` elements each.

    Args:
        input: tensor whose trailing dimensions are spatial.
        pads: one ``(left, right)`` pair per trailing dimension, first spatial dimension first.
        mode: ``"zeros"``; ``"reflect"`` (mirror without repeating the edge, pad < size);
            ``"replicate"`` (repeat the edge); ``"circular"`` (wrap around, pad <= size).
    """
    if mode not in PADDING_MODES:
        raise ValueError(f"padding_mode must be one of {PADDING_MODES}, got {mode!r}")
    first = input.dim() - len(pads)
    output = input
    for offset, (left, right) in enumerate(pads):
        if left == 0 and right == 0:
            continue
        dim = first + offset
        length = output.shape[dim]
        if mode == "zeros":
            before = list(output.shape)
            after = list(output.shape)
            before[dim], after[dim] = left, right
            output = torch.cat([output.new_zeros(before), output, output.new_zeros(after)], dim)
            continue
        if mode == "reflect" and max(left, right) >= length:
            raise ValueError(
                f"padding {max(left, right)} must be smaller than the input size {length} "
                "for padding_mode='reflect'"
            )
        if mode == "circular" and max(left, right) > length:
            raise ValueError(
                f"padding {max(left, right)} must not exceed the input size {length} "
                "for padding_mode='circular'"
            )
        index = torch.arange(-left, length + right, device=input.device)
        if mode == "reflect":  # ... 2 1 | 0 1 2 ... L-1 | L-2 L-3 ...
            index = (length - 1) - ((length - 1) - index.abs()).abs()
        elif mode == "replicate":
            index = index.clamp(0, length - 1)
        else:  # circular
            index = index.remainder(length)
        output = output.index_select(dim, index)
    return output


def _window_slices(
    offset: tuple[int, ...],
    blocks: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> tuple[slice, ...]:
    """Index of the elements kernel tap ``offset`` meets, over every window position."""
    index = [slice(None), slice(None)]
    for j, b, s, d in zip(offset, blocks, stride, dilation, strict=True):
        start = j * d
        index.append(slice(start, start + s * (b - 1) + 1, s))
    return tuple(index)


def _gather_windows(
    padded: torch.Tensor,
    kernel_size: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
    blocks: tuple[int, ...],
) -> torch.Tensor:
    """``(N, C, *padded)`` -> ``(N, C, prod(k), *blocks)``: one strided slice per kernel tap."""
    taps = itertools.product(*(range(k) for k in kernel_size))
    return torch.stack(
        [padded[_window_slices(tap, blocks, stride, dilation)] for tap in taps], dim=2
    )


def _scatter_windows(
    windows: torch.Tensor,
    size: tuple[int, ...],
    kernel_size: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> torch.Tensor:
    """The adjoint of ``_gather_windows``: ``(N, C, prod(k), *blocks)`` -> ``(N, C, *size)``.

    Each kernel tap's values are added at the positions that tap read; overlaps sum.
    """
    batch, channels, _, *blocks = windows.shape
    output = windows.new_zeros(batch, channels, *size)
    taps = itertools.product(*(range(k) for k in kernel_size))
    for number, tap in enumerate(taps):
        output[_window_slices(tap, tuple(blocks), stride, dilation)] += windows[:, :, number]
    return output


def im2col(
    input: torch.Tensor,
    kernel_size: int | tuple[int, ...],
    dilation: int | tuple[int, ...] = 1,
    padding: int | tuple[int, ...] = 0,
    stride: int | tuple[int, ...] = 1,
) -> torch.Tensor:
    """Copy every sliding window of ``input`` into a column (``torch.nn.functional.unfold``).

    Args:
        input: ``(N, C, *spatial)`` with any number of spatial dimensions (``Unfold``: 2).
        kernel_size: window size per spatial dimension (an int for all dimensions).
        dilation: spacing between the window's taps.
        padding: zeros added on both sides of every spatial dimension.
        stride: step between window positions. The argument order is ``F.unfold``'s.

    Returns:
        ``(N, C * prod(k), L)``: row ``c * prod(k) + tap`` (channel-major, kernel taps in
        row-major order), one column per window, ``L = prod(blocks)`` windows in row-major order.
    """
    require_tensor("input", input)
    if input.dim() < 3:
        raise ValueError(f"input must be (N, C, *spatial), got shape {tuple(input.shape)}")
    n = input.dim() - 2
    kernel = as_tuple("kernel_size", kernel_size, n, minimum=1)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    pad = as_tuple("padding", padding, n, minimum=0)
    step = as_tuple("stride", stride, n, minimum=1)
    blocks = conv_output_shape(tuple(input.shape[2:]), kernel, step, pad, dil)
    padded = pad_nd(input, tuple((p, p) for p in pad))
    windows = _gather_windows(padded, kernel, step, dil, blocks)
    batch, channels = input.shape[:2]
    return windows.reshape(batch, channels * math.prod(kernel), math.prod(blocks))


def _crop(padded: torch.Tensor, pad: tuple[int, ...], size: tuple[int, ...]) -> torch.Tensor:
    """Skip ``pad`` leading elements of each spatial dimension and keep the next ``size``."""
    crop = (
        slice(None),
        slice(None),
        *(slice(p, p + length) for p, length in zip(pad, size, strict=True)),
    )
    return padded[crop]


def col2im(
    input: torch.Tensor,
    output_size: int | tuple[int, ...],
    kernel_size: int | tuple[int, ...],
    dilation: int | tuple[int, ...] = 1,
    padding: int | tuple[int, ...] = 0,
    stride: int | tuple[int, ...] = 1,
) -> torch.Tensor:
    """Add every column back at its window (``torch.nn.functional.fold``), the adjoint of im2col.

    Args:
        input: ``(N, C * prod(k), L)`` columns, laid out as :func:`im2col` returns them.
        output_size: the spatial size of the result; its length (or ``kernel_size``'s, if
            ``output_size`` is an int) is the number of spatial dimensions, 2 if both are ints.
        kernel_size: window size, as for :func:`im2col`.
        dilation: spacing between the window's taps.
        padding: padding of the image the columns came from (cropped from the result).
        stride: step between window positions.

    Returns:
        ``(N, C, *output_size)``; where windows overlap, their values are summed.
    """
    require_tensor("input", input)
    if isinstance(output_size, tuple | list):
        n = len(output_size)
    elif isinstance(kernel_size, tuple | list):
        n = len(kernel_size)
    else:
        n = 2
    size = as_tuple("output_size", output_size, n, minimum=1)
    kernel = as_tuple("kernel_size", kernel_size, n, minimum=1)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    pad = as_tuple("padding", padding, n, minimum=0)
    step = as_tuple("stride", stride, n, minimum=1)
    if input.dim() != 3:
        raise ValueError(f"input must be (N, C * prod(kernel_size), L), got {tuple(input.shape)}")
    taps = math.prod(kernel)
    batch, rows, columns = input.shape
    if rows % taps != 0:
        raise ValueError(f"input has {rows} rows, not a multiple of prod(kernel_size) = {taps}")
    blocks = conv_output_shape(size, kernel, step, pad, dil)
    if columns != math.prod(blocks):
        raise ValueError(
            f"input has {columns} columns, but output_size={size} with these kernel_size, "
            f"dilation, padding and stride has {math.prod(blocks)} windows {blocks}"
        )
    windows = input.reshape(batch, rows // taps, taps, *blocks)
    padded_size = tuple(length + 2 * p for length, p in zip(size, pad, strict=True))
    padded = _scatter_windows(windows, padded_size, kernel, step, dil)
    return _crop(padded, pad, size)


def _batched(input: torch.Tensor, n: int) -> tuple[torch.Tensor, bool]:
    """Add a batch dimension to an unbatched ``(C, *spatial)`` input; say whether it did."""
    require_floating("input", require_tensor("input", input))
    if input.dim() == n + 2:
        return input, False
    if input.dim() == n + 1:
        return input.unsqueeze(0), True
    raise ValueError(
        f"input must be (N, C, *spatial) or (C, *spatial) with {n} spatial dimensions "
        f"(as the weight has), got shape {tuple(input.shape)}"
    )


def _check_conv_arguments(
    input: torch.Tensor, weight: torch.Tensor, groups: int, weight_layout: str
) -> tuple[int, torch.Tensor, bool]:
    """Check ``weight`` (laid out as ``weight_layout``), ``input`` and ``groups``.

    Returns the number of spatial dimensions, the batched input and whether it was unbatched.
    """
    require_tensor("weight", weight)
    if weight.dim() < 3:
        raise ValueError(f"weight must be {weight_layout}, got shape {tuple(weight.shape)}")
    n = weight.dim() - 2
    x, unbatched = _batched(input, n)
    require_positive_int("groups", groups)
    return n, x, unbatched


def _add_bias(output: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    if bias is None:
        return output
    require_tensor("bias", bias)
    channels = output.shape[1]
    if tuple(bias.shape) != (channels,):
        raise ValueError(f"bias must have shape ({channels},), got {tuple(bias.shape)}")
    return output + bias.reshape(1, channels, *([1] * (output.dim() - 2)))


def conv_nd(
    input: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int | tuple[int, ...] = 1,
    padding: int | tuple[int, ...] | str = 0,
    dilation: int | tuple[int, ...] = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
) -> torch.Tensor:
    """N-dimensional convolution (cross-correlation), as ``Conv1d/2d/3d`` compute it.

    ``out[n, o, *i] = b[o] + sum_{c in group(o), *j} w[o, c, *j] * x_pad[n, c, *(s*i + d*j)]``

    Args:
        input: ``(N, C_in, *spatial)`` or unbatched ``(C_in, *spatial)``.
        weight: ``(C_out, C_in / groups, *kernel_size)``; its dimension sets 1-D, 2-D or 3-D.
        bias: optional ``(C_out,)``.
        stride: step between window positions, per spatial dimension (an int for all).
        dilation: spacing between kernel taps, per spatial dimension.
        padding: int or tuple (both sides), ``"valid"`` (none) or ``"same"`` (stride 1 only).
        groups: input and output channels are split into this many independent groups.
        padding_mode: ``"zeros"``, ``"reflect"``, ``"replicate"`` or ``"circular"``.

    Returns:
        ``(N, C_out, *out_spatial)`` (unbatched if the input was), with
        ``out = floor((L + 2p - d(k - 1) - 1) / s) + 1`` per dimension.
    """
    n, x, unbatched = _check_conv_arguments(
        input, weight, groups, "(out_channels, in_channels / groups, *kernel_size)"
    )
    out_channels, per_group, *kernel = weight.shape
    kernel = tuple(kernel)
    if x.shape[1] != per_group * groups:
        raise ValueError(
            f"input has {x.shape[1]} channels, but weight expects in_channels = "
            f"weight.shape[1] * groups = {per_group} * {groups} = {per_group * groups}"
        )
    if out_channels % groups != 0:
        raise ValueError(
            f"out_channels = weight.shape[0] = {out_channels} must be divisible by groups={groups}"
        )
    step = as_tuple("stride", stride, n, minimum=1)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    pads = conv_padding(padding, kernel, step, dil)
    x = pad_nd(x, pads, padding_mode)
    blocks = conv_output_shape(tuple(x.shape[2:]), kernel, step, 0, dil)
    windows = _gather_windows(x, kernel, step, dil, blocks)  # (N, C_in, K, *blocks)
    batch, taps = x.shape[0], math.prod(kernel)
    columns = windows.reshape(batch, groups, per_group * taps, math.prod(blocks))
    matrix = weight.reshape(groups, out_channels // groups, per_group * taps)
    output = (matrix @ columns).reshape(batch, out_channels, *blocks)
    output = _add_bias(output, bias)
    return output.squeeze(0) if unbatched else output


def conv_transpose_nd(
    input: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int | tuple[int, ...] = 1,
    padding: int | tuple[int, ...] = 0,
    output_padding: int | tuple[int, ...] = 0,
    groups: int = 1,
    dilation: int | tuple[int, ...] = 1,
) -> torch.Tensor:
    """N-dimensional transposed convolution, as ``ConvTranspose1d/2d/3d`` compute it.

    Every input element scatters ``x * w`` into the output at stride ``s``; overlaps sum. This is
    the adjoint (the gradient with respect to the input) of :func:`conv_nd` with the same
    weight, stride, padding, dilation and groups. The argument order is ``F.conv_transpose2d``'s.

    Args:
        input: ``(N, C_in, *spatial)`` or unbatched ``(C_in, *spatial)``.
        weight: ``(C_in, C_out / groups, *kernel_size)`` (note: in-channels first).
        bias: optional ``(C_out,)``.
        stride: distance between the windows written by neighbouring inputs (upsampling).
        dilation: spacing between kernel taps, per spatial dimension.
        padding: removed from both sides of the full result (``d(k - 1) - p`` is the zero
            padding of the equivalent direct convolution).
        output_padding: added at the end of each dimension; ``< max(stride, dilation)``.
        groups: independent channel groups.

    Returns:
        ``(N, C_out, *out_spatial)`` with ``out = (L - 1)s - 2p + d(k - 1) + a + 1``.
    """
    n, x, unbatched = _check_conv_arguments(
        input, weight, groups, "(in_channels, out_channels / groups, *kernel_size)"
    )
    in_channels, out_per_group, *kernel = weight.shape
    kernel = tuple(kernel)
    if x.shape[1] != in_channels:
        raise ValueError(
            f"input has {x.shape[1]} channels, but weight.shape[0] (in_channels) is {in_channels}"
        )
    if in_channels % groups != 0:
        raise ValueError(
            f"in_channels = weight.shape[0] = {in_channels} must be divisible by groups={groups}"
        )
    step = as_tuple("stride", stride, n, minimum=1)
    pad = as_tuple("padding", padding, n, minimum=0)
    extra = as_tuple("output_padding", output_padding, n, minimum=0)
    dil = as_tuple("dilation", dilation, n, minimum=1)
    size_in = tuple(x.shape[2:])
    size_out = conv_transpose_output_shape(size_in, kernel, step, pad, extra, dil)
    batch, taps = x.shape[0], math.prod(kernel)
    grouped = x.reshape(batch, groups, in_channels // groups, math.prod(size_in))
    matrix = weight.reshape(groups, in_channels // groups, out_per_group * taps)
    columns = matrix.transpose(1, 2) @ grouped  # (N, G, C_out/G * K, L_in)
    windows = columns.reshape(batch, groups * out_per_group, taps, *size_in)
    full = tuple(
        (length - 1) * s + d * (k - 1) + 1 + a
        for length, s, d, k, a in zip(size_in, step, dil, kernel, extra, strict=True)
    )
    output = _scatter_windows(windows, full, kernel, step, dil)
    output = _add_bias(_crop(output, pad, size_out), bias)
    return output.squeeze(0) if unbatched else output


def _require_weight_dims(weight: torch.Tensor, n: int) -> None:
    require_tensor("weight", weight)
    if weight.dim() != n + 2:
        raise ValueError(
            f"weight of a {n}-D convolution must have {n + 2} dimensions, got shape "
            f"{tuple(weight.shape)}"
        )


def conv1d(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, **options
) -> torch.Tensor:
    """:func:`conv_nd` for a 3-D weight ``(C_out, C_in / groups, k)`` (``Conv1d``)."""
    _require_weight_dims(weight, 1)
    return conv_nd(input, weight, bias, **options)


def conv2d(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, **options
) -> torch.Tensor:
    """:func:`conv_nd` for a 4-D weight ``(C_out, C_in / groups, kH, kW)`` (``Conv2d``)."""
    _require_weight_dims(weight, 2)
    return conv_nd(input, weight, bias, **options)


def conv3d(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, **options
) -> torch.Tensor:
    """:func:`conv_nd` for a 5-D weight ``(C_out, C_in / groups, kD, kH, kW)`` (``Conv3d``)."""
    _require_weight_dims(weight, 3)
    return conv_nd(input, weight, bias, **options)


def conv_transpose1d(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, **options
) -> torch.Tensor:
    """:func:`conv_transpose_nd` for a 3-D weight ``(C_in, C_out / groups, k)``."""
    _require_weight_dims(weight, 1)
    return conv_transpose_nd(input, weight, bias, **options)


def conv_transpose2d(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, **options
) -> torch.Tensor:
    """:func:`conv_transpose_nd` for a 4-D weight ``(C_in, C_out / groups, kH, kW)``."""
    _require_weight_dims(weight, 2)
    return conv_transpose_nd(input, weight, bias, **options)


def conv_transpose3d(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, **options
) -> torch.Tensor:
    """:func:`conv_transpose_nd` for a 5-D weight ``(C_in, C_out / groups, kD, kH, kW)``."""
    _require_weight_dims(weight, 3)
    return conv_transpose_nd(input, weight, bias, **options)


def _check_channels(in_channels: int, out_channels: int, groups: int) -> None:
    require_positive_int("in_channels", in_channels)
    require_positive_int("out_channels", out_channels)
    require_positive_int("groups", groups)
    if in_channels % groups:
        raise ValueError(f"in_channels={in_channels} must be divisible by groups={groups}")
    if out_channels % groups:
        raise ValueError(f"out_channels={out_channels} must be divisible by groups={groups}")


def _kernel(kernel_size: object) -> tuple[int, ...]:
    if not isinstance(kernel_size, tuple | list) or not kernel_size:
        raise TypeError(
            f"kernel_size must be a tuple with one entry per spatial dimension, got {kernel_size!r}"
        )
    return as_tuple("kernel_size", kernel_size, len(kernel_size), minimum=1)


def conv_weight_shape(
    in_channels: int,
    out_channels: int,
    kernel_size: tuple[int, ...],
    groups: int = 1,
    transposed: bool = False,
) -> tuple[int, ...]:
    """``(out, in/groups, *k)`` for a convolution, ``(in, out/groups, *k)`` for a transposed one."""
    _check_channels(in_channels, out_channels, groups)
    kernel = _kernel(kernel_size)
    if transposed:
        return (in_channels, out_channels // groups, *kernel)
    return (out_channels, in_channels // groups, *kernel)


def conv_init(
    in_channels: int,
    out_channels: int,
    kernel_size: tuple[int, ...],
    groups: int = 1,
    bias: bool = True,
    transposed: bool = False,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Draw the default parameters of ``Conv*d`` / ``ConvTranspose*d`` as torch does.

    ``kaiming_uniform_(weight, a=sqrt(5))`` is ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))`` with
    ``fan_in = weight.shape[1] * prod(k)``; the bias uses the same bound. For a transposed
    convolution ``weight.shape[1]`` is ``out_channels / groups``, so its "fan_in" counts output
    channels. The draws use the global generator in torch's order (weight, then bias).

    Returns:
        ``(weight, bias)``; ``bias`` is ``None`` when ``bias=False``.
    """
    shape = conv_weight_shape(in_channels, out_channels, kernel_size, groups, transposed)
    fan_in = shape[1] * math.prod(shape[2:])
    # The same arithmetic as torch.nn.init.kaiming_uniform_(a=sqrt(5)): gain * sqrt(3 / fan_in).
    gain = math.sqrt(2.0 / (1 + math.sqrt(5) ** 2))
    weight_bound = math.sqrt(3.0) * (gain / math.sqrt(fan_in))
    weight = torch.empty(shape).uniform_(-weight_bound, weight_bound)
    bound = 1 / math.sqrt(fan_in)
    bias_tensor = torch.empty(out_channels).uniform_(-bound, bound) if bias else None
    return weight, bias_tensor


def conv_parameter_count(
    in_channels: int,
    out_channels: int,
    kernel_size: tuple[int, ...],
    groups: int = 1,
    bias: bool = True,
) -> int:
    """``out * (in / groups) * prod(k) + out``: the same for a convolution and its transpose."""
    shape = conv_weight_shape(in_channels, out_channels, kernel_size, groups)
    return math.prod(shape) + (out_channels if bias else 0)
