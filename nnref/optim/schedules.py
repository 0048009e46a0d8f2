"""Learning-rate schedules in closed form: the learning rate as a function of the step number.

``torch.optim.lr_scheduler`` computes most schedules recursively: every ``scheduler.step()``
multiplies the current ``param_group["lr"]`` by a ratio (the "chainable" form). The functions
here give the same values directly from the step number ``step`` (the scheduler's
``last_epoch``: how many times ``scheduler.step()`` has been called), so

    lr used by the (step + 1)-th optimizer update == f(step, base_lr, ...)

for a scheduler built on an optimizer whose learning rate was ``base_lr``. The tests compare
every function with torch's scheduler at every step.

Arguments are validated: where torch raises (``LinearLR`` and ``ConstantLR`` factors out of
range, a non-callable lambda, milestones that do not fit the schedulers) the same exception
type is raised here; where torch accepts a value that breaks its own schedule (``step_size=0``
fails with ``ZeroDivisionError`` at the first step; with a negative ``step_size`` the recursive
form decays whenever ``abs(step_size)`` divides the step while the closed form grows;
``total_iters=0``, a negative milestone) a ``ValueError`` naming the argument is raised.
"""

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence

import torch

from nnref._checks import require_non_negative, require_positive_int

__all__ = [
    "chained_lr",
    "constant_lr",
    "exponential_lr",
    "lambda_lr",
    "linear_lr",
    "multiplicative_lr",
    "multistep_lr",
    "polynomial_lr",
    "record_lrs",
    "sequential_lr",
    "step_lr",
    "warmup_cosine_lr",
]


def _require_step(step: object) -> int:
    """The step number: an int >= 0 (the scheduler's ``last_epoch``)."""
    if isinstance(step, bool) or not isinstance(step, int):
        raise TypeError(f"step must be an int, got {type(step).__name__}")
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    return step


def _require_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


def _require_gamma(gamma: object) -> float:
    gamma = _require_number("gamma", gamma)
    if gamma <= 0:
        raise ValueError(f"gamma must be > 0, got {gamma}")
    return gamma


def _require_callable(name: str, value: object) -> Callable[[int], float]:
    if not callable(value):
        raise TypeError(f"{name} should be a function, but got {type(value).__name__}")
    return value


def lambda_lr(step: int, base_lr: float, lr_lambda: Callable[[int], float]) -> float:
    """``LambdaLR``: ``base_lr * lr_lambda(step)``; the lambda sees the step number itself.

    Args:
        step: scheduler steps taken so far (``last_epoch``), >= 0.
        base_lr: the optimizer's learning rate when the scheduler was built.
        lr_lambda: the multiplier as a function of the step.
    """
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    return base_lr * _require_callable("lr_lambda", lr_lambda)(step)


def multiplicative_lr(step: int, base_lr: float, lr_lambda: Callable[[int], float]) -> float:
    """``MultiplicativeLR``: ``base_lr * lr_lambda(1) * ... * lr_lambda(step)``.

    The factor of step 0 is never applied: building the scheduler leaves the learning rate
    unchanged, and the k-th ``scheduler.step()`` multiplies it by ``lr_lambda(k)``.
    """
    step = _require_step(step)
    lr = require_non_negative("base_lr", base_lr)
    lr_lambda = _require_callable("lr_lambda", lr_lambda)
    for k in range(1, step + 1):
        lr *= lr_lambda(k)
    return lr


