"""The rest of the linear family: the bilinear layer, the lazy linear layer and the identity.

* ``bilinear`` computes ``y_k = x1^T A_k x2 + b_k`` (``torch.nn.Bilinear``);
* ``LazyLinear`` is a linear layer whose ``in_features`` is read from its first input
  (``torch.nn.LazyLinear``);
* ``identity`` returns its input unchanged (``torch.nn.Identity``).
"""

import math

import torch

from nnref._checks import require_floating, require_positive_int, require_tensor
from nnref.layers.linear import linear, linear_init


def bilinear(
    input1: torch.Tensor,
    input2: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
) -> torch.Tensor:
    """Apply ``y_k = sum_ij x1_i A_kij x2_j + b_k`` over the last dimension of both inputs.

    Args:
        input1: tensor of shape ``(*, in1_features)``.
        input2: tensor of shape ``(*, in2_features)`` with the same leading dimensions.
        weight: tensor ``A`` of shape ``(out_features, in1_features, in2_features)``.
        bias: optional tensor of shape ``(out_features,)``.

    Returns:
        Tensor of shape ``(*, out_features)``, equal to ``torch.nn.functional.bilinear``.
    """
    require_floating("input1", require_tensor("input1", input1))
    require_floating("input2", require_tensor("input2", input2))
    require_tensor("weight", weight)
    if weight.dim() != 3:
        raise ValueError(
            "weight must be 3-D (out_features, in1_features, in2_features), "
            f"got shape {tuple(weight.shape)}"
        )
    out_features, in1_features, in2_features = weight.shape
    for name, tensor, size, label in (
        ("input1", input1, in1_features, "in1_features"),
        ("input2", input2, in2_features, "in2_features"),
    ):
        if tensor.dim() == 0:
            raise ValueError(f"{name} must have at least one dimension ({label})")
        if tensor.shape[-1] != size:
            raise ValueError(
                f"{name} has {tensor.shape[-1]} features in its last dimension, "
                f"but weight expects {label}={size}"
            )
    if input1.shape[:-1] != input2.shape[:-1]:
        raise ValueError(
            "input1 and input2 must have the same leading (batch) dimensions, got "
            f"{tuple(input1.shape[:-1])} and {tuple(input2.shape[:-1])}"
        )
    # y[..., k] = sum_i sum_j x1[..., i] * A[k, i, j] * x2[..., j]
    left = input1[..., None, :, None]  # (*, 1, in1, 1)
    right = input2[..., None, None, :]  # (*, 1, 1, in2)
    output = (left * weight * right).sum(dim=(-2, -1))
    if bias is not None:
        require_tensor("bias", bias)
        if tuple(bias.shape) != (out_features,):
            raise ValueError(f"bias must have shape ({out_features},), got {tuple(bias.shape)}")
        output = output + bias
    return output


def bilinear_init(
    in1_features: int, in2_features: int, out_features: int, bias: bool = True
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Draw the default parameters of ``torch.nn.Bilinear(in1, in2, out)``.

    The weight and the bias are uniform on ``[-1/sqrt(in1_features), 1/sqrt(in1_features)]``
    (only the *first* input size sets the bound), drawn from the global generator in the same
    order as torch.

    Returns:
        ``(weight, bias)`` with shapes ``(out, in1, in2)`` and ``(out,)``; ``bias`` is ``None``
        when ``bias=False``.
    """
    require_positive_int("in1_features", in1_features)
    require_positive_int("in2_features", in2_features)
    require_positive_int("out_features", out_features)
    bound = 1.0 / math.sqrt(in1_features)
    weight = torch.empty(out_features, in1_features, in2_features).uniform_(-bound, bound)
    bias_tensor = torch.empty(out_features).uniform_(-bound, bound) if bias else None
    return weight, bias_tensor


def bilinear_parameter_count(
    in1_features: int, in2_features: int, out_features: int, bias: bool = True
) -> int:
    """Number of trainable parameters: ``out * in1 * in2`` weights plus ``out`` biases."""
    require_positive_int("in1_features", in1_features)
    require_positive_int("in2_features", in2_features)
    require_positive_int("out_features", out_features)
    return out_features * in1_features * in2_features + (out_features if bias else 0)


class LazyLinear:
    """A linear layer that learns ``in_features`` from the last dimension of its first input.

    Before the first call it holds no parameters (``weight`` and ``bias`` are ``None``, where
    torch holds ``UninitializedParameter`` placeholders); the first call draws them with
    ``linear_init``, so after the same seed they equal those of ``torch.nn.LazyLinear``.
    Later inputs must have the same number of features.
    """

    def __init__(self, out_features: int, bias: bool = True) -> None:
        self.out_features = require_positive_int("out_features", out_features)
        self.use_bias = bool(bias)
        self.in_features: int | None = None
        self.weight: torch.Tensor | None = None
        self.bias: torch.Tensor | None = None

    @property
    def initialized(self) -> bool:
        """Whether the first call has happened (the parameters exist)."""
        return self.weight is not None

    def __call__(self, input: torch.Tensor) -> torch.Tensor:
        require_floating("input", require_tensor("input", input))
        if input.dim() == 0:
            raise ValueError("input must have at least one dimension (in_features)")
        if not self.initialized:
            self.in_features = int(input.shape[-1])
            self.weight, self.bias = linear_init(
                self.in_features, self.out_features, bias=self.use_bias
            )
        return linear(input, self.weight, self.bias)


def identity(input: torch.Tensor, *args: object, **kwargs: object) -> torch.Tensor:
    """Return ``input`` itself (the same object, not a copy), ignoring any other argument.

    ``torch.nn.Identity(*args, **kwargs)`` accepts and ignores constructor arguments, so it can
    stand in for any layer that is switched off (a missing normalisation, a removed head).
    """
    del args, kwargs  # accepted and ignored, as torch.nn.Identity does
    return require_tensor("input", input)
