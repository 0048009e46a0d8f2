"""Dropout from its definition: a Bernoulli keep-mask, inverted scaling, and the alpha variant.

Inverted dropout keeps each element with probability ``1 - p`` and divides the kept values by
``1 - p`` during training, so that the expected output equals the input; in evaluation it is the
identity. The channel-wise variants (``Dropout1d/2d/3d``, ``FeatureAlphaDropout``) draw one mask
value per (sample, channel) and broadcast it over the spatial positions. Alpha dropout replaces
dropped values by the negative saturation value of SELU and applies an affine correction that
keeps a zero-mean, unit-variance input at zero mean and unit variance.

Masks are drawn with ``Tensor.bernoulli_(1 - p)`` on a tensor of the input's dtype and of the
noise shape, which is what ATen does on the CPU: after the same ``torch.manual_seed`` the masks,
and therefore the outputs, are bitwise equal to torch's. Every function also accepts an explicit
``mask`` (ones for kept, zeros for dropped), which makes it deterministic.
"""

import math
from collections.abc import Callable

import torch

from nnref._checks import require_floating, require_tensor

# The negative saturation value of SELU, scale * alpha = 1.0507... * 1.6732...
SELU_NEGATIVE_SATURATION = 1.7580993408473766


def _require_probability(p: object) -> float:
    if isinstance(p, bool) or not isinstance(p, int | float):
        raise TypeError(f"p must be a number, got {type(p).__name__}")
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p (dropout probability) must be between 0 and 1, got {p}")
    return float(p)


def noise_shape(input: torch.Tensor, channelwise: bool) -> tuple[int, ...]:
    """Shape of the mask: the input's shape, or ``(N, C, 1, ..., 1)`` for channel-wise dropout."""
    if not channelwise:
        return tuple(input.shape)
    if input.dim() < 2:
        raise ValueError(
            f"input must have at least 2 dimensions (N, C, ...) for channel-wise dropout, "
            f"got shape {tuple(input.shape)}"
        )
    return (input.shape[0], input.shape[1]) + (1,) * (input.dim() - 2)


