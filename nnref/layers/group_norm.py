"""Group normalization: statistics of each example over a group of channels and all positions.

The ``C`` channels of an ``(N, C, *)`` input are split into ``num_groups`` consecutive groups
of ``C / num_groups`` channels; each ``(example, group)`` is normalized with its own mean and
biased variance, then every channel gets its own ``weight`` and ``bias``.
"""

import torch

from nnref._checks import require_positive_int
from nnref.layers.normalization import (
    affine,
    moments,
    require_eps,
    require_input,
    require_per_channel,
)


def group_norm(
    input: torch.Tensor,
    num_groups: int,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Group normalization, like ``torch.nn.functional.group_norm``.

    Args:
        input: tensor of shape ``(N, C, *)``.
        num_groups: the number of groups; must divide ``C``.
        weight: optional per-channel ``(C,)`` scale.
        bias: optional per-channel ``(C,)`` shift.
        eps: added to the variance before the square root.

    Returns:
        Tensor of the same shape as ``input``.
    """
    require_input(input, 2, "at least 2-D (N, C, *)")
    require_positive_int("num_groups", num_groups)
    batch, channels = input.shape[:2]
    if channels % num_groups != 0:
        raise ValueError(
            f"num_channels ({channels}) must be divisible by num_groups ({num_groups})"
        )
    require_per_channel("weight", weight, channels)
    require_per_channel("bias", bias, channels)
    eps = require_eps(eps)
    grouped = input.reshape(batch, num_groups, -1)  # (N, G, C/G * positions)
    mean, var, _ = moments(grouped, [2])
    normalized = ((grouped - mean) / torch.sqrt(var + eps)).reshape(input.shape)
    return affine(normalized, weight, bias)
