"""NAdam: Adam with Nesterov momentum and Dozat's momentum schedule, as ``torch.optim.NAdam``.

For every parameter, at step ``t`` (counted from 1), ``torch.optim.NAdam`` computes:

    g   = -grad if maximize else grad
    p   = p * (1 - lr * weight_decay)          if decoupled_weight_decay
    g   = g + weight_decay * p                 otherwise (L2 penalty in the gradient)
    mu_t     = beta1 * (1 - 0.5 * 0.96 ** (t * momentum_decay))
    mu_next  = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentum_decay))
    mu_product = mu_1 * ... * mu_t             (kept in the state)
    m   = beta1 * m + (1 - beta1) * g
    v   = beta2 * v + (1 - beta2) * g * g
    d   = sqrt(v / (1 - beta2 ** t)) + eps
    p   = p - lr * (1 - mu_t) / (1 - mu_product) * g / d
            - lr * mu_next / (1 - mu_product * mu_next) * m / d

torch keeps ``step`` and ``mu_product`` as scalar tensors of the default floating dtype
(float32 unless the default is float64), also for float64 parameters; so does this class,
so that both round the product the same way.
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_betas, require_non_negative
from nnref.optim._base import Optimizer, apply_weight_decay, scalar_dtype


def momentum_schedule(step: int | float, beta1: float = 0.9, momentum_decay: float = 4e-3) -> float:
    """Dozat's momentum coefficient ``mu_t = beta1 * (1 - 0.5 * 0.96 ** (t * momentum_decay))``."""
    return beta1 * (1.0 - 0.5 * 0.96 ** (step * momentum_decay))


class NAdam(Optimizer):
    """Plain-Python NAdam over a list of leaf tensors; equal to ``torch.optim.NAdam``."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 2e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum_decay: float = 4e-3,
        decoupled_weight_decay: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.eps = require_non_negative("epsilon value", eps)
        self.beta1, self.beta2 = require_betas(betas)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.momentum_decay = require_non_negative("momentum_decay value", momentum_decay)
        self.decoupled_weight_decay = bool(decoupled_weight_decay)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One NAdam step of ``param``; the state is created on the first step."""
        if grad.is_sparse:
            raise RuntimeError("NAdam does not support sparse gradients")
        if not state:
            state["step"] = torch.tensor(0.0, dtype=scalar_dtype())
            state["mu_product"] = torch.tensor(1.0, dtype=scalar_dtype())
            state["exp_avg"] = torch.zeros_like(param)
            state["exp_avg_sq"] = torch.zeros_like(param)
        if self.maximize:
            grad = -grad
        state["step"] += 1
        step = float(state["step"])

        grad = apply_weight_decay(
            param, grad, self.lr, self.weight_decay, self.decoupled_weight_decay
        )

        mu = momentum_schedule(step, self.beta1, self.momentum_decay)
        mu_next = momentum_schedule(step + 1, self.beta1, self.momentum_decay)
        state["mu_product"] *= mu  # a scalar tensor: rounded to its dtype, as in torch
        mu_product = float(state["mu_product"])
        mu_product_next = mu_product * mu_next

        exp_avg = self.beta1 * state["exp_avg"] + (1 - self.beta1) * grad
        exp_avg_sq = self.beta2 * state["exp_avg_sq"] + (1 - self.beta2) * grad * grad
        state["exp_avg"], state["exp_avg_sq"] = exp_avg, exp_avg_sq

        denom = (exp_avg_sq / (1 - self.beta2**step)).sqrt() + self.eps
        param -= self.lr * (1 - mu) / (1 - mu_product) * grad / denom
        param -= self.lr * mu_next / (1 - mu_product_next) * exp_avg / denom
