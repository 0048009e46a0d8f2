"""Adagrad: every entry's step is divided by the root of the sum of all its squared gradients.

The update is the one ``torch.optim.Adagrad`` performs (single-tensor code path):

    t   = t + 1
    g   = -grad if maximize else grad
    g   = g + weight_decay * p
    clr = lr / (1 + (t - 1) * lr_decay)
    sum = sum + g * g                     (sum starts at initial_accumulator_value)
    p   = p - clr * g / (sqrt(sum) + eps)  (eps outside the square root)

As in torch, the state (``step`` = 0, ``sum``) of every parameter is created by the
constructor, not at the first step, and sparse gradients are accepted (they are made dense:
the entries without gradient get a zero update, exactly as torch's sparse path leaves them).
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


class Adagrad(Optimizer):
    """Plain-Python Adagrad; equal to ``torch.optim.Adagrad`` step by step."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-2,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.lr_decay = require_non_negative("lr_decay value", lr_decay)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.initial_accumulator_value = require_non_negative(
            "initial_accumulator_value value", initial_accumulator_value
        )
        self.eps = require_non_negative("epsilon value", eps)
        self.maximize = bool(maximize)
        for param, state in zip(self.params, self.state, strict=True):
            state["step"] = 0
            state["sum"] = torch.full_like(param, self.initial_accumulator_value)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Adagrad step of ``param``: grow its accumulator, then divide by its root."""
        if grad.is_sparse:
            if self.weight_decay != 0:
                raise RuntimeError("weight_decay option is not compatible with sparse gradients")
            grad = grad.to_dense()
        state["step"] += 1
        if self.maximize:
            grad = -grad
        if self.weight_decay != 0:
            grad = grad + self.weight_decay * param
        clr = self.lr / (1 + (state["step"] - 1) * self.lr_decay)
        state["sum"] = state["sum"] + grad * grad
        param -= clr * (grad / (state["sum"].sqrt() + self.eps))
