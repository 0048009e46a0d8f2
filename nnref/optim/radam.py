"""RAdam: Adam whose adaptive step is switched on, and rectified, once its variance is tractable.

For every parameter, at step ``t`` (counted from 1), ``torch.optim.RAdam`` computes:

    g   = -grad if maximize else grad
    p   = p * (1 - lr * weight_decay)          if decoupled_weight_decay
    g   = g + weight_decay * p                 otherwise (L2 penalty in the gradient)
    m   = beta1 * m + (1 - beta1) * g
    v   = beta2 * v + (1 - beta2) * g * g
    m^  = m / (1 - beta1 ** t)
    rho_inf = 2 / (1 - beta2) - 1
    rho_t   = rho_inf - 2 * t * beta2 ** t / (1 - beta2 ** t)
    if rho_t > 5:
        r = sqrt((rho_t - 4) (rho_t - 2) rho_inf / ((rho_inf - 4) (rho_inf - 2) rho_t))
        l = sqrt(1 - beta2 ** t) / (sqrt(v) + eps)
        p = p - lr * m^ * r * l                (rectified adaptive step)
    else:
        p = p - lr * m^                        (bias-corrected momentum, no adaptation)
"""

import math
from collections.abc import Iterable

import torch

from nnref._checks import require_betas, require_non_negative
from nnref.optim._base import Optimizer, apply_weight_decay, scalar_dtype

RECTIFICATION_THRESHOLD = 5.0


def rho(step: int | float, beta2: float = 0.999) -> float:
    """The length ``rho_t`` of the approximated simple moving average at step ``t``."""
    rho_inf = 2 / (1 - beta2) - 1
    return rho_inf - 2 * step * beta2**step / (1 - beta2**step)


def rectification(step: int | float, beta2: float = 0.999) -> float | None:
    """The rectification term ``r_t``, or ``None`` while ``rho_t <= 5`` (no adaptive step)."""
    rho_inf = 2 / (1 - beta2) - 1
    rho_t = rho(step, beta2)
    if rho_t <= RECTIFICATION_THRESHOLD:
        return None
    return math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))


class RAdam(Optimizer):
    """Plain-Python RAdam over a list of leaf tensors; equal to ``torch.optim.RAdam``."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        decoupled_weight_decay: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.eps = require_non_negative("epsilon value", eps)
        self.beta1, self.beta2 = require_betas(betas)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.decoupled_weight_decay = bool(decoupled_weight_decay)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One RAdam step of ``param``; the state is created on the first step."""
        if grad.is_sparse:
            raise RuntimeError("RAdam does not support sparse gradients")
        if not state:
            state["step"] = torch.tensor(0.0, dtype=scalar_dtype())
            state["exp_avg"] = torch.zeros_like(param)
            state["exp_avg_sq"] = torch.zeros_like(param)
        if self.maximize:
            grad = -grad
        state["step"] += 1
        step = float(state["step"])

        grad = apply_weight_decay(
            param, grad, self.lr, self.weight_decay, self.decoupled_weight_decay
        )

        exp_avg = self.beta1 * state["exp_avg"] + (1 - self.beta1) * grad
        exp_avg_sq = self.beta2 * state["exp_avg_sq"] + (1 - self.beta2) * grad * grad
        state["exp_avg"], state["exp_avg_sq"] = exp_avg, exp_avg_sq
        corrected_exp_avg = exp_avg / (1 - self.beta1**step)

        rect = rectification(step, self.beta2)
        if rect is None:
            param -= self.lr * corrected_exp_avg
        else:
            adaptive_lr = math.sqrt(1 - self.beta2**step) / (exp_avg_sq.sqrt() + self.eps)
            param -= self.lr * corrected_exp_avg * adaptive_lr * rect
