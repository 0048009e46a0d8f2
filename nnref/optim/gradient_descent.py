"""Gradient descent written out: the update loop and what it does on a quadratic.

On a quadratic ``f(w) = 1/2 (w - w*)^T H (w - w*)`` the error along each eigenvector of the
Hessian ``H`` (eigenvalue, or curvature, ``h``) is multiplied by ``1 - lr * h`` at every step,
so gradient descent converges if and only if ``lr < 2 / h_max``; the best constant learning rate
``2 / (h_min + h_max)`` shrinks the error by ``(kappa - 1) / (kappa + 1)`` per step, where
``kappa = h_max / h_min`` is the condition number.
"""

from collections.abc import Callable

import torch

from nnref._checks import require_non_negative, require_tensor

Gradient = Callable[[torch.Tensor], torch.Tensor]


def _require_steps(steps: object) -> int:
    if isinstance(steps, bool) or not isinstance(steps, int):
        raise TypeError(f"steps must be an int, got {type(steps).__name__}")
    if steps < 0:
        raise ValueError(f"steps must be >= 0, got {steps}")
    return steps


def gradient_descent(grad: Gradient, start: torch.Tensor, lr: float, steps: int) -> torch.Tensor:
    """The points ``w_0 = start``, ``w_{t+1} = w_t - lr * grad(w_t)``; shape ``(steps + 1, ...)``.

    Args:
        grad: the gradient of the loss, a function of the current point.
        start: the initial point ``w_0`` (any shape).
        lr: the learning rate ``eta >= 0``.
        steps: the number of updates.
    """
    require_tensor("start", start)
    lr = require_non_negative("learning rate", lr)
    steps = _require_steps(steps)
    points = [start.detach().clone()]
    for _ in range(steps):
        points.append(points[-1] - lr * grad(points[-1]))
    return torch.stack(points)


def _require_curvatures(curvatures: torch.Tensor) -> torch.Tensor:
    require_tensor("curvatures", curvatures)
    if curvatures.numel() == 0 or not bool((curvatures > 0).all()):
        raise ValueError("curvatures must be a non-empty tensor of positive Hessian eigenvalues")
    return curvatures


def contraction_factors(curvatures: torch.Tensor, lr: float) -> torch.Tensor:
    """``|1 - lr * h|`` for each curvature ``h``: the factor by which one step of gradient
    descent multiplies the error along that eigenvector (above 1: that direction diverges)."""
    curvatures = _require_curvatures(curvatures)
    lr = require_non_negative("learning rate", lr)
    return (1 - lr * curvatures).abs()


def max_stable_lr(curvatures: torch.Tensor) -> float:
    """``2 / h_max``: gradient descent on the quadratic converges only for smaller rates."""
    return 2.0 / float(_require_curvatures(curvatures).max())


def optimal_lr(curvatures: torch.Tensor) -> float:
    """``2 / (h_min + h_max)``: the constant rate with the smallest worst contraction factor."""
    curvatures = _require_curvatures(curvatures)
    return 2.0 / float(curvatures.min() + curvatures.max())


def condition_number(curvatures: torch.Tensor) -> float:
    """``kappa = h_max / h_min``; at the optimal rate the error shrinks by
    ``(kappa - 1) / (kappa + 1)`` per step."""
    curvatures = _require_curvatures(curvatures)
    return float(curvatures.max() / curvatures.min())