def bernoulli_mask(
    shape: tuple[int, ...],
    p: float,
    dtype: torch.dtype = torch.float32,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """A keep-mask of ``shape``: each entry is 1 with probability ``1 - p`` and 0 otherwise.

    Drawn exactly as ATen draws dropout noise on the CPU, so that after the same seed it is the
    mask torch uses.
    """
    p = _require_probability(p)
    return torch.empty(shape, dtype=dtype).bernoulli_(1.0 - p, generator=generator)


def _prepare_mask(
    input: torch.Tensor,
    p: float,
    mask: torch.Tensor | None,
    generator: torch.Generator | None,
    channelwise: bool,
) -> torch.Tensor:
    shape = noise_shape(input, channelwise)
    if mask is None:
        return bernoulli_mask(shape, p, dtype=input.dtype, generator=generator)
    require_tensor("mask", mask)
    if tuple(mask.shape) != shape:
        raise ValueError(f"mask must have shape {shape}, got {tuple(mask.shape)}")
    return mask.to(input.dtype)


def _check_input(input: object) -> torch.Tensor:
    return require_floating("input", require_tensor("input", input))


def _masked_dropout(
    apply_mask: Callable[[torch.Tensor, torch.Tensor, float], torch.Tensor],
    input: torch.Tensor,
    p: float,
    training: bool,
    mask: torch.Tensor | None,
    generator: torch.Generator | None,
    channelwise: bool,
) -> torch.Tensor:
    """The steps every dropout variant shares; ``apply_mask(input, keep, p)`` does the rest."""
    _check_input(input)
    p = _require_probability(p)
    if not training or p == 0.0 or input.numel() == 0:
        return input  # identity: the very same tensor, as torch returns it
    if p == 1.0:
        return input * torch.zeros((), dtype=input.dtype)  # torch returns zeros, even for alpha
    keep = _prepare_mask(input, p, mask, generator, channelwise)
    return apply_mask(input, keep, p)


def _scale_kept(input: torch.Tensor, keep: torch.Tensor, p: float) -> torch.Tensor:
    # Scale the mask first, then multiply: the order ATen uses, so the rounding is the same.
    return input * (keep / (1.0 - p))


def dropout(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Inverted dropout: ``y = x * m / (1 - p)`` with ``m ~ Bernoulli(1 - p)`` per element.

    Args:
        input: floating-point tensor of any shape.
        p: probability of zeroing an element, in ``[0, 1]``.
        training: if ``False`` the input is returned unchanged.
        mask: optional keep-mask of the input's shape (1 keeps, 0 drops); drawn if ``None``.
        generator: optional random generator for the mask.

    Returns:
        A tensor of the input's shape, equal to ``torch.nn.functional.dropout`` for the same mask
        (or after the same seed).
    """
    return _masked_dropout(_scale_kept, input, p, training, mask, generator, channelwise=False)


def feature_dropout(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Channel-wise inverted dropout on ``(N, C, *)``: one mask value per (sample, channel).

    The mask has shape ``(N, C, 1, ..., 1)``: a dropped channel is zero at every position, a kept
    one is multiplied by ``1 / (1 - p)``.
    """
    return _masked_dropout(_scale_kept, input, p, training, mask, generator, channelwise=True)


def _channel_dropout_nd(
    input: torch.Tensor,
    spatial_dims: int,
    p: float,
    training: bool,
    mask: torch.Tensor | None,
    generator: torch.Generator | None,
) -> torch.Tensor:
    _check_input(input)
    batched_dim = spatial_dims + 2
    if input.dim() not in (batched_dim - 1, batched_dim):
        raise ValueError(
            f"input must be {batched_dim - 1}-D (C, ...) or {batched_dim}-D (N, C, ...) for "
            f"dropout{spatial_dims}d, got {input.dim()}-D"
        )
    if input.dim() == batched_dim or not training or _require_probability(p) == 0.0:
        return feature_dropout(input, p, training, mask, generator)
    batch_mask = None if mask is None else require_tensor("mask", mask).unsqueeze(0)
    return feature_dropout(input.unsqueeze(0), p, training, batch_mask, generator).squeeze(0)


def dropout1d(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``nn.Dropout1d``: zero whole channels of ``(N, C, L)`` or ``(C, L)``.

    For an unbatched input the mask has shape ``(C, 1)``; for a batched one ``(N, C, 1)``.
    """
    return _channel_dropout_nd(input, 1, p, training, mask, generator)


def dropout2d(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``nn.Dropout2d`` on a batched ``(N, C, H, W)`` input: zero whole ``H x W`` channels.

    Unlike torch 2.13, which treats a 3-D input as ``(N, C, L)`` (with a warning), this function
    accepts only 4-D input: pass ``x.unsqueeze(0)`` for a single ``(C, H, W)`` image.
    """
    _check_input(input)
    if input.dim() != 4:
        raise ValueError(
            f"input must be 4-D (N, C, H, W) for dropout2d, got {input.dim()}-D; "
            "unsqueeze(0) a single (C, H, W) image, use dropout1d for (N, C, L)"
        )
    return feature_dropout(input, p, training, mask, generator)


def dropout3d(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``nn.Dropout3d``: zero whole ``D x H x W`` volumes of ``(N, C, D, H, W)`` input.

    For an unbatched input the mask has shape ``(C, 1, 1, 1)``; for a batched one
    ``(N, C, 1, 1, 1)``.
    """
    return _channel_dropout_nd(input, 3, p, training, mask, generator)


def alpha_dropout_coefficients(p: float) -> tuple[float, float]:
    """The affine correction ``(a, b)`` of alpha dropout for drop probability ``p < 1``.

    With ``alpha' = -1.7581`` (SELU's negative saturation) and keep probability ``q = 1 - p``:
    ``a = (q (1 + p alpha'^2))^(-1/2)`` and ``b = -a p alpha'``, so that
    ``a (x m + alpha' (1 - m)) + b`` has zero mean and unit variance when ``x`` has.
    """
    p = _require_probability(p)
    if p == 1.0:
        raise ValueError("p must be < 1 for the alpha dropout coefficients")
    alpha = SELU_NEGATIVE_SATURATION
    a = 1.0 / math.sqrt((alpha * alpha * p + 1.0) * (1.0 - p))
    return a, alpha * a * p


def _alpha_mix(input: torch.Tensor, keep: torch.Tensor, p: float) -> torch.Tensor:
    a, b = alpha_dropout_coefficients(p)
    alpha = SELU_NEGATIVE_SATURATION
    # kept: a*x + b; dropped: a*alpha' + b = -alpha*a*(1 - p). Same operation order as ATen.
    shift = (keep - 1.0) * (alpha * a) + b
    return input * (keep * a) + shift


def alpha_dropout(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Alpha dropout (for SELU networks): ``y = a (x m + alpha' (1 - m)) + b`` element-wise.

    Note that ``torch.nn.functional.alpha_dropout`` defaults to ``training=False``; this function
    defaults to ``True`` like ``dropout`` (the module ``nn.AlphaDropout`` follows ``.train()``).
    """
    return _masked_dropout(_alpha_mix, input, p, training, mask, generator, channelwise=False)


def feature_alpha_dropout(
    input: torch.Tensor,
    p: float = 0.5,
    training: bool = True,
    mask: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Channel-wise alpha dropout on ``(N, C, *)``: a whole channel is set to ``a alpha' + b``."""
    return _masked_dropout(_alpha_mix, input, p, training, mask, generator, channelwise=True)
