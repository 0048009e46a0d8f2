"""The common part of every from-scratch optimizer: parameters, state, ``zero_grad``, ``step``.

A subclass implements ``update(param, grad, state)`` for one parameter. The base class keeps
one ``state`` dict per parameter (``self.state[i]``, as ``torch.optim.Optimizer.state[p]``),
skips parameters without a gradient, evaluates the optional closure, and counts steps.
"""

from collections.abc import Callable, Iterable

import torch

from nnref._checks import require_params


def scalar_dtype() -> torch.dtype:
    """The dtype torch.optim uses for its scalar state (``step``, ``mu_product``)."""
    return torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32


def apply_weight_decay(
    param: torch.Tensor, grad: torch.Tensor, lr: float, weight_decay: float, decoupled: bool
) -> torch.Tensor:
    """Weight decay as the Adam family applies it; return the gradient to use.

    Decoupled (AdamW style): shrink ``param`` in place by ``1 - lr * weight_decay``. Otherwise
    (L2 style): add ``weight_decay * param`` to the gradient.
    """
    if weight_decay == 0:
        return grad
    if decoupled:
        param *= 1 - lr * weight_decay
        return grad
    return grad + weight_decay * param


class Optimizer:
    """Base of the plain-Python optimizers of ``nnref.optim``."""

    def __init__(self, params: Iterable[torch.Tensor]) -> None:
        self.params = require_params(params)
        self.state: list[dict[str, torch.Tensor | float | int]] = [{} for _ in self.params]

    def zero_grad(self) -> None:
        """Forget the gradients of the last backward pass (set them to ``None``, as torch)."""
        for param in self.params:
            param.grad = None

    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        """Update every parameter that has a gradient; return the closure's loss, if any."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        with torch.no_grad():
            for param, state in zip(self.params, self.state, strict=True):
                if param.grad is not None:
                    self.update(param, param.grad, state)
        return loss

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """Change ``param`` in place from its gradient and its ``state`` (no autograd)."""
        raise NotImplementedError
