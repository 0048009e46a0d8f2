"""Why convolutions suit images, in numbers: parameter counts and receptive fields.

* A dense (fully connected) layer from a ``C x H x W`` map to a ``C' x H' x W'`` map has
  ``(C H W)(C' H' W')`` weights plus ``C' H' W'`` biases: one weight per pair of positions.
* A 2-D convolution has ``C' (C / g) k_h k_w`` weights plus ``C'`` biases, whatever the
  size of the image: one small kernel per pair of channels, shared by every position.
* The receptive field of a stack of convolutions and poolings (per spatial dimension) grows by
  ``d_l (k_l - 1) J_{l-1}`` at layer ``l``, where the jump ``J_{l-1} = s_1 ... s_{l-1}`` is the
  distance in input pixels between neighbouring positions of the layer's input.
"""

from collections.abc import Sequence

from nnref._checks import require_positive_int

# receptive_fields lives with the other convolution arithmetic; the vision pages import it here.
from nnref.layers.conv_shapes import as_tuple, receptive_fields  # noqa: F401


def _bias(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"bias must be a bool, got {type(value).__name__}")
    return value


def linear_params(in_features: int, out_features: int, bias: bool = True) -> int:
    """Parameters of ``nn.Linear(in_features, out_features, bias)``: ``in*out (+ out)``."""
    n_in = require_positive_int("in_features", in_features)
    n_out = require_positive_int("out_features", out_features)
    return n_in * n_out + (n_out if _bias(bias) else 0)


def conv2d_params(
    in_channels: int,
    out_channels: int,
    kernel_size: int | Sequence[int],
    bias: bool = True,
    groups: int = 1,
) -> int:
    """Parameters of ``nn.Conv2d``: ``out * (in / groups) * k_h * k_w (+ out)``.

    Raises:
        ValueError: a channel count is not divisible by ``groups``, or a size is not positive.
    """
    c_in = require_positive_int("in_channels", in_channels)
    c_out = require_positive_int("out_channels", out_channels)
    g = require_positive_int("groups", groups)
    k_h, k_w = as_tuple("kernel_size", kernel_size, 2, minimum=1)
    if c_in % g or c_out % g:
        raise ValueError(f"groups={g} must divide in_channels={c_in} and out_channels={c_out}")
    return c_out * (c_in // g) * k_h * k_w + (c_out if _bias(bias) else 0)


def batch_norm_params(num_features: int, affine: bool = True) -> int:
    """Learnable parameters of ``nn.BatchNorm2d(num_features)``: a scale and a shift per channel.

    The running mean and variance are buffers, not parameters.
    """
    c = require_positive_int("num_features", num_features)
    if not isinstance(affine, bool):
        raise TypeError(f"affine must be a bool, got {type(affine).__name__}")
    return 2 * c if affine else 0


def _shape(name: str, value: object) -> tuple[int, ...]:
    if isinstance(value, int) or not isinstance(value, Sequence) or not value:
        raise TypeError(f"{name} must be a non-empty tuple of ints, got {value!r}")
    return as_tuple(name, value, len(value), minimum=1)


def dense_map_params(in_shape: Sequence[int], out_shape: Sequence[int], bias: bool = True) -> int:
    """Parameters of a dense layer from a map of ``in_shape`` to a map of ``out_shape``.

    Every output element is connected to every input element, e.g. ``(3, 32, 32)`` to
    ``(16, 32, 32)``: ``3072 * 16384`` weights and ``16384`` biases.
    """
    n_in, n_out = 1, 1
    for size in _shape("in_shape", in_shape):
        n_in *= size
    for size in _shape("out_shape", out_shape):
        n_out *= size
    return linear_params(n_in, n_out, bias)
