"""SparseAdam ("lazy Adam"): Adam that touches only the rows present in a sparse gradient.

``torch.optim.SparseAdam`` accepts only sparse COO gradients, such as those of
``nn.Embedding(sparse=True)``. At step ``t`` (the number of steps this parameter has
received a gradient, whichever rows it held), with ``I`` the indices stored in the
coalesced gradient (a row looked up twice appears once, with the two gradients summed):

    g_I  = -values if maximize else values
    m_I  = m_I + (1 - beta1) * (g_I - m_I)
    v_I  = v_I + (1 - beta2) * (g_I ** 2 - v_I)
    p_I  = p_I - lr * sqrt(1 - beta2 ** t) / (1 - beta1 ** t) * m_I / (sqrt(v_I) + eps)

Rows outside ``I`` keep their parameters and both moments unchanged. Unlike
``torch.optim.Adam``, ``eps`` is added to ``sqrt(v)`` before the bias correction.
"""

import math
from collections.abc import Iterable

import torch

from nnref._checks import require_betas, require_non_negative
from nnref.optim._base import Optimizer

DENSE_GRADIENT_MESSAGE = "SparseAdam does not support dense gradients, please consider Adam instead"


def require_positive(name: str, value: object) -> float:
    """Return ``value`` as a float if it is a number > 0; the message is torch's."""
    value = require_non_negative(name, value)
    if value == 0:
        raise ValueError(f"Invalid {name}: {value} (must be > 0)")
    return value


class SparseAdam(Optimizer):
    """Plain-Python SparseAdam over dense parameters with sparse gradients."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        for index, param in enumerate(self.params):
            if param.is_sparse:
                raise ValueError(f"params[{index}] is sparse: SparseAdam requires dense parameters")
        self.lr = require_positive("learning rate", lr)
        self.eps = require_positive("epsilon value", eps)
        self.beta1, self.beta2 = require_betas(betas)
        self.maximize = bool(maximize)

    def update(self, param: torch.Tensor, grad: torch.Tensor, state: dict) -> None:
        """One lazy Adam step on the rows of ``param`` that ``grad`` holds."""
        if not grad.is_sparse:
            raise RuntimeError(DENSE_GRADIENT_MESSAGE)
        if not state:
            state["step"] = 0
            state["exp_avg"] = torch.zeros_like(param)
            state["exp_avg_sq"] = torch.zeros_like(param)
        state["step"] += 1  # counted even if the gradient holds no row
        step = state["step"]

        grad = grad.coalesce()  # one entry per index: the update is not linear in g
        rows = tuple(grad.indices())  # advanced index selecting the stored entries
        values = -grad.values() if self.maximize else grad.values()
        if values.numel() == 0:
            return

        exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
        m = exp_avg[rows] + (1 - self.beta1) * (values - exp_avg[rows])
        v = exp_avg_sq[rows] + (1 - self.beta2) * (values * values - exp_avg_sq[rows])
        exp_avg[rows], exp_avg_sq[rows] = m, v

        step_size = self.lr * math.sqrt(1 - self.beta2**step) / (1 - self.beta1**step)
        param[rows] -= step_size * m / (v.sqrt() + self.eps)
