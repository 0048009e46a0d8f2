"""Early stopping: stop training when a validation metric has stopped improving, and keep the
weights of the best epoch.

Semantics (the same as ``keras.callbacks.EarlyStopping`` with ``baseline=None``, except for
the defaults, see ``EarlyStopping``):

- the first value is always an improvement;
- in ``mode="min"`` a value improves on the best one if ``value < best - min_delta``; in
  ``mode="max"`` if ``value > best + min_delta``. A tie (or a gain of at most ``min_delta``) is
  **not** an improvement, so the best epoch stays the earliest of equal values;
- after an improvement the counter ``wait`` is reset to 0, otherwise it grows by 1; training
  stops as soon as ``wait >= patience``. With ``patience = p`` the stop comes ``p`` epochs
  after the best one (``patience = 0`` stops at the first epoch that does not improve).
"""

import copy
import math

import torch
from torch import nn

__all__ = ["EarlyStopping"]


class EarlyStopping:
    """Track a validation metric epoch by epoch and say when to stop.

    Args:
        patience: how many epochs without improvement to wait before stopping.
        min_delta: the smallest change that counts as an improvement (absolute, >= 0).
        mode: ``"min"`` for a loss, ``"max"`` for a score such as accuracy.
        restore_best_weights: keep a copy of the model's ``state_dict()`` at the best epoch so
            that ``restore(model)`` can load it back (Keras' default is ``False``; this
            class defaults to ``True``, what one nearly always wants).

    Attributes:
        best: the best value seen (``None`` before the first ``step``).
        best_epoch: the epoch (0-based, counting calls to ``step``) of ``best``.
        wait: epochs since the last improvement.
        stopped_epoch: the epoch at which ``step`` first returned ``True``, else ``None``.
        best_state: a deep copy of the model's ``state_dict()`` at ``best_epoch``.
    """

    def __init__(
        self,
        patience: int = 5,
        min_delta: float = 0.0,
        mode: str = "min",
        restore_best_weights: bool = True,
    ) -> None:
        if isinstance(patience, bool) or not isinstance(patience, int):
            raise TypeError(f"patience must be an int, got {type(patience).__name__}")
        if patience < 0:
            raise ValueError(f"patience must be >= 0, got {patience}")
        if isinstance(min_delta, bool) or not isinstance(min_delta, int | float):
            raise TypeError(f"min_delta must be a number, got {type(min_delta).__name__}")
        if min_delta < 0 or math.isnan(min_delta):
            raise ValueError(f"min_delta must be >= 0, got {min_delta}")
        if mode not in ("min", "max"):
            raise ValueError(f"mode must be 'min' or 'max', got {mode!r}")
        self.patience = patience
        self.min_delta = float(min_delta)
        self.mode = mode
        self.restore_best_weights = restore_best_weights
        self.best: float | None = None
        self.best_epoch: int | None = None
        self.best_state: dict[str, torch.Tensor] | None = None
        self.wait = 0
        self.epoch = -1
        self.stopped_epoch: int | None = None

    def is_improvement(self, value: float) -> bool:
        """Whether ``value`` beats the best value by more than ``min_delta``."""
        if self.best is None:
            return True
        if self.mode == "min":
            return value < self.best - self.min_delta
        return value > self.best + self.min_delta

    def step(self, value: float, model: nn.Module | None = None) -> bool:
        """Record the metric of one more epoch; return ``True`` when training should stop.

        Args:
            value: the monitored metric of this epoch (e.g. the validation loss).
            model: the model; on an improvement its ``state_dict()`` is copied when
                ``restore_best_weights`` is set.
        """
        value = float(value)
        if math.isnan(value):
            raise ValueError("value is NaN: the monitored metric must be a number")
        self.epoch += 1
        if self.is_improvement(value):
            self.best, self.best_epoch, self.wait = value, self.epoch, 0
            if model is not None and self.restore_best_weights:
                self.best_state = copy.deepcopy(model.state_dict())
            return False
        self.wait += 1
        if self.wait >= self.patience:
            if self.stopped_epoch is None:
                self.stopped_epoch = self.epoch
            return True
        return False

    def restore(self, model: nn.Module) -> None:
        """Load the best epoch's weights (and buffers) back into ``model``."""
        if self.best_state is None:
            raise RuntimeError("no best weights saved: call step(value, model) first")
        model.load_state_dict(self.best_state)

    def __repr__(self) -> str:
        return (
            f"EarlyStopping(patience={self.patience}, min_delta={self.min_delta}, "
            f"mode={self.mode!r}, best={self.best}, best_epoch={self.best_epoch})"
        )
