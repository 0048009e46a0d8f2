"""Weight averaging (SWA and EMA) and the SWALR learning rate, written out.

``torch.optim.swa_utils.AveragedModel`` keeps a copy of a model whose parameters are a running
average of the snapshots passed to ``update_parameters``:

    first call           avg = w_1                                   (a copy)
    SWA (default)        avg_{n+1} = avg_n + (w_{n+1} - avg_n) / (n + 1)   = mean of all snapshots
    EMA (decay d)        avg_{n+1} = d * avg_n + (1 - d) * w_{n+1}

``n`` is ``n_averaged``, the number of snapshots already averaged. ``AveragedWeights`` does the
same for a list of tensors.

``SWALR`` moves the learning rate from its value when the annealing starts, ``lr_start``, to
``swa_lr`` in ``anneal_epochs`` steps and then keeps it there. torch computes it recursively (it
recovers ``lr_start`` from the current learning rate at every step); the closed form is

    alpha_s = f(min(1, s / anneal_epochs)),   lr_s = (1 - alpha_s) lr_start + alpha_s swa_lr

with ``f(t) = (1 - cos(pi t)) / 2`` ("cos") or ``f(t) = t`` ("linear") and ``s`` the number of
``SWALR.step()`` calls; ``anneal_epochs=0`` sets ``swa_lr`` at once, already in the constructor.
"""

import math
from collections.abc import Sequence

import torch

from nnref._checks import require_tensor

__all__ = ["AveragedWeights", "swalr_lr"]


class AveragedWeights:
    """Equal-weight (SWA) or exponential (EMA) running average of a list of tensors.

    Args:
        decay: ``None`` for the equal-weight average of every snapshot (SWA), or the EMA
            decay ``d`` in [0, 1] (torch's ``get_ema_multi_avg_fn(decay)``).
    """

    def __init__(self, decay: float | None = None) -> None:
        if decay is not None:
            if isinstance(decay, bool) or not isinstance(decay, int | float):
                raise TypeError(f"decay must be a number or None, got {type(decay).__name__}")
            if not 0.0 <= decay <= 1.0:
                raise ValueError(
                    f"Invalid decay value {decay} provided. Please provide a value in [0,1] range."
                )
        self.decay = decay
        self.averaged: list[torch.Tensor] = []
        self.n_averaged = 0

    def update(self, tensors: Sequence[torch.Tensor]) -> None:
        """Fold one snapshot (e.g. ``[p.detach() for p in model.parameters()]``) into the mean."""
        tensors = [require_tensor(f"tensors[{i}]", t).detach() for i, t in enumerate(tensors)]
        if self.n_averaged == 0:
            self.averaged = [t.clone() for t in tensors]
        else:
            if len(tensors) != len(self.averaged):
                raise ValueError(
                    f"expected {len(self.averaged)} tensors (as in the first snapshot), "
                    f"got {len(tensors)}"
                )
            for average, value in zip(self.averaged, tensors, strict=True):
                if self.decay is None:
                    average += (value - average) / (self.n_averaged + 1)
                else:
                    average.mul_(self.decay).add_((1 - self.decay) * value)
        self.n_averaged += 1


def swalr_lr(
    step: int,
    start_lr: float,
    swa_lr: float,
    anneal_epochs: int = 10,
    anneal_strategy: str = "cos",
) -> float:
    """The learning rate ``SWALR`` sets after ``step`` calls of ``SWALR.step()``.

    Args:
        step: the number of ``SWALR.step()`` calls so far (0 right after construction).
        start_lr: the group's learning rate when the annealing started (the value just before
            the first ``SWALR.step()``; another scheduler may have set it).
        swa_lr: the constant learning rate of the averaging phase.
        anneal_epochs: steps taken to get from ``start_lr`` to ``swa_lr`` (an int >= 0).
        anneal_strategy: ``"cos"`` or ``"linear"``.

    Returns:
        ``(1 - alpha) * start_lr + alpha * swa_lr`` with ``alpha`` as in the module docstring.
    """
    if isinstance(step, bool) or not isinstance(step, int):
        raise TypeError(f"step must be an int, got {type(step).__name__}")
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    if anneal_strategy not in ("cos", "linear"):
        raise ValueError(
            f"anneal_strategy must be one of 'cos' or 'linear', instead got {anneal_strategy}"
        )
    if isinstance(anneal_epochs, bool) or not isinstance(anneal_epochs, int) or anneal_epochs < 0:
        raise ValueError(f"anneal_epochs must be equal or greater than 0, got {anneal_epochs}")
    if anneal_epochs == 0:
        step = max(1, step)
    t = min(1.0, step / max(1, anneal_epochs))
    alpha = (1 - math.cos(math.pi * t)) / 2 if anneal_strategy == "cos" else t
    return (1 - alpha) * start_lr + alpha * swa_lr
