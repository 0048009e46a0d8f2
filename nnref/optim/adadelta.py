"""Adadelta: RMSprop whose step is measured in the units of past updates, not of a learning rate.

The update is the one ``torch.optim.Adadelta`` performs (single-tensor code path):

    g          = -grad if maximize else grad
    g          = g + weight_decay * p
    square_avg = rho * square_avg + (1 - rho) * g * g
    delta      = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g   (eps inside both roots)
    acc_delta  = rho * acc_delta + (1 - rho) * delta * delta
    p          = p - lr * delta

``acc_delta`` accumulates the unscaled ``delta``, so ``lr`` (default 1.0) only scales the
steps taken and never the statistics. Both averages start at zero, so the first step is about
``lr * sqrt(eps / (1 - rho))`` times the sign of the gradient: ``eps`` sets the initial step.
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


class Adadelta(Optimizer):
    """Plain-Python Adadelta; equal to ``torch.optim.Adadelta`` step by step."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1.0,
        rho: float = 0.9,
        eps: float = 1e-6,
        weight_decay: float = 0.0,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.rho = require_non_negative("rho value", rho)
        if self.rho > 1:
            raise ValueError(f"Invalid rho value: {rho} (must be in [0, 1])")
        self.eps = require_non_negative("epsilon value", eps)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Adadelta step of ``param``; its state is created on the first call."""
        if not state:
            state["step"] = 0
            state["square_avg"] = torch.zeros_like(param)
            state["acc_delta"] = torch.zeros_like(param)
        state["step"] += 1
        if self.maximize:
            grad = -grad
        if self.weight_decay != 0:
            grad = grad + self.weight_decay * param
        rho = self.rho
        state["square_avg"] = rho * state["square_avg"] + (1 - rho) * grad * grad
        std = (state["square_avg"] + self.eps).sqrt()
        delta = (state["acc_delta"] + self.eps).sqrt() / std * grad
        state["acc_delta"] = rho * state["acc_delta"] + (1 - rho) * delta * delta
        param -= self.lr * delta
