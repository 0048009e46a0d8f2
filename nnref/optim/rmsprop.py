"""RMSprop: every entry's step is divided by the root of a moving average of its squared gradients.

The update is the one ``torch.optim.RMSprop`` performs (single-tensor code path):

    g          = -grad if maximize else grad
    g          = g + weight_decay * p
    square_avg = alpha * square_avg + (1 - alpha) * g * g
    grad_avg   = alpha * grad_avg + (1 - alpha) * g              (centered only)
    avg        = sqrt(square_avg - grad_avg ** 2) + eps           (centered)
    avg        = sqrt(square_avg) + eps                           (otherwise; eps outside)
    buf        = momentum * buf + g / avg;  p = p - lr * buf      (momentum > 0)
    p          = p - lr * g / avg                                 (otherwise)

Every statistic starts at zero and nothing corrects that bias: the first step is
``lr / sqrt(1 - alpha)`` times the sign of the gradient (10 * lr for alpha = 0.99). The state
is created at a parameter's first step: ``step``, ``square_avg``, and ``momentum_buffer`` /
``grad_avg`` only when momentum > 0 / centered.
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


class RMSprop(Optimizer):
    """Plain-Python RMSprop; equal to ``torch.optim.RMSprop`` step by step."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.eps = require_non_negative("epsilon value", eps)
        self.momentum = require_non_negative("momentum value", momentum)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.alpha = require_non_negative("alpha value", alpha)
        self.centered = bool(centered)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One RMSprop step of ``param``; its state is created on the first call."""
        if not state:
            state["step"] = 0
            state["square_avg"] = torch.zeros_like(param)
            if self.momentum > 0:
                state["momentum_buffer"] = torch.zeros_like(param)
            if self.centered:
                state["grad_avg"] = torch.zeros_like(param)
        if self.maximize:
            grad = -grad
        state["step"] += 1
        if self.weight_decay != 0:
            grad = grad + self.weight_decay * param
        alpha = self.alpha
        state["square_avg"] = alpha * state["square_avg"] + (1 - alpha) * grad * grad
        if self.centered:
            state["grad_avg"] = alpha * state["grad_avg"] + (1 - alpha) * grad
            avg = (state["square_avg"] - state["grad_avg"] ** 2).sqrt()
        else:
            avg = state["square_avg"].sqrt()
        avg = avg + self.eps
        if self.momentum > 0:
            state["momentum_buffer"] = self.momentum * state["momentum_buffer"] + grad / avg
            param -= self.lr * state["momentum_buffer"]
        else:
            param -= self.lr * (grad / avg)
