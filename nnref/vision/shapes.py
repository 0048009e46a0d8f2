"""The shape and the parameter count of every stage of a plain (sequential) CNN, from specs.

A network is a list of layer specs (``Conv``, ``Pool``, ``BatchNorm``, ``ReLU``,
``GlobalAvgPool``, ``Flatten``, ``Linear``). ``trace`` walks them from an input shape
``(N, C, H, W)`` and returns each stage's output shape and parameter count, with the
convolution and pooling arithmetic of ``nnref.layers.conv_shapes``:

    H_out = floor((H + 2p - d(k - 1) - 1) / s) + 1.

Nothing is allocated: the shapes and counts are plain integer arithmetic, so a VGG-16 is
traced in microseconds.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from nnref._checks import require_positive_int
from nnref.layers.conv_shapes import as_tuple, conv_output_shape
from nnref.vision.counting import batch_norm_params, conv2d_params, linear_params


@dataclass(frozen=True)
class Conv:
    """``nn.Conv2d(C, out_channels, kernel_size, stride, padding, dilation, groups, bias)``."""

    out_channels: int
    kernel_size: int | tuple[int, int]
    stride: int | tuple[int, int] = 1
    padding: int | tuple[int, int] = 0
    dilation: int | tuple[int, int] = 1
    groups: int = 1
    bias: bool = True


@dataclass(frozen=True)
class Pool:
    """``nn.MaxPool2d`` or ``nn.AvgPool2d(kernel_size, stride, padding)``; no parameters.

    ``stride=None`` means ``stride = kernel_size``, as in torch.
    """

    kernel_size: int | tuple[int, int]
    stride: int | tuple[int, int] | None = None
    padding: int | tuple[int, int] = 0


@dataclass(frozen=True)
class BatchNorm:
    """``nn.BatchNorm2d(C)``: ``2C`` parameters (scale and shift), the shape unchanged."""


@dataclass(frozen=True)
class ReLU:
    """Any element-wise activation: no parameters, the shape unchanged."""


@dataclass(frozen=True)
class GlobalAvgPool:
    """``nn.AdaptiveAvgPool2d(1)`` followed by ``nn.Flatten()``: ``(N, C, H, W) -> (N, C)``."""


@dataclass(frozen=True)
class Flatten:
    """``nn.Flatten()``: ``(N, C, H, W) -> (N, C*H*W)``."""


@dataclass(frozen=True)
class Linear:
    """``nn.Linear(F, out_features, bias)`` on an ``(N, F)`` input."""

    out_features: int
    bias: bool = True


Spec = Conv | Pool | BatchNorm | ReLU | GlobalAvgPool | Flatten | Linear


@dataclass(frozen=True)
class Stage:
    """One stage of a traced network: the spec, its output shape and its parameter count."""

    spec: Spec
    shape: tuple[int, ...]
    params: int


def _input_shape(shape: object) -> tuple[int, int, int, int]:
    if not isinstance(shape, Sequence) or isinstance(shape, str) or len(shape) != 4:
        raise ValueError(f"input_shape must be (N, C, H, W), got {shape!r}")
    return as_tuple("input_shape", shape, 4, minimum=1)  # type: ignore[return-value]


def _needs_4d(spec: Spec, shape: tuple[int, ...]) -> None:
    if len(shape) != 4:
        raise ValueError(f"{type(spec).__name__} needs an (N, C, H, W) input, got shape {shape}")


def step(spec: Spec, shape: tuple[int, ...]) -> Stage:
    """The output shape and parameter count of one layer spec applied to ``shape``.

    Raises:
        TypeError: ``spec`` is not a layer spec of this module.
        ValueError: the input has the wrong rank for the layer, or the window does not fit.
    """
    if isinstance(spec, Conv):
        _needs_4d(spec, shape)
        n, c, h, w = shape
        params = conv2d_params(c, spec.out_channels, spec.kernel_size, spec.bias, spec.groups)
        out = conv_output_shape((h, w), spec.kernel_size, spec.stride, spec.padding, spec.dilation)
        return Stage(spec, (n, spec.out_channels, *out), params)
    if isinstance(spec, Pool):
        _needs_4d(spec, shape)
        n, c, h, w = shape
        kernel = as_tuple("kernel_size", spec.kernel_size, 2, minimum=1)
        stride = kernel if spec.stride is None else spec.stride
        padding = as_tuple("padding", spec.padding, 2, minimum=0)
        if any(2 * p > k for p, k in zip(padding, kernel, strict=True)):
            raise ValueError(f"padding should be at most half of kernel_size, got {spec}")
        out = conv_output_shape((h, w), kernel, stride, padding)
        return Stage(spec, (n, c, *out), 0)
    if isinstance(spec, BatchNorm):
        _needs_4d(spec, shape)
        return Stage(spec, shape, batch_norm_params(shape[1]))
    if isinstance(spec, ReLU):
        return Stage(spec, shape, 0)
    if isinstance(spec, GlobalAvgPool):
        _needs_4d(spec, shape)
        return Stage(spec, shape[:2], 0)
    if isinstance(spec, Flatten):
        size = 1
        for dim in shape[1:]:
            size *= dim
        return Stage(spec, (shape[0], size), 0)
    if isinstance(spec, Linear):
        if len(shape) != 2:
            raise ValueError(f"Linear needs an (N, F) input (flatten first), got shape {shape}")
        require_positive_int("out_features", spec.out_features)
        params = linear_params(shape[1], spec.out_features, spec.bias)
        return Stage(spec, (shape[0], spec.out_features), params)
    raise TypeError(f"spec must be a layer spec of nnref.vision.shapes, got {type(spec).__name__}")


def trace(input_shape: Sequence[int], specs: Sequence[Spec]) -> list[Stage]:
    """Every stage's output shape and parameter count, first layer first.

    Args:
        input_shape: ``(N, C, H, W)``.
        specs: the layers, in order.

    Returns:
        One ``Stage`` per spec.
    """
    shape: tuple[int, ...] = _input_shape(input_shape)
    stages = []
    for spec in specs:
        stage = step(spec, shape)
        stages.append(stage)
        shape = stage.shape
    return stages


def total_params(stages: Sequence[Stage]) -> int:
    """The parameter count of the whole network: the sum over its stages."""
    return sum(stage.params for stage in stages)
