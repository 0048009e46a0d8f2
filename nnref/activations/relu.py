"""Rectified linear unit: ``ReLU(x) = max(0, x)``."""

import torch

from nnref._checks import require_tensor


def relu(input: torch.Tensor) -> torch.Tensor:
    """Return ``max(0, x)`` elementwise, with torch's subgradient 0 at ``x = 0``.

    ``torch.where(x > 0, x, 0)`` passes the gradient only where ``x > 0``, exactly like
    ``torch.relu``; ``x.clamp(min=0)`` would pass gradient 1 at ``x = 0``.
    """
    require_tensor("input", input)
    if input.dtype == torch.bool:
        raise TypeError("input must be a numeric tensor, got torch.bool")
    return torch.where(input > 0, input, torch.zeros_like(input))


def relu_derivative(input: torch.Tensor) -> torch.Tensor:
    """Return ``ReLU'(x)``: 1 where ``x > 0`` and 0 elsewhere (0 at ``x = 0``, as torch)."""
    require_tensor("input", input)
    return (input > 0).to(input.dtype)
