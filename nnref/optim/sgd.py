"""Stochastic gradient descent with momentum, dampening, Nesterov and weight decay.

The update is the one ``torch.optim.SGD`` performs (see its documented algorithm):

    g  = -grad if maximize else grad
    g  = g + weight_decay * p
    b  = g                                      on the first step
    b  = momentum * b + (1 - dampening) * g     afterwards
    g  = g + momentum * b   if nesterov else b   (only when momentum != 0)
    p  = p - lr * g
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


class SGD(Optimizer):
    """Plain-Python SGD over a list of leaf tensors; equal to ``torch.optim.SGD`` step by step."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.momentum = require_non_negative("momentum value", momentum)
        self.dampening = float(dampening)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        if nesterov and (self.momentum <= 0 or self.dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        self.nesterov = bool(nesterov)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One SGD step of ``param``; the momentum buffer is created on the first step."""
        if self.maximize:
            grad = -grad
        if self.weight_decay != 0:
            grad = grad + self.weight_decay * param
        if self.momentum != 0:
            buffer = state.get("momentum_buffer")
            if buffer is None:
                buffer = grad.clone()
            else:
                buffer = self.momentum * buffer + (1 - self.dampening) * grad
            state["momentum_buffer"] = buffer
            grad = grad + self.momentum * buffer if self.nesterov else buffer
        param -= self.lr * grad
