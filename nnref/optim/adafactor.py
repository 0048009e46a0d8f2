"""Adafactor: factored second moments, a relative step size and update clipping.

For every parameter ``p``, at step ``t`` (counted from 1), ``torch.optim.Adafactor`` computes
(``eps1 = None`` means ``torch.finfo(p.dtype).eps``):

    G      = -grad if maximize else grad
    c_t    = t ** beta2_decay                   (so beta2_t = 1 - c_t; c_1 = 1)
    rho_t  = min(lr, 1 / sqrt(t))
    alpha  = max(eps2, RMS(p)) * rho_t          (RMS of p before the weight decay)
    p      = p * (1 - lr * weight_decay)
    if p.dim() > 1 (factored over the last two dimensions, n rows and m columns):
        R  = R + c_t * (mean(G ** 2, dim=-1) - R)          shape (..., n, 1)
        C  = C + c_t * (mean(G ** 2, dim=-2) - C)          shape (..., 1, m)
        V  = R @ C / max(mean(R, dim=-2), eps1)            outer product over the mean row
    else:
        V  = V + c_t * (G ** 2 - V)
    U      = G / max(sqrt(V), eps1)
    p      = p - alpha / max(1, RMS(U) / d) * U
"""

import math
from collections.abc import Iterable

import torch

from nnref.optim._base import Optimizer, scalar_dtype


def rms(tensor: torch.Tensor) -> float:
    """Root mean square of all elements: ``||x||_2 / sqrt(numel)``."""
    return float(tensor.norm(2)) / math.sqrt(tensor.numel())


def relative_step(step: int | float, lr: float = 1e-2) -> float:
    """``rho_t = min(lr, 1 / sqrt(t))``: the fraction of RMS(p) that one step may move."""
    return min(lr, 1 / math.sqrt(step))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


class Adafactor(Optimizer):
    """Plain-Python Adafactor over a list of leaf tensors; equal to ``torch.optim.Adafactor``."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-2,
        beta2_decay: float = -0.8,
        eps: tuple[float | None, float] = (None, 1e-3),
        d: float = 1.0,
        weight_decay: float = 0.0,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = _number("lr", lr)
        _require(self.lr >= 0, f"Learning rate should be >= 0 but is: {lr}")
        self.beta2_decay = _number("beta2_decay", beta2_decay)
        _require(self.beta2_decay <= 0, f"beta2_decay should be <= 0 but is: {beta2_decay}")
        if not isinstance(eps, tuple | list) or len(eps) != 2:
            raise TypeError(f"eps must be a pair (eps1, eps2), got {eps!r}")
        self.eps1 = None if eps[0] is None else _number("eps[0]", eps[0])
        _require(self.eps1 is None or self.eps1 >= 0, f"epsilon1 should be >= 0 but is: {eps[0]}")
        self.eps2 = _number("eps[1]", eps[1])
        _require(self.eps2 >= 0, f"epsilon2 should be >= 0 but is: {eps[1]}")
        self.d = _number("d", d)
        _require(self.d >= 1, f"Clipping threshold d should be >= 1 but is: {d}")
        self.weight_decay = _number("weight_decay", weight_decay)
        _require(self.weight_decay >= 0, f"weight_decay should be >= 0 but is: {weight_decay}")
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Adafactor step of ``param``; the state is created on the first step."""
        if grad.is_sparse:
            raise RuntimeError("Adafactor does not support sparse gradients")
        if not state:
            state["step"] = torch.tensor(0.0, dtype=scalar_dtype())
            if grad.dim() > 1:
                state["row_var"] = grad.new_zeros((*grad.shape[:-1], 1))
                state["col_var"] = grad.new_zeros((*grad.shape[:-2], 1, grad.shape[-1]))
            else:
                state["variance"] = torch.zeros_like(grad)
        if self.maximize:
            grad = -grad
        eps1 = torch.finfo(param.dtype).eps if self.eps1 is None else self.eps1
        state["step"] += 1
        step = float(state["step"])

        weight = step**self.beta2_decay  # 1 - beta2_t
        alpha = max(self.eps2, rms(param)) * relative_step(step, self.lr)
        if self.weight_decay != 0:
            param *= 1 - self.lr * self.weight_decay

        squared = grad * grad
        if grad.dim() > 1:
            row_var = state["row_var"] + weight * (
                squared.mean(-1, keepdim=True) - state["row_var"]
            )
            col_var = state["col_var"] + weight * (
                squared.mean(-2, keepdim=True) - state["col_var"]
            )
            state["row_var"], state["col_var"] = row_var, col_var
            variance = row_var @ col_var / row_var.mean(-2, keepdim=True).clamp(min=eps1)
        else:
            variance = state["variance"] + weight * (squared - state["variance"])
            state["variance"] = variance

        update = grad / variance.clamp(min=eps1 * eps1).sqrt()
        param -= alpha / max(1.0, rms(update) / self.d) * update
