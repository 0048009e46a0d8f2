"""Local response normalization (AlexNet): each value divided by the energy of nearby channels.

``b_c = a_c * (k + alpha / n * sum_{c' in window(c)} a_{c'}^2) ** -beta``, independently at
every example and position. The two torch layers differ only in their windows:

* ``LocalResponseNorm(n)``: ``window(c) = [c - n // 2, c + (n - 1) // 2]``, clipped to the
  channels (zero padding); asymmetric when ``n`` is even.
* ``CrossMapLRN2d(n)`` (torch 2.13): ``window(c) = [c - h, c + h]`` with ``h = (n - 1) // 2``,
  clipped, *plus channel 0 for every c*: its running-sum loop never subtracts channel 0.
  Here it is reproduced as torch computes it; for odd ``n`` the two agree on channels
  ``0 .. h``. It accepts only 4-D input.
"""

import torch

from nnref._checks import require_positive_int
from nnref.layers.normalization import require_input


def _require_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


def lrn_window(channels: int, size: int, cross_map: bool = False) -> torch.Tensor:
    """The ``(C, C)`` 0/1 matrix ``M`` with ``M[c, c'] = 1`` when ``c'`` is in ``window(c)``."""
    require_positive_int("channels", channels)
    require_positive_int("size", size)
    c = torch.arange(channels).unsqueeze(1)  # output channel, a column
    other = torch.arange(channels).unsqueeze(0)  # summed channel, a row
    if cross_map:
        half = (size - 1) // 2
        inside = ((other - c).abs() <= half) | (other == 0)
    else:
        inside = (other >= c - size // 2) & (other <= c + (size - 1) // 2)
    return inside.to(torch.int64)


def _lrn(input: torch.Tensor, size: int, alpha: float, beta: float, k: float, cross_map: bool):
    window = lrn_window(input.shape[1], size, cross_map).to(input.dtype)
    energy = torch.einsum("dc,nc...->nd...", window, input * input)  # sum of a^2 in the window
    return input * (k + alpha / size * energy) ** (-beta)


def _check(size: int, alpha: float, beta: float, k: float) -> tuple[float, float, float]:
    require_positive_int("size", size)
    return _require_number("alpha", alpha), _require_number("beta", beta), _require_number("k", k)


def local_response_norm(
    input: torch.Tensor, size: int, alpha: float = 1e-4, beta: float = 0.75, k: float = 1.0
) -> torch.Tensor:
    """Local response normalization across channels, like ``F.local_response_norm``.

    Args:
        input: tensor of shape ``(N, C, *)`` with at least one spatial dimension.
        size: the number ``n`` of channels in the window (the divisor of ``alpha``).
        alpha: multiplicative factor.
        beta: exponent.
        k: additive constant.

    Returns:
        Tensor of the same shape as ``input``.
    """
    require_input(input, 3, "at least 3-D (N, C, *)")
    alpha, beta, k = _check(size, alpha, beta, k)
    return _lrn(input, size, alpha, beta, k, cross_map=False)


def cross_map_lrn2d(
    input: torch.Tensor, size: int, alpha: float = 1e-4, beta: float = 0.75, k: float = 1.0
) -> torch.Tensor:
    """The forward pass of ``nn.CrossMapLRN2d`` as torch 2.13 computes it (4-D input only)."""
    require_input(input, 1, "a tensor")
    if input.dim() != 4:
        raise ValueError(f"input must be 4-D (N, C, H, W), got {input.dim()}-D input")
    alpha, beta, k = _check(size, alpha, beta, k)
    return _lrn(input, size, alpha, beta, k, cross_map=True)
