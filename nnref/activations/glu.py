"""Gated linear units: split the input in two halves ``a, b`` along ``dim``; gate ``a`` by ``b``.

``glu`` is torch's ``a * sigmoid(b)``; ``geglu`` and ``swiglu`` are the Transformer variants
``a * GELU(b)`` and ``a * SiLU(b)`` (Shazeer, 2020), which torch has no class for. The second
half is always the gate, as in ``torch.nn.functional.glu``.
"""

import torch

from nnref._checks import require_floating, require_tensor
from nnref.activations.gelu import gelu
from nnref.activations.silu import silu
from nnref.activations.softplus import logistic


def split_halves(input: torch.Tensor, dim: int = -1) -> tuple[torch.Tensor, torch.Tensor]:
    """Return the first and the second half of ``input`` along ``dim``: ``(a, b)``.

    Raises:
        TypeError: if ``input`` is not a floating-point tensor or ``dim`` is not an int.
        ValueError: if ``input`` is a scalar, ``dim`` is out of range, or the size of ``input``
            along ``dim`` is odd.
    """
    require_tensor("input", input)
    require_floating("input", input)
    if isinstance(dim, bool) or not isinstance(dim, int):
        raise TypeError(f"dim must be an int, got {type(dim).__name__}")
    if input.dim() == 0:
        raise ValueError("input must have at least one dimension: a scalar cannot be halved")
    if not -input.dim() <= dim < input.dim():
        raise ValueError(
            f"dim out of range: expected in [{-input.dim()}, {input.dim() - 1}], got {dim}"
        )
    size = input.shape[dim]
    if size % 2:
        raise ValueError(f"the size of input along dim={dim} must be even to halve it, got {size}")
    half = size // 2
    return input.narrow(dim, 0, half), input.narrow(dim, half, half)


def glu(input: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Return ``a * sigmoid(b)``, like ``torch.nn.functional.glu(input, dim)``.

    The output has half the size of ``input`` along ``dim`` and the same size elsewhere.
    """
    a, b = split_halves(input, dim)
    return a * logistic(b)


def glu_backward(grad_output: torch.Tensor, input: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Return the gradient with respect to ``input`` given the gradient ``g`` of the output.

    ``dL/da = g * sigma(b)`` and ``dL/db = g * a * sigma(b) * (1 - sigma(b))``, concatenated
    along ``dim`` (what ``torch.ops.aten.glu_backward(grad_output, input, dim)`` returns).
    """
    a, b = split_halves(input, dim)
    require_tensor("grad_output", grad_output)
    if grad_output.shape != a.shape:
        raise ValueError(
            f"grad_output must have the output's shape {tuple(a.shape)}, "
            f"got {tuple(grad_output.shape)}"
        )
    gate = logistic(b)
    return torch.cat([grad_output * gate, grad_output * a * gate * (1.0 - gate)], dim=dim)


def geglu(input: torch.Tensor, dim: int = -1, approximate: str = "none") -> torch.Tensor:
    """Return ``a * GELU(b)``: the GEGLU gate of a Transformer feed-forward block."""
    a, b = split_halves(input, dim)
    return a * gelu(b, approximate=approximate)


def swiglu(input: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Return ``a * SiLU(b)``: the SwiGLU gate of a Transformer feed-forward block (LLaMA)."""
    a, b = split_halves(input, dim)
    return a * silu(b)
