"""Max unpooling: the partial inverse of max pooling, in 1, 2 and 3 dimensions.

Each pooled value is written back at the input position its max pooling recorded
(``return_indices=True``); every other position of the output is zero. The output size is
``(in - 1) * stride - 2 * padding + kernel_size`` per axis unless ``output_size`` picks one of
the other sizes that pool to the same shape.
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_tensor
from nnref.layers.pooling import _as_tuple, _batched, _positive


def unpool_output_size(
    input_size: Sequence[int],
    kernel_size: Sequence[int],
    stride: Sequence[int],
    padding: Sequence[int],
    output_size: Sequence[int] | None = None,
) -> tuple[int, ...]:
    """The spatial output size of max unpooling.

    The default is ``(in - 1) * stride - 2 * padding + kernel_size`` per axis. An explicit
    ``output_size`` (``nd`` sizes, or ``nd + 2`` with batch and channels first) must lie
    strictly between ``default - stride`` and ``default + stride``: those are the sizes
    max pooling maps to ``input_size``.
    """
    nd = len(kernel_size)
    default = tuple(
        (size - 1) * s - 2 * p + k
        for size, k, s, p in zip(input_size, kernel_size, stride, padding, strict=True)
    )
    if output_size is None:
        result = default
    else:
        sizes = tuple(output_size)
        if len(sizes) == nd + 2:
            sizes = sizes[2:]
        if len(sizes) != nd:
            raise ValueError(f"output_size must hold {nd} or {nd + 2} sizes, got {output_size!r}")
        for axis, (size, base, s) in enumerate(zip(sizes, default, stride, strict=True)):
            if not base - s < size < base + s:
                raise ValueError(
                    f"output_size[{axis}]={size} must be between {base - s} and {base + s} "
                    "(exclusive) for this kernel_size, stride and padding"
                )
        result = sizes
    if any(size <= 0 for size in result):
        raise ValueError(f"the unpooled size {result} is not positive; check padding")
    return tuple(result)


def _max_unpool(nd, input, indices, kernel_size, stride, padding, output_size):
    x, unbatched = _batched("input", input, nd)
    require_tensor("indices", indices)
    if indices.dtype != torch.long:
        raise TypeError(f"indices must have dtype torch.int64, got {indices.dtype}")
    if indices.shape != input.shape:
        raise ValueError(
            f"indices must have the shape of input {tuple(input.shape)}, got {tuple(indices.shape)}"
        )
    kernel = _positive("kernel_size", kernel_size, nd)
    steps = kernel if stride is None else _positive("stride", stride, nd)
    pads = _as_tuple("padding", padding, nd)
    if any(p < 0 for p in pads):
        raise ValueError(f"padding must be non-negative, got {padding!r}")
    sizes = unpool_output_size(x.shape[2:], kernel, steps, pads, output_size)
    plane = 1
    for size in sizes:
        plane *= size
    flat_indices = (indices.unsqueeze(0) if unbatched else indices).flatten(2)
    if flat_indices.numel() and (flat_indices.min() < 0 or flat_indices.max() >= plane):
        raise ValueError(
            f"indices must lie in [0, {plane}) for an output of spatial size {sizes}; "
            f"got values from {int(flat_indices.min())} to {int(flat_indices.max())}"
        )
    output = x.new_zeros(*x.shape[:2], plane)
    # Write each value at its recorded position; positions no index names stay zero.
    output = output.scatter(-1, flat_indices, x.flatten(2))
    output = output.reshape(*x.shape[:2], *sizes)
    return output.squeeze(0) if unbatched else output


def max_unpool1d(
    input: torch.Tensor,
    indices: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    output_size: Sequence[int] | None = None,
) -> torch.Tensor:
    """Inverse of ``max_pool1d(..., return_indices=True)`` up to zeros; equal to
    ``F.max_unpool1d``."""
    return _max_unpool(1, input, indices, kernel_size, stride, padding, output_size)


def max_unpool2d(
    input: torch.Tensor,
    indices: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    output_size: Sequence[int] | None = None,
) -> torch.Tensor:
    """2-D max unpooling of ``(N, C, H, W)`` or ``(C, H, W)``; equal to ``F.max_unpool2d``.

    ``indices`` are flat positions ``h * W_out + w`` as returned by max pooling.
    """
    return _max_unpool(2, input, indices, kernel_size, stride, padding, output_size)


def max_unpool3d(
    input: torch.Tensor,
    indices: torch.Tensor,
    kernel_size: int | Sequence[int],
    stride: int | Sequence[int] | None = None,
    padding: int | Sequence[int] = 0,
    output_size: Sequence[int] | None = None,
) -> torch.Tensor:
    """3-D max unpooling of ``(N, C, D, H, W)`` or ``(C, D, H, W)``; equal to
    ``F.max_unpool3d``."""
    return _max_unpool(3, input, indices, kernel_size, stride, padding, output_size)
