"""Argument checks shared by the reference implementations.

They raise the same kinds of error PyTorch raises (TypeError for a wrong type, ValueError
for a wrong value or shape) with a message that names the argument.
"""

from collections.abc import Iterable

import torch

REDUCTIONS = ("none", "mean", "sum")


def require_tensor(name: str, value: object) -> torch.Tensor:
    """Return ``value`` if it is a tensor, else raise ``TypeError`` naming ``name``."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    return value


def require_floating(name: str, value: torch.Tensor) -> torch.Tensor:
    """Raise ``TypeError`` unless ``value`` has a floating-point dtype."""
    if not value.is_floating_point():
        raise TypeError(f"{name} must have a floating-point dtype, got {value.dtype}")
    return value


def require_reduction(reduction: str) -> str:
    """Raise ``ValueError`` unless ``reduction`` is one of 'none', 'mean', 'sum'."""
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    return reduction


def require_positive_int(name: str, value: object) -> int:
    """Return ``value`` if it is an int > 0 (not a bool), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def require_non_negative(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a real number >= 0, else raise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"Invalid {name}: {value} (must be >= 0)")
    return float(value)


def require_params(params: Iterable[torch.Tensor]) -> list[torch.Tensor]:
    """Materialise an iterable of parameters, rejecting non-leaf or non-float tensors."""
    if isinstance(params, torch.Tensor):
        raise TypeError("params must be an iterable of tensors, got a single torch.Tensor")
    result = list(params)
    if not result:
        raise ValueError("params is an empty list: the optimizer has nothing to update")
    for index, param in enumerate(result):
        require_tensor(f"params[{index}]", param)
        if not param.is_leaf:
            raise ValueError(f"params[{index}] is not a leaf tensor and cannot be optimized")
        require_floating(f"params[{index}]", param)
    return result


def require_betas(betas: object) -> tuple[float, float]:
    """Return ``betas`` as two floats in ``[0, 1)``; the messages are torch's."""
    if not isinstance(betas, tuple | list) or len(betas) != 2:
        raise TypeError(f"betas must be a pair of numbers, got {betas!r}")
    for index, beta in enumerate(betas):
        if isinstance(beta, bool) or not isinstance(beta, int | float):
            raise TypeError(f"betas[{index}] must be a number, got {type(beta).__name__}")
        if not 0.0 <= beta < 1.0:
            raise ValueError(f"Invalid beta parameter at index {index}: {beta}")
    return float(betas[0]), float(betas[1])
