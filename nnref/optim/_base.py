"""The common part of every from-scratch optimizer: parameters, state, ``zero_grad``, ``step``.

A subclass implements ``update(param, grad, state)`` for one parameter. The base class keeps
one ``state`` dict per parameter (``self.state[i]``, as ``torch.optim.Optimizer.state[p]``),
skips parameters without a gradient, evaluates the optional closure, and counts steps.
"""

from collections.abc import Callable, Iterable

import torch

from nnref._checks import require_params


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
