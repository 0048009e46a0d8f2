"""The learning-rate range test: train briefly while the learning rate grows, watch the loss.

Smith (2015, published 2017) raised the learning rate linearly during a short run and read off
where training starts to improve and where it breaks down. The form most libraries use today
raises it geometrically, from ``start`` to ``end`` in ``steps`` steps, smooths the loss with a
bias-corrected exponential moving average, and stops once the smoothed loss exceeds
``diverge`` times its minimum; a good learning rate lies about ten times below the one where the
smoothed loss was lowest.

``range_test_lrs`` is the schedule in closed form (the tests compare it with torch's
``ExponentialLR`` and ``LinearLR`` at every step); ``lr_range_test`` runs the test with any
``torch.optim`` optimizer.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch

from nnref._checks import require_positive_int

MODES = ("exponential", "linear")


def range_test_lrs(start: float, end: float, steps: int, mode: str = "exponential") -> list[float]:
    """The learning rate of each of the ``steps`` steps, from ``start`` to ``end`` inclusive.

    ``exponential``: ``start * (end / start) ** (k / (steps - 1))`` (equal ratios);
    ``linear``: ``start + (end - start) * k / (steps - 1)`` (equal differences).
    """
    require_positive_int("steps", steps)
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        if not value > 0:
            raise ValueError(f"{name} must be positive, got {value}")
    if end <= start:
        raise ValueError(f"end must be greater than start, got start={start}, end={end}")
    if steps < 2:
        raise ValueError(f"steps must be at least 2, got {steps}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    fractions = [k / (steps - 1) for k in range(steps)]
    if mode == "linear":
        return [start + (end - start) * f for f in fractions]
    return [start * (end / start) ** f for f in fractions]


@dataclass(frozen=True)
class RangeTest:
    """What a range test measured: the learning rate, raw and smoothed loss of each step."""

    lrs: list[float]
    losses: list[float]
    smoothed: list[float]

    @property
    def best_lr(self) -> float:
        """The learning rate at which the smoothed loss was lowest."""
        return self.lrs[min(range(len(self.smoothed)), key=self.smoothed.__getitem__)]

    def suggestion(self, factor: float = 10.0) -> float:
        """The usual pick: ``factor`` times below ``best_lr`` (still in the falling part)."""
        return self.best_lr / factor


def lr_range_test(
    optimizer: torch.optim.Optimizer,
    loss_at: Callable[[int], torch.Tensor],
    start: float = 1e-5,
    end: float = 10.0,
    steps: int = 100,
    mode: str = "exponential",
    smoothing: float = 0.98,
    diverge: float = 4.0,
) -> RangeTest:
    """Run the range test: step ``k`` sets every group's lr, then minimises ``loss_at(k)``.

    ``loss_at(k)`` computes the loss of the ``k``-th minibatch (the caller owns the model and
    the data). The test changes the model's parameters: copy them first (``state_dict``) if
    training should start from the same point afterwards. It stops early when the loss is not
    finite or the smoothed loss exceeds ``diverge`` times its minimum.
    """
    if not 0 <= smoothing < 1:
        raise ValueError(f"smoothing must be in [0, 1), got {smoothing}")
    if not diverge > 1:
        raise ValueError(f"diverge must be greater than 1, got {diverge}")
    lrs, losses, smoothed = [], [], []
    average, best = 0.0, math.inf
    for step, lr in enumerate(range_test_lrs(start, end, steps, mode)):
        for group in optimizer.param_groups:
            group["lr"] = lr
        optimizer.zero_grad()
        loss = loss_at(step)
        loss.backward()
        optimizer.step()
        value = loss.item()
        lrs.append(lr)
        losses.append(value)
        if not math.isfinite(value):
            smoothed.append(math.inf)
            break
        average = smoothing * average + (1 - smoothing) * value
        smoothed.append(average / (1 - smoothing ** (step + 1)))
        best = min(best, smoothed[-1])
        if smoothed[-1] > diverge * best:
            break
    return RangeTest(lrs=lrs, losses=losses, smoothed=smoothed)
