"""Adamax: Adam with the infinity norm (a decaying maximum of |g|) in place of the RMS.

The update is the one ``torch.optim.Adamax`` performs (its single-tensor code path), at step t:

    g     = -grad if maximize else grad
    g     = g + weight_decay * p               (an L2 penalty folded into g)
    m     = beta1 * m + (1 - beta1) * g        state "exp_avg"
    u     = max(beta2 * u, |g| + eps)          state "exp_inf"
    p     = p - lr / (1 - beta1 ** t) * m / u

Only the first moment is bias-corrected: ``u`` is a maximum, not an average, and is not biased
towards zero. ``eps`` goes inside the maximum (the paper has none; Keras adds it to ``u``).
"""

from collections.abc import Iterable, Sequence

import torch

from nnref._checks import require_betas, require_non_negative
from nnref.optim._base import Optimizer


class Adamax(Optimizer):
    """Plain-Python Adamax; equal to ``torch.optim.Adamax`` step by step.

    Args:
        params: the tensors to optimize.
        lr: the learning rate (step size).
        betas: decay rates of the first moment and of the infinity norm.
        eps: added to ``|g|`` before it enters the maximum.
        weight_decay: L2 coefficient added to the gradient.
        maximize: ascend the objective instead of descending it.
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 2e-3,
        betas: Sequence[float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        *,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.eps = require_non_negative("epsilon value", eps)
        self.betas = require_betas(betas)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Adamax step of ``param``; the state is created (zeros) on the first step."""
        if not state:
            state["step"] = 0
            state["exp_avg"] = torch.zeros_like(param)
            state["exp_inf"] = torch.zeros_like(param)
        beta1, beta2 = self.betas
        state["step"] += 1
        t = state["step"]

        if self.maximize:
            grad = -grad
        if self.weight_decay != 0:
            grad = grad + self.weight_decay * param

        state["exp_avg"] = beta1 * state["exp_avg"] + (1 - beta1) * grad
        state["exp_inf"] = torch.maximum(beta2 * state["exp_inf"], grad.abs() + self.eps)
        param -= self.lr / (1 - beta1**t) * state["exp_avg"] / state["exp_inf"]