def step_lr(step: int, base_lr: float, step_size: int, gamma: float = 0.1) -> float:
    """``StepLR``: ``base_lr * gamma ** (step // step_size)``, a drop every ``step_size`` steps."""
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    step_size = require_positive_int("step_size", step_size)
    return base_lr * _require_gamma(gamma) ** (step // step_size)


def multistep_lr(step: int, base_lr: float, milestones: Sequence[int], gamma: float = 0.1) -> float:
    """``MultiStepLR``: ``base_lr * gamma ** (number of milestones <= step)``.

    As in torch, the milestones may come in any order and a repeated milestone decays twice.
    """
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    milestones = list(milestones)
    for index, milestone in enumerate(milestones):
        if isinstance(milestone, bool) or not isinstance(milestone, int):
            raise TypeError(f"milestones[{index}] must be an int, got {type(milestone).__name__}")
        if milestone < 0:
            raise ValueError(f"milestones[{index}] must be >= 0, got {milestone}")
    return base_lr * _require_gamma(gamma) ** bisect_right(sorted(milestones), step)


def constant_lr(step: int, base_lr: float, factor: float = 1.0 / 3, total_iters: int = 5) -> float:
    """``ConstantLR``: ``base_lr * factor`` for ``step < total_iters``, then ``base_lr``."""
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    factor = _require_number("factor", factor)
    if factor > 1.0 or factor < 0:
        raise ValueError("Constant multiplicative factor expected to be between 0 and 1.")
    total_iters = require_positive_int("total_iters", total_iters)
    return base_lr * (factor if step < total_iters else 1.0)


def linear_lr(
    step: int,
    base_lr: float,
    start_factor: float = 1.0 / 3,
    end_factor: float = 1.0,
    total_iters: int = 5,
) -> float:
    """``LinearLR``: the factor goes linearly from ``start_factor`` to ``end_factor``.

    ``base_lr * (start + (end - start) * min(step, total_iters) / total_iters)``.
    """
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    start_factor = _require_number("start_factor", start_factor)
    end_factor = _require_number("end_factor", end_factor)
    if start_factor > 1.0 or start_factor <= 0:
        raise ValueError(
            "Starting multiplicative factor (start_factor) expected to be greater than 0 "
            "and less or equal to 1."
        )
    if end_factor > 1.0 or end_factor < 0:
        raise ValueError(
            "Ending multiplicative factor (end_factor) expected to be between 0 and 1."
        )
    total_iters = require_positive_int("total_iters", total_iters)
    fraction = min(step, total_iters) / total_iters
    return base_lr * (start_factor + (end_factor - start_factor) * fraction)


def exponential_lr(step: int, base_lr: float, gamma: float) -> float:
    """``ExponentialLR``: ``base_lr * gamma ** step``."""
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    return base_lr * _require_gamma(gamma) ** step


def polynomial_lr(step: int, base_lr: float, total_iters: int = 5, power: float = 1.0) -> float:
    """``PolynomialLR``: ``base_lr * (1 - min(step, total_iters) / total_iters) ** power``.

    The learning rate reaches exactly 0 at ``total_iters`` and stays there.
    """
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    total_iters = require_positive_int("total_iters", total_iters)
    power = require_non_negative("power", power)
    return base_lr * (1.0 - min(step, total_iters) / total_iters) ** power


def warmup_cosine_lr(
    step: int,
    base_lr: float,
    warmup_steps: int,
    total_steps: int,
    start_factor: float = 1.0 / 3,
    eta_min: float = 0.0,
) -> float:
    """Linear warm-up, then cosine annealing: the recipe of transformer training.

    Equal to ``SequentialLR([LinearLR(opt, start_factor, 1.0, warmup_steps),
    CosineAnnealingLR(opt, T_max=total_steps - warmup_steps, eta_min=eta_min)],
    milestones=[warmup_steps])``:

    - ``step < warmup_steps``:
      ``base_lr * (start_factor + (1 - start_factor) * step / warmup_steps)``;
    - afterwards, with ``s = step - warmup_steps`` and ``T = total_steps - warmup_steps``:
      ``eta_min + (base_lr - eta_min) * (1 + cos(pi * s / T)) / 2``.

    Past ``total_steps`` the cosine goes on, as torch's does: the rate rises again.
    """
    step = _require_step(step)
    base_lr = require_non_negative("base_lr", base_lr)
    warmup_steps = require_positive_int("warmup_steps", warmup_steps)
    total_steps = require_positive_int("total_steps", total_steps)
    if total_steps <= warmup_steps:
        raise ValueError(
            f"total_steps ({total_steps}) must be larger than warmup_steps ({warmup_steps})"
        )
    eta_min = require_non_negative("eta_min", eta_min)
    warm = linear_lr(min(step, warmup_steps), base_lr, start_factor, 1.0, warmup_steps)
    if step < warmup_steps:
        return warm
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * progress)) / 2


def sequential_lr(
    step: int, schedules: Sequence[Callable[[int], float]], milestones: Sequence[int]
) -> float:
    """``SequentialLR``: schedule ``i`` runs from ``milestones[i-1]`` on, restarted at its step 0.

    ``schedules`` are functions of the local step (for instance ``functools.partial`` of the
    functions above with ``base_lr`` bound). This is what torch does for every scheduler that
    has a closed form (and for ``LambdaLR``); ``MultiplicativeLR``, which has none, is restarted
    with ``get_lr()`` instead: it multiplies the current rate by ``lr_lambda(0)`` and continues
    from there.
    """
    step = _require_step(step)
    schedules = list(schedules)
    milestones = list(milestones)
    if not schedules:
        raise ValueError("SequentialLR expects at least one scheduler, but got no scheduler.")
    if len(milestones) != len(schedules) - 1:
        raise ValueError(
            "Sequential Schedulers expects number of schedulers provided to be one more than "
            f"the number of milestone points, but got number of schedulers {len(schedules)} "
            f"and the number of milestones to be equal to {len(milestones)}"
        )
    for index, schedule in enumerate(schedules):
        _require_callable(f"schedules[{index}]", schedule)
    for index, milestone in enumerate(milestones):
        require_positive_int(f"milestones[{index}]", milestone)
    if milestones != sorted(milestones):
        raise ValueError(f"milestones must be increasing, got {milestones}")
    index = bisect_right(milestones, step)
    start = milestones[index - 1] if index > 0 else 0
    return schedules[index](step - start)


def chained_lr(step: int, base_lr: float, multipliers: Sequence[Callable[[int], float]]) -> float:
    """``ChainedScheduler``: ``base_lr`` times the product of every schedule's multiplier.

    ``multipliers`` are the schedules with ``base_lr=1`` (e.g.
    ``partial(linear_lr, base_lr=1.0, start_factor=0.1)``). Exact for the multiplicative
    schedulers (StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR,
    MultiplicativeLR; CosineAnnealingLR with ``eta_min=0`` up to ``T_max``): each multiplies
    the current rate by its own ratio, which is what "chainable" means.
    """
    step = _require_step(step)
    lr = require_non_negative("base_lr", base_lr)
    multipliers = list(multipliers)
    if not multipliers:
        raise ValueError("ChainedScheduler expects at least one scheduler to be chained")
    for index, multiplier in enumerate(multipliers):
        lr *= _require_callable(f"multipliers[{index}]", multiplier)(step)
    return lr


def record_lrs(scheduler: torch.optim.lr_scheduler.LRScheduler, steps: int) -> list[float]:
    """Run ``scheduler`` for ``steps`` steps and return the learning rate of each step.

    Entry ``t`` is ``scheduler.get_last_lr()[0]`` after ``t`` calls of ``scheduler.step()``:
    the rate the ``(t + 1)``-th ``optimizer.step()`` uses. Each step calls
    ``optimizer.step()`` first (a no-op without gradients), then ``scheduler.step()``.
    """
    steps = require_positive_int("steps", steps)
    lrs = []
    for _ in range(steps):
        lrs.append(float(scheduler.get_last_lr()[0]))
        scheduler.optimizer.step()
        scheduler.step()
    return lrs
