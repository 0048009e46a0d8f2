"""Averaged stochastic gradient descent, as ``torch.optim.ASGD`` computes it.

For every parameter, at step ``t`` (counted from 1), with ``eta`` and ``mu`` left by step
``t - 1`` (``eta = lr`` and ``mu = 1`` before the first step):

    g   = -grad if maximize else grad
    g   = g + weight_decay * p
    p   = p * (1 - lambd * eta) - eta * g             (lambd also decays the weights)
    ax  = p if mu == 1 else ax + mu * (p - ax)        (the running average)
    eta = lr / (1 + lambd * lr * t) ** alpha          (for the next step)
    mu  = 1 / max(1, t - t0)

So ``ax`` follows ``p`` until step ``t0 + 1`` and from step ``t0 + 2`` on (for a whole
``t0 >= 0``) it is the mean of the iterates ``p`` since that step. torch keeps ``step``,
``eta`` and ``mu`` as 0-dimensional tensors of its scalar dtype (float32 unless the default
dtype is float64); they are kept the same way here, so that the rounding is the same.
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


def _scalar_dtype() -> torch.dtype:
    """The dtype torch.optim uses for step counters and scalar state."""
    return torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32


def _require_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


class ASGD(Optimizer):
    """Plain-Python ASGD over a list of leaf tensors; equal to ``torch.optim.ASGD`` step by step
    (its single-tensor code path), including the averaged parameters ``state["ax"]``."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-2,
        lambd: float = 1e-4,
        alpha: float = 0.75,
        t0: float = 1e6,
        weight_decay: float = 0.0,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        self.lambd = _require_number("lambd", lambd)
        self.alpha = _require_number("alpha", alpha)
        self.t0 = _require_number("t0", t0)
        self.weight_decay = require_non_negative("weight_decay value", weight_decay)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One ASGD step of ``param``; ``step``, ``eta``, ``mu`` and ``ax`` start on the first."""
        if not state:
            dtype = _scalar_dtype()
            state["step"] = torch.tensor(0.0, dtype=dtype)
            state["eta"] = torch.tensor(self.lr, dtype=dtype)
            state["mu"] = torch.tensor(1.0, dtype=dtype)
            state["ax"] = torch.zeros_like(param)
        if self.maximize:
            grad = -grad
        state["step"] += 1
        if self.weight_decay != 0:
            grad = grad.add(param, alpha=self.weight_decay)
        eta = state["eta"].item()
        param.mul_(1 - self.lambd * eta)
        param.add_(grad, alpha=-eta)
        if state["mu"].item() != 1:
            state["ax"] += (param - state["ax"]) * state["mu"]
        else:
            state["ax"] = param.clone()
        step = state["step"].item()
        state["eta"] = torch.tensor(
            self.lr / (1 + self.lambd * self.lr * step) ** self.alpha, dtype=state["eta"].dtype
        )
        state["mu"] = torch.tensor(1 / max(1.0, step - self.t0), dtype=state["mu"].dtype)
