"""Upsampling by interpolation, and the pixel shuffle, from their coordinate formulas.

``interpolate`` resizes the spatial dimensions of an ``(N, C, *spatial)`` tensor one axis at a
time: for every output index it computes the source coordinate in the input (the formulas of
``torch.nn.functional.interpolate``, with and without ``align_corners``), then gathers the
neighbouring input values and weights them. Nearest, linear, bilinear, trilinear and bicubic
are separable, so one 1-D pass per axis gives the same values as torch's 2-D/3-D kernels.

Coordinates are computed in the input's dtype (torch's ``opmath`` type for float32 and
float64), and nearest indices in float32, as torch does, so that indices agree exactly.
"""

import math
from collections.abc import Sequence

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor

# mode -> number of spatial dimensions it accepts (None: any of 1, 2, 3)
MODES: dict[str, int | None] = {
    "nearest": None,
    "nearest-exact": None,
    "linear": 1,
    "bilinear": 2,
    "bicubic": 2,
    "trilinear": 3,
}
CUBIC_A = -0.75  # the bicubic convolution constant torch (and OpenCV) use


def _per_axis(name: str, value: object, count: int) -> list:
    """Expand a scalar to ``count`` entries, or check a sequence has ``count`` entries."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        if len(value) != count:
            raise ValueError(
                f"{name} has {len(value)} entries but the input has {count} spatial dimension(s)"
            )
        return list(value)
    return [value] * count


def output_size(
    input_size: Sequence[int],
    size: int | Sequence[int] | None = None,
    scale_factor: float | Sequence[float] | None = None,
) -> list[int]:
    """The spatial output size: ``size`` itself, or ``floor(input_size * scale_factor)``."""
    if (size is None) == (scale_factor is None):
        raise ValueError("exactly one of size or scale_factor must be given")
    count = len(input_size)
    if size is not None:
        sizes = _per_axis("size", size, count)
        for value in sizes:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"size must hold ints, got {type(value).__name__}")
            if value <= 0:
                raise ValueError(f"size must be positive, got {size}")
        return sizes
    factors = _per_axis("scale_factor", scale_factor, count)
    for value in factors:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"scale_factor must hold numbers, got {type(value).__name__}")
    sizes = [math.floor(n * float(f)) for n, f in zip(input_size, factors, strict=True)]
    if any(value <= 0 for value in sizes):
        raise ValueError(
            f"scale_factor={scale_factor} gives an empty output for input size {tuple(input_size)}"
        )
    return sizes


def coordinate_scale(
    in_size: int,
    out_size: int,
    align_corners: bool,
    scale_factor: float | None = None,
    dtype: torch.dtype = torch.float64,
) -> torch.Tensor:
    """Input pixels per output pixel, as a 0-d tensor of ``dtype``.

    ``align_corners=True``: ``(in - 1) / (out - 1)`` (``0`` when ``out == 1``); otherwise
    ``1 / scale_factor`` when a scale factor was given, else ``in / out``.
    """
    if align_corners:
        if out_size > 1:
            return torch.tensor(in_size - 1, dtype=dtype) / (out_size - 1)
        return torch.tensor(0.0, dtype=dtype)
    if scale_factor is not None and scale_factor > 0:
        return torch.tensor(1.0 / scale_factor, dtype=torch.float64).to(dtype)
    return torch.tensor(in_size, dtype=dtype) / out_size


def source_coordinates(
    in_size: int,
    out_size: int,
    align_corners: bool,
    scale_factor: float | None = None,
    dtype: torch.dtype = torch.float64,
    cubic: bool = False,
) -> torch.Tensor:
    """Where each output index samples the input, in input index units.

    ``align_corners=True``: ``x_in = scale * x_out`` (the centres of the corner pixels meet).
    ``align_corners=False``: ``x_in = scale * (x_out + 0.5) - 0.5`` (pixel edges meet), clamped
    at 0 from below except for bicubic.
    """
    scale = coordinate_scale(in_size, out_size, align_corners, scale_factor, dtype)
    dst = torch.arange(out_size, dtype=dtype)
    if align_corners:
        return scale * dst
    src = scale * (dst + 0.5) - 0.5
    return src if cubic else src.clamp(min=0)


def nearest_indices(
    in_size: int,
    out_size: int,
    scale_factor: float | None = None,
    exact: bool = False,
    shortcuts: bool = False,
) -> torch.Tensor:
    """Input index of every output index for ``mode="nearest"`` (or ``"nearest-exact"``).

    ``nearest``: ``floor(x_out * scale)`` (OpenCV's rule, biased to the left);
    ``nearest-exact``: ``floor((x_out + 0.5) * scale)`` (the centre rule of Pillow and scipy).
    Both clamp to ``in - 1`` and compute in float32, as torch does. With ``shortcuts`` (torch's
    2-D nearest kernel), ``out == in`` copies and ``out == 2 * in`` repeats each index twice
    even when a ``scale_factor`` such as 1.1 or 2.0001 would give other indices.
    """
    if shortcuts and not exact and out_size == in_size:
        return torch.arange(out_size)
    if shortcuts and not exact and out_size == 2 * in_size:
        return torch.arange(out_size) // 2
    scale = coordinate_scale(in_size, out_size, False, scale_factor, torch.float32)
    dst = torch.arange(out_size, dtype=torch.float32)
    src = torch.floor((dst + 0.5) * scale if exact else dst * scale).long()
    return src.clamp(max=in_size - 1)


def _cubic_weights(t: torch.Tensor) -> list[torch.Tensor]:
    """Weights of the 4 neighbours ``x-1, x, x+1, x+2`` at fractional offset ``t``."""
    a = CUBIC_A

    def near(d: torch.Tensor) -> torch.Tensor:  # |d| <= 1
        return ((a + 2) * d - (a + 3)) * d * d + 1

    def far(d: torch.Tensor) -> torch.Tensor:  # 1 < |d| < 2
        return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a

    return [far(t + 1), near(t), near(1 - t), far(2 - t)]


def _resize_last_axis(
    x: torch.Tensor,
    out_size: int,
    mode: str,
    align_corners: bool,
    scale_factor: float | None,
    spatial: int,
) -> torch.Tensor:
    """Interpolate the last dimension of ``x`` to ``out_size`` samples."""
    in_size = x.shape[-1]
    if mode in ("nearest", "nearest-exact"):
        exact, shortcuts = mode == "nearest-exact", spatial == 2
        return x[..., nearest_indices(in_size, out_size, scale_factor, exact, shortcuts)]
    if mode == "bicubic":
        src = source_coordinates(in_size, out_size, align_corners, scale_factor, x.dtype, True)
        base = torch.floor(src).long().clamp(max=in_size - 1)
        t = (src - base).clamp(0, 1)
        weights = _cubic_weights(t)
        output = 0
        for offset, weight in zip(range(-1, 3), weights, strict=True):
            output = output + x[..., (base + offset).clamp(0, in_size - 1)] * weight
        return output
    # linear, bilinear, trilinear: two neighbours per axis
    if out_size == in_size:
        return x[..., torch.arange(in_size)]
    src = source_coordinates(in_size, out_size, align_corners, scale_factor, x.dtype)
    left = torch.floor(src).long().clamp(max=in_size - 1)
    right = torch.where(left < in_size - 1, left + 1, left)
    lam = (src - left).clamp(0, 1)
    return x[..., left] * (1 - lam) + x[..., right] * lam


def interpolate(
    input: torch.Tensor,
    size: int | Sequence[int] | None = None,
    scale_factor: float | Sequence[float] | None = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
    recompute_scale_factor: bool | None = None,
) -> torch.Tensor:
    """Resize the spatial dimensions of ``input`` ``(N, C, *spatial)`` like ``F.interpolate``.

    Args:
        input: 3-D ``(N, C, W)``, 4-D ``(N, C, H, W)`` or 5-D ``(N, C, D, H, W)`` tensor.
        size: the output spatial size (an int for every axis, or one per axis).
        scale_factor: multiplier of the spatial size; the output is ``floor(in * s)`` and,
            unless ``recompute_scale_factor=True``, the coordinates use ``1 / s`` (not
            ``in / out``).
        mode: ``"nearest"``, ``"nearest-exact"``, ``"linear"`` (3-D), ``"bilinear"`` or
            ``"bicubic"`` (4-D), ``"trilinear"`` (5-D).
        align_corners: for the linear and cubic modes; ``None`` means ``False``. Must be
            ``None`` for the nearest modes.
        recompute_scale_factor: use ``in / out`` instead of ``1 / scale_factor``.
    """
    require_floating("input", require_tensor("input", input))
    if mode not in MODES:
        raise ValueError(f"mode must be one of {tuple(MODES)}, got {mode!r}")
    if not 3 <= input.dim() <= 5:
        raise ValueError(
            f"input must be 3-D, 4-D or 5-D (N, C, *spatial), got shape {tuple(input.shape)}"
        )
    spatial = input.dim() - 2
    if MODES[mode] is not None and MODES[mode] != spatial:
        raise ValueError(
            f"mode={mode!r} needs {MODES[mode]} spatial dimension(s) "
            f"(a {MODES[mode] + 2}-D input), got a {input.dim()}-D input"
        )
    if mode.startswith("nearest"):
        if align_corners is not None:
            raise ValueError(f"align_corners must be None for mode={mode!r}")
    elif align_corners is None:
        align_corners = False
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size")
    in_sizes = list(input.shape[2:])
    out_sizes = output_size(in_sizes, size, scale_factor)
    factors = [None] * spatial
    if scale_factor is not None and not recompute_scale_factor:
        factors = [float(f) for f in _per_axis("scale_factor", scale_factor, spatial)]
    output = input
    for axis in range(spatial):
        moved = output.movedim(2 + axis, -1)
        moved = _resize_last_axis(
            moved, out_sizes[axis], mode, bool(align_corners), factors[axis], spatial
        )
        output = moved.movedim(-1, 2 + axis)
    return output


def _check_shuffle_input(input: torch.Tensor, name: str, factor: int) -> None:
    require_tensor("input", input)
    require_positive_int(name, factor)
    if input.dim() < 3:
        raise ValueError(
            f"input must have at least 3 dimensions (*, C, H, W), got shape {tuple(input.shape)}"
        )


def pixel_shuffle(input: torch.Tensor, upscale_factor: int) -> torch.Tensor:
    """Move channel blocks into space: ``(*, C*r*r, H, W)`` -> ``(*, C, H*r, W*r)``.

    ``output[..., c, h*r + i, w*r + j] = input[..., c*r*r + i*r + j, h, w]``: the ``r*r``
    consecutive channels of each output channel tile an ``r x r`` block, row by row.
    """
    _check_shuffle_input(input, "upscale_factor", upscale_factor)
    r = upscale_factor
    *batch, channels, height, width = input.shape
    if channels % (r * r):
        raise ValueError(
            f"input has {channels} channels, not divisible by upscale_factor**2 = {r * r}"
        )
    c = channels // (r * r)
    n = len(batch)
    blocks = input.reshape(*batch, c, r, r, height, width)  # (*, C, i, j, H, W)
    blocks = blocks.permute(*range(n), n, n + 3, n + 1, n + 4, n + 2)  # (*, C, H, i, W, j)
    return blocks.reshape(*batch, c, height * r, width * r)


def pixel_unshuffle(input: torch.Tensor, downscale_factor: int) -> torch.Tensor:
    """The inverse of ``pixel_shuffle``: ``(*, C, H*r, W*r)`` -> ``(*, C*r*r, H, W)``."""
    _check_shuffle_input(input, "downscale_factor", downscale_factor)
    r = downscale_factor
    *batch, channels, height, width = input.shape
    if height % r or width % r:
        raise ValueError(
            f"input height {height} and width {width} must be divisible by downscale_factor={r}"
        )
    n = len(batch)
    blocks = input.reshape(*batch, channels, height // r, r, width // r, r)  # (*, C, H, i, W, j)
    blocks = blocks.permute(*range(n), n, n + 2, n + 4, n + 1, n + 3)  # (*, C, i, j, H, W)
    return blocks.reshape(*batch, channels * r * r, height // r, width // r)
