"""Fractional max pooling (Graham, 2014) in 2 and 3 dimensions, from its interval formula.

For an axis of length ``L`` pooled to ``out`` windows of size ``k``, with one random number
``u`` in ``[0, 1)`` per plane and axis, torch places window ``i`` at

    start_i = trunc((i + u) * alpha) - trunc(u * alpha),   alpha = (L - k) / (out - 1),

for ``i < out - 1``, and the last window at ``L - k``, computed in the dtype of ``u``. The
steps between windows are therefore ``floor(alpha)`` or ``ceil(alpha)`` in a pseudo-random
order, which is what makes the size reduction "fractional".
"""

from collections.abc import Sequence

import torch

from nnref._checks import require_tensor
from nnref.layers.pooling import (
    _batched,
    _max_result,
    _positive,
    _require_bool,
    window_max,
)


def fractional_intervals(
    samples: torch.Tensor, input_size: int, output_size: int, kernel_size: int
) -> torch.Tensor:
    """Window starts of fractional max pooling along one axis, as torch computes them.

    Args:
        samples: tensor of random numbers in ``[0, 1)``, any shape ``S``; its dtype is the
            precision of the computation (torch uses the input's dtype).
        input_size: length ``L`` of the axis.
        output_size: number of windows ``out`` (at most ``L - kernel_size + 1``).
        kernel_size: window length ``k``.

    Returns:
        ``torch.long`` tensor of shape ``(*S, out)``: the first input position of each window.
    """
    require_tensor("samples", samples)
    for name, value in (("input_size", input_size), ("output_size", output_size)):
        _positive(name, value, 1)
    _positive("kernel_size", kernel_size, 1)
    if output_size + kernel_size - 1 > input_size:
        raise ValueError(
            f"kernel_size={kernel_size} is too large for output_size={output_size} and "
            f"input_size={input_size} (need output_size + kernel_size - 1 <= input_size)"
        )
    last = torch.full((*samples.shape, 1), input_size - kernel_size, dtype=torch.long)
    if output_size == 1:
        return last
    dtype = samples.dtype
    alpha = torch.tensor(input_size - kernel_size, dtype=dtype) / torch.tensor(
        output_size - 1, dtype=dtype
    )
    u = samples.unsqueeze(-1)
    steps = torch.arange(output_size - 1, dtype=dtype)
    # C++ static_cast<int> truncates; every operand is >= 0, so trunc is floor.
    starts = ((steps + u) * alpha).trunc().long() - (u * alpha).trunc().long()
    return torch.cat([starts, last], dim=-1)


def _fractional_max_pool(
    nd, input, kernel_size, output_size, output_ratio, return_indices, random_samples
):
    x, unbatched = _batched("input", input, nd)
    kernel = _positive("kernel_size", kernel_size, nd)
    _require_bool("return_indices", return_indices)
    spatial = x.shape[2:]
    if (output_size is None) == (output_ratio is None):
        raise ValueError("give exactly one of output_size and output_ratio")
    if output_size is None:
        ratios = output_ratio if isinstance(output_ratio, Sequence) else (output_ratio,) * nd
        if len(ratios) != nd or not all(
            isinstance(r, int | float) and not isinstance(r, bool) and 0 < r < 1 for r in ratios
        ):
            raise ValueError(f"output_ratio must be {nd} numbers in (0, 1), got {output_ratio!r}")
        sizes = tuple(int(length * ratio) for length, ratio in zip(spatial, ratios, strict=True))
    else:
        sizes = _positive("output_size", output_size, nd)

    if nd == 3:
        # torch's 3-D check is strict (out + k - 1 < L) where the 2-D one allows equality.
        for a, name in enumerate(("depth", "height", "width")):
            if sizes[a] + kernel[a] - 1 >= spatial[a]:
                raise ValueError(
                    f"kernel_size {kernel[a]} is too large for output_size {sizes[a]} and input "
                    f"{name} {spatial[a]} (fractional_max_pool3d needs out + k - 1 < input)"
                )
    planes = x.shape[:2]
    if random_samples is None:
        # The draw torch makes: one number per (batch, channel, axis), in the input's dtype.
        random_samples = torch.rand(*planes, nd, dtype=x.dtype)
    require_tensor("random_samples", random_samples)
    shape = tuple(random_samples.shape)
    if len(shape) != 3 or shape[0] < planes[0] or shape[1:] != (planes[1], nd):
        raise ValueError(
            f"random_samples must have shape (B, {planes[1]}, {nd}) with B >= the batch size "
            f"{planes[0]} (one number per image, channel and axis), got {shape}"
        )
    random_samples = random_samples[: planes[0]]  # like torch, extra rows are ignored
    # torch's 2-D kernel reads sample 0 for the width and sample 1 for the height; its 3-D
    # kernel reads samples 0, 1, 2 for depth, height, width.
    sample_axis = [1, 0] if nd == 2 else [0, 1, 2]
    starts = [
        fractional_intervals(random_samples[..., sample_axis[a]], spatial[a], sizes[a], kernel[a])
        for a in range(nd)
    ]

    # Flat position (in the input plane) of every element of every window:
    # shape (N, C, *outs, *kernel), built one axis at a time.
    flat = torch.zeros((), dtype=torch.long)
    plane_stride = 1
    for a in reversed(range(nd)):
        position = starts[a][..., :, None] + torch.arange(kernel[a])  # (N, C, out_a, k_a)
        shape = [*planes] + [1] * (2 * nd)
        shape[2 + a] = sizes[a]
        shape[2 + nd + a] = kernel[a]
        flat = flat + position.reshape(shape) * plane_stride
        plane_stride *= spatial[a]
    flat = flat.flatten(2 + nd)  # (N, C, *outs, K)
    windows = x.flatten(2).gather(-1, flat.flatten(2)).reshape(flat.shape)
    values, indices = window_max(windows, torch.ones((), dtype=torch.bool), flat)
    return _max_result(values, indices, unbatched, return_indices)


def fractional_max_pool2d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    output_size: int | Sequence[int] | None = None,
    output_ratio: float | Sequence[float] | None = None,
    return_indices: bool = False,
    random_samples: torch.Tensor | None = None,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """2-D fractional max pooling, equal to ``F.fractional_max_pool2d``.

    Args:
        input: ``(N, C, H, W)`` or ``(C, H, W)``.
        kernel_size: window size ``k`` or ``(kH, kW)``.
        output_size: ``(oH, oW)``; or give ``output_ratio`` in ``(0, 1)`` and the size is
            ``int(H * ratio)``.
        return_indices: also return flat indices ``h * W + w`` of the maxima.
        random_samples: ``(N, C, 2)`` numbers in ``[0, 1)`` (torch's ``_random_samples``;
            rows beyond the batch size are ignored); drawn with ``torch.rand`` like torch when
            omitted, so after the same ``torch.manual_seed`` both choose the same windows.
    """
    return _fractional_max_pool(
        2, input, kernel_size, output_size, output_ratio, return_indices, random_samples
    )


def fractional_max_pool3d(
    input: torch.Tensor,
    kernel_size: int | Sequence[int],
    output_size: int | Sequence[int] | None = None,
    output_ratio: float | Sequence[float] | None = None,
    return_indices: bool = False,
    random_samples: torch.Tensor | None = None,
) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
    """3-D fractional max pooling, equal to ``F.fractional_max_pool3d``.

    ``random_samples`` has shape ``(N, C, 3)`` (depth, height, width); see
    :func:`fractional_max_pool2d`.
    """
    return _fractional_max_pool(
        3, input, kernel_size, output_size, output_ratio, return_indices, random_samples
    )
