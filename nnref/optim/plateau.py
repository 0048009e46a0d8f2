"""Reduce the learning rate when a monitored metric stops improving (``ReduceLROnPlateau``).

Unlike the other schedulers, this one is not a function of the step number: it reacts to the
values it is shown, so it is a small class with the same state as
``torch.optim.lr_scheduler.ReduceLROnPlateau`` (``best``, ``num_bad_epochs``,
``cooldown_counter``, ``last_epoch``) and the same rules:

    improved        = metric < best * (1 - threshold)   (mode "min", threshold_mode "rel")
                      metric < best - threshold         (mode "min", threshold_mode "abs")
                      (">" and "1 + threshold" / "+ threshold" in mode "max")
    improved        -> best = metric, num_bad_epochs = 0; otherwise num_bad_epochs += 1
    in cooldown     -> cooldown_counter -= 1, num_bad_epochs = 0
    num_bad_epochs > patience
                    -> lr = max(lr * factor, min_lr) (skipped if it changes lr by <= eps),
                       cooldown_counter = cooldown, num_bad_epochs = 0

It keeps the learning rates itself (``lrs``, one per parameter group) instead of writing them
into an optimizer.
"""

import math
from collections.abc import Sequence
from typing import SupportsFloat

__all__ = ["ReduceLROnPlateau"]

MODES = ("min", "max")
THRESHOLD_MODES = ("rel", "abs")


class ReduceLROnPlateau:
    """Plateau detection and learning-rate reduction, one ``step(metric)`` per epoch.

    Args:
        lr: the learning rate, or one per parameter group.
        mode: ``"min"`` (the metric should decrease, e.g. a loss) or ``"max"`` (accuracy).
        factor: multiplier of the learning rate at each reduction, < 1.
        patience: number of epochs without improvement that are tolerated; the learning rate
            is reduced at the ``patience + 1``-th such epoch.
        threshold: how much better than ``best`` a value must be to count as an improvement.
        threshold_mode: ``"rel"`` (relative to ``best``) or ``"abs"``.
        cooldown: epochs after a reduction during which bad epochs are not counted.
        min_lr: lower bound of the learning rate(s), a number or one per group.
        eps: reductions smaller than this are skipped.
    """

    def __init__(
        self,
        lr: float | Sequence[float],
        mode: str = "min",
        factor: float = 0.1,
        patience: int = 10,
        threshold: float = 1e-4,
        threshold_mode: str = "rel",
        cooldown: int = 0,
        min_lr: float | Sequence[float] = 0,
        eps: float = 1e-8,
    ) -> None:
        if factor >= 1.0:
            raise ValueError(f"Factor should be < 1.0, got factor={factor}")
        if mode not in MODES:
            raise ValueError(f"mode {mode!r} is unknown! Expected one of {MODES}")
        if threshold_mode not in THRESHOLD_MODES:
            raise ValueError(
                f"threshold mode {threshold_mode!r} is unknown! Expected one of {THRESHOLD_MODES}"
            )
        self.lrs = [float(lr)] if isinstance(lr, int | float) else [float(v) for v in lr]
        if isinstance(min_lr, int | float):
            self.min_lrs = [float(min_lr)] * len(self.lrs)
        else:
            if len(min_lr) != len(self.lrs):
                raise ValueError(f"expected {len(self.lrs)} min_lrs, got {len(min_lr)}")
            self.min_lrs = [float(v) for v in min_lr]
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.threshold_mode = threshold_mode
        self.cooldown = cooldown
        self.eps = eps
        self.last_epoch = 0
        self.best = math.inf if mode == "min" else -math.inf
        self.num_bad_epochs = 0
        self.cooldown_counter = 0

    def is_better(self, value: float, best: float) -> bool:
        """Whether ``value`` improves on ``best`` by more than the threshold."""
        if self.mode == "min":
            if self.threshold_mode == "rel":
                return value < best * (1.0 - self.threshold)
            return value < best - self.threshold
        if self.threshold_mode == "rel":
            return value > best * (self.threshold + 1.0)
        return value > best + self.threshold

    @property
    def in_cooldown(self) -> bool:
        """True while bad epochs are being ignored after a reduction."""
        return self.cooldown_counter > 0

    def step(self, metric: SupportsFloat) -> list[float]:
        """Take the epoch's metric (e.g. the validation loss); return the learning rates."""
        current = float(metric)
        self.last_epoch += 1
        if self.is_better(current, self.best):
            self.best = current
            self.num_bad_epochs = 0
        else:
            self.num_bad_epochs += 1
        if self.in_cooldown:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0
        if self.num_bad_epochs > self.patience:
            for index, old_lr in enumerate(self.lrs):
                new_lr = max(old_lr * self.factor, self.min_lrs[index])
                if old_lr - new_lr > self.eps:
                    self.lrs[index] = new_lr
            self.cooldown_counter = self.cooldown
            self.num_bad_epochs = 0
        return list(self.lrs)
