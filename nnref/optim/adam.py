"""Adam: running averages of the gradient and of its square, bias-corrected.

The update is the one ``torch.optim.Adam`` performs (its single-tensor code path), at step t:

    g     = -grad if maximize else grad
    p     = p * (1 - lr * weight_decay)        if decoupled_weight_decay (this is AdamW)
    g     = g + weight_decay * p               otherwise (an L2 penalty folded into g)
    m     = beta1 * m + (1 - beta1) * g        state "exp_avg"
    v     = beta2 * v + (1 - beta2) * g * g    state "exp_avg_sq"
    v     = max(v_max, v)                      amsgrad only; v_max is state "max_exp_avg_sq"
    m_hat = m / (1 - beta1 ** t)               bias corrections
    v_hat = v / (1 - beta2 ** t)
    p     = p - lr * m_hat / (sqrt(v_hat) + eps)

``eps`` is added after the square root and after the bias correction (Algorithm 1 of Kingma &
Ba), not to the uncorrected ``sqrt(v)`` as in Keras.
"""

from collections.abc import Iterable, Sequence

import torch

from nnref._checks import require_betas, require_non_negative
from nnref.optim._base import Optimizer, apply_weight_decay


class Adam(Optimizer):
    """Plain-Python Adam over a list of leaf tensors; equal to ``torch.optim.Adam`` step by step.

    Args:
        params: the tensors to optimize.
        lr: the learning rate (step size) ``lr``.
        betas: decay rates of the running averages of the gradient and of its square.
        eps: added to the denominator ``sqrt(v_hat)``.
        weight_decay: L2 coefficient added to the gradient, or, with
            ``decoupled_weight_decay=True``, the rate at which the weights shrink.
        amsgrad: divide by the largest second moment seen so far (AMSGrad).
        maximize: ascend the objective instead of descending it.
        decoupled_weight_decay: shrink the weights directly (AdamW) instead of adding
            ``weight_decay * p`` to the gradient.
    """

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        betas: Sequence[float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
        decoupled_weight_decay: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.eps = require_non_negative("epsilon value", eps)
        self.betas = require_betas(betas)
        if not all(isinstance(beta, float) for beta in betas):
            # torch.optim.Adam (and AdamW) refuse integers such as betas=(0, 0.999)
            raise ValueError("betas must be either both floats or both Tensors")
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.amsgrad = bool(amsgrad)
        self.maximize = bool(maximize)
        self.decoupled_weight_decay = bool(decoupled_weight_decay)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Adam step of ``param``; the state is created (zeros) on the first step."""
        if not state:
            state["step"] = 0
            state["exp_avg"] = torch.zeros_like(param)
            state["exp_avg_sq"] = torch.zeros_like(param)
            if self.amsgrad:
                state["max_exp_avg_sq"] = torch.zeros_like(param)
        beta1, beta2 = self.betas
        state["step"] += 1
        t = state["step"]

        if self.maximize:
            grad = -grad
        grad = apply_weight_decay(
            param, grad, self.lr, self.weight_decay, self.decoupled_weight_decay
        )

        state["exp_avg"] = beta1 * state["exp_avg"] + (1 - beta1) * grad
        state["exp_avg_sq"] = beta2 * state["exp_avg_sq"] + (1 - beta2) * grad * grad
        second_moment = state["exp_avg_sq"]
        if self.amsgrad:
            state["max_exp_avg_sq"] = torch.maximum(state["max_exp_avg_sq"], second_moment)
            second_moment = state["max_exp_avg_sq"]

        m_hat = state["exp_avg"] / (1 - beta1**t)
        v_hat = second_moment / (1 - beta2**t)
        param -= self.lr * m_hat / (v_hat.sqrt() + self.eps)
