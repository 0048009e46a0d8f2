"""Adaptive methods as one idea: divide each gradient coordinate by the root of its history.

A diagonal preconditioner keeps, for every parameter entry, a statistic ``v`` of its past
squared gradients and scales the step of that entry by ``1 / (sqrt(v) + eps)``:

    v = v + g * g                            if decay is None  (a running sum: Adagrad)
    v = decay * v + (1 - decay) * g * g      otherwise         (a moving average: RMSprop)
    p = p - lr * g / (sqrt(v) + eps)

With ``decay=None`` this is ``torch.optim.Adagrad`` with its default options; with
``decay=alpha`` it is ``torch.optim.RMSprop(alpha=alpha)`` with its default options.
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


class DiagonalPreconditioner(Optimizer):
    """Gradient descent with a per-entry step ``lr / (sqrt(v) + eps)`` (state key ``"v"``)."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-2,
        decay: float | None = None,
        eps: float = 1e-10,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        if decay is not None:
            decay = require_non_negative("decay value", decay)
            if decay >= 1:
                raise ValueError(f"Invalid decay value: {decay} (must be < 1, or None for a sum)")
        self.decay = decay
        self.eps = require_non_negative("epsilon value", eps)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """Update the statistic ``v`` of ``param``, then take the preconditioned step."""
        v = state.get("v", torch.zeros_like(param))
        if self.decay is None:
            v = v + grad * grad
        else:
            v = self.decay * v + (1 - self.decay) * grad * grad
        state["v"] = v
        param -= self.lr * (grad / (v.sqrt() + self.eps))

    def effective_lr(self, index: int) -> torch.Tensor:
        """The step size of every entry of parameter ``index`` at its last update."""
        return self.lr / (self.state[index]["v"].sqrt() + self.eps)
