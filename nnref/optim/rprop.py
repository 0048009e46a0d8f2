"""Rprop: every entry moves by its own step size against the *sign* of its gradient.

The update is the one ``torch.optim.Rprop`` performs (single-tensor code path), the variant
without weight backtracking that Igel and Huesken call iRprop-:

    g         = -grad if maximize else grad
    s         = sign(g * prev)
    step_size = clamp(step_size * (etaplus if s > 0, etaminus if s < 0, 1 if s == 0),
                      step_size_min, step_size_max)
    g         = 0 where s < 0           (after a sign change: no move, and prev becomes 0)
    p         = p - sign(g) * step_size
    prev      = g

The magnitude of the gradient is never used. ``step_size`` starts at ``lr`` when a parameter
takes its first step; from then on ``lr`` is not read again, so changing it (for example with
a learning-rate scheduler) has no effect.
"""

from collections.abc import Iterable

import torch

from nnref._checks import require_non_negative
from nnref.optim._base import Optimizer


def _pair(name: str, value: object) -> tuple[float, float]:
    """``value`` as a pair of floats, or a ``TypeError`` naming ``name``."""
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise TypeError(f"{name} must be a pair of numbers, got {value!r}")
    first, second = value
    for number in value:
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise TypeError(f"{name} must be a pair of numbers, got {value!r}")
    return float(first), float(second)


class Rprop(Optimizer):
    """Plain-Python Rprop; equal to ``torch.optim.Rprop`` step by step."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-2,
        etas: tuple[float, float] = (0.5, 1.2),
        step_sizes: tuple[float, float] = (1e-6, 50),
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = require_non_negative("learning rate", lr)
        etaminus, etaplus = _pair("etas", etas)
        if not 0.0 < etaminus < 1.0 < etaplus:
            raise ValueError(f"Invalid eta values: {etas[0]}, {etas[1]}")
        self.etas = (etaminus, etaplus)
        self.step_sizes = _pair("step_sizes", step_sizes)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One Rprop step of ``param``; its state is created on the first call."""
        if not state:
            state["step"] = 0
            state["prev"] = torch.zeros_like(param)
            state["step_size"] = torch.full_like(param, self.lr)
        if self.maximize:
            grad = -grad
        state["step"] += 1
        etaminus, etaplus = self.etas
        agreement = (grad * state["prev"]).sign()
        factor = (
            torch.ones_like(param)
            .masked_fill(agreement > 0, etaplus)
            .masked_fill(agreement < 0, etaminus)
        )
        state["step_size"] = (state["step_size"] * factor).clamp(*self.step_sizes)
        grad = torch.where(agreement < 0, torch.zeros_like(grad), grad)
        param -= grad.sign() * state["step_size"]
        state["prev"] = grad
