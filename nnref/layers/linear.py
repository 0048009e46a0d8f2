"""Fully connected (linear, dense, affine) layer: ``y = x W^T + b``."""

import math

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor


def linear(
    input: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None
) -> torch.Tensor:
    """Apply ``y = x W^T + b`` over the last dimension of ``input``.

    Args:
        input: tensor of shape ``(*, in_features)``.
        weight: tensor of shape ``(out_features, in_features)``.
        bias: optional tensor of shape ``(out_features,)``.

    Returns:
        Tensor of shape ``(*, out_features)``, equal to ``torch.nn.functional.linear``.
    """
    require_floating("input", require_tensor("input", input))
    require_tensor("weight", weight)
    if weight.dim() != 2:
        raise ValueError(
            f"weight must be 2-D (out_features, in_features), got shape {tuple(weight.shape)}"
        )
    if input.dim() == 0:
        raise ValueError("input must have at least one dimension (in_features)")
    out_features, in_features = weight.shape
    if input.shape[-1] != in_features:
        raise ValueError(
            f"input has {input.shape[-1]} features in its last dimension, "
            f"but weight expects in_features={in_features}"
        )
    # Sum over the shared index i: y[..., o] = sum_i x[..., i] * W[o, i].
    output = (input.unsqueeze(-2) * weight).sum(dim=-1)
    if bias is not None:
        require_tensor("bias", bias)
        if tuple(bias.shape) != (out_features,):
            raise ValueError(f"bias must have shape ({out_features},), got {tuple(bias.shape)}")
        output = output + bias
    return output


def linear_init(
    in_features: int, out_features: int, bias: bool = True
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Draw the default parameters of ``torch.nn.Linear(in_features, out_features)``.

    Both the weight and the bias are uniform on ``[-1/sqrt(in_features), 1/sqrt(in_features)]``,
    drawn from the global generator in the same order as torch, so that after the same
    ``torch.manual_seed`` the tensors are identical to the layer's.

    Returns:
        ``(weight, bias)`` with shapes ``(out_features, in_features)`` and ``(out_features,)``;
        ``bias`` is ``None`` when ``bias=False``.
    """
    require_positive_int("in_features", in_features)
    require_positive_int("out_features", out_features)
    bound = 1.0 / math.sqrt(in_features)
    weight = torch.empty(out_features, in_features).uniform_(-bound, bound)
    bias_tensor = torch.empty(out_features).uniform_(-bound, bound) if bias else None
    return weight, bias_tensor


def linear_parameter_count(in_features: int, out_features: int, bias: bool = True) -> int:
    """Number of trainable parameters: ``out * in`` weights plus ``out`` biases."""
    require_positive_int("in_features", in_features)
    require_positive_int("out_features", out_features)
    return out_features * in_features + (out_features if bias else 0)
