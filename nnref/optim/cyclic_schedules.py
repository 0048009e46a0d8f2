"""Cosine, warm-restart, cyclical and one-cycle learning-rate schedules in closed form.

Each function gives the learning rate (or the momentum) that the matching
``torch.optim.lr_scheduler`` class sets after ``step`` calls of ``scheduler.step()``, i.e.

    value used by the (step + 1)-th optimizer update == f(step, ...)

``CosineAnnealingLR`` computes its values recursively from the previous learning rate; the
functions here compute them directly from the step number (SGDR's closed form), and the tests
require both to agree at every step. ``CosineAnnealingWarmRestarts`` accepts a fractional
epoch; ``cosine_warm_restarts_lr`` finds the current cycle by exact integer arithmetic, where
torch uses a floating-point logarithm that can miss a restart (e.g. ``T_0=1, T_mult=3`` at
epoch 121).

Arguments are validated: where torch raises, the same exception type is raised here; where
torch accepts a value that breaks its own schedule (``T_max=0`` fails with
``ZeroDivisionError`` at the first step, ``step_size_up=0`` at construction, a
``pct_start`` that leaves a one-cycle phase empty), a ``ValueError`` naming the argument is
raised instead.
"""

import math
from collections.abc import Callable

__all__ = [
    "cosine_annealing_lr",
    "cosine_warm_restarts_lr",
    "cyclic_lr",
    "cyclic_momentum",
    "one_cycle_lr",
    "one_cycle_momentum",
    "one_cycle_total_steps",
]

CYCLIC_MODES = ("triangular", "triangular2", "exp_range")
SCALE_MODES = ("cycle", "iterations")
ANNEAL_STRATEGIES = ("cos", "linear")


def _require_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return float(value)


def _require_step(step: object) -> float:
    """A step or epoch number: a real number >= 0 (fractional epochs are allowed)."""
    step = _require_number("step", step)
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    return step


def _half_cosine(start: float, end: float, fraction: float) -> float:
    """From ``start`` (fraction 0) to ``end`` (fraction 1) along half a cosine period."""
    return end + (start - end) / 2.0 * (math.cos(math.pi * fraction) + 1)


# --- cosine annealing -------------------------------------------------------------------------


def cosine_annealing_lr(step: float, base_lr: float, T_max: int, eta_min: float = 0.0) -> float:
    """SGDR's cosine without restarts: ``eta_min + (base_lr - eta_min)(1 + cos(pi t/T_max))/2``.

    Args:
        step: the scheduler's ``last_epoch`` t (number of ``scheduler.step()`` calls).
        base_lr: the optimizer's learning rate when the scheduler was built.
        T_max: half period: the learning rate reaches ``eta_min`` at ``t = T_max`` and, if
            training goes on, climbs back to ``base_lr`` at ``2 T_max`` (torch does not stop).
        eta_min: the lowest learning rate.

    Returns:
        The learning rate for the next optimizer step.
    """
    step = _require_step(step)
    if isinstance(T_max, bool) or not isinstance(T_max, int):
        raise TypeError(f"T_max must be an int, got {type(T_max).__name__}")
    if T_max <= 0:
        raise ValueError(f"T_max must be a positive integer, got {T_max}")
    base_lr = _require_number("base_lr", base_lr)
    eta_min = _require_number("eta_min", eta_min)
    return eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * step / T_max)) / 2


def cosine_warm_restarts_lr(
    epoch: float,
    base_lr: float,
    T_0: int,
    T_mult: int = 1,
    eta_min: float = 0.0,
) -> float:
    """SGDR: cosine annealing restarted after ``T_0``, ``T_0 T_mult``, ``T_0 T_mult^2`` epochs.

    Args:
        epoch: epochs since the start, possibly fractional (``epoch + i / iters``).
        base_lr: the learning rate at every restart (``eta_max``).
        T_0: length of the first cycle, a positive int.
        T_mult: factor by which each cycle is longer than the previous one, an int >= 1.
        eta_min: the lowest learning rate, reached at the end of each cycle.

    Returns:
        ``eta_min + (base_lr - eta_min)(1 + cos(pi T_cur / T_i)) / 2``, where ``T_i`` is the
        length of the current cycle and ``T_cur`` the epochs since its start.
    """
    epoch = _require_number("epoch", epoch)
    if epoch < 0:
        raise ValueError(f"Expected non-negative epoch, but got {epoch}")
    if isinstance(T_0, bool) or not isinstance(T_0, int) or T_0 <= 0:
        raise ValueError(f"Expected positive integer T_0, but got {T_0}")
    if isinstance(T_mult, bool) or not isinstance(T_mult, int) or T_mult < 1:
        raise ValueError(f"Expected integer T_mult >= 1, but got {T_mult}")
    if isinstance(eta_min, bool) or not isinstance(eta_min, int | float):
        raise ValueError(f"Expected float or int eta_min, but got {eta_min!r}")
    base_lr = _require_number("base_lr", base_lr)
    if T_mult == 1:
        t_cur, t_i = epoch % T_0, T_0
    else:
        start, t_i = 0, T_0  # cycle boundaries are integers: no rounding can skip one
        while epoch >= start + t_i:
            start, t_i = start + t_i, t_i * T_mult
        t_cur = epoch - start
    return eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * t_cur / t_i)) / 2


# --- cyclical learning rates (CyclicLR) --------------------------------------------------------


def _cyclic_shape(
    step: float,
    step_size_up: float,
    step_size_down: float | None,
    mode: str,
    gamma: float,
    scale_fn: Callable[[float], float] | None,
    scale_mode: str,
) -> float:
    """The triangle height in [0, 1] times the amplitude scale of the current cycle."""
    step = _require_step(step)
    up = _require_number("step_size_up", step_size_up)
    down = up if step_size_down is None else _require_number("step_size_down", step_size_down)
    if up <= 0:
        raise ValueError(f"step_size_up must be > 0, got {step_size_up}")
    if down < 0:
        raise ValueError(f"step_size_down must be >= 0, got {step_size_down}")
    if scale_fn is None:
        if mode not in CYCLIC_MODES:
            raise ValueError("mode is invalid and scale_fn is None")
        scale_mode = "iterations" if mode == "exp_range" else "cycle"
    elif not callable(scale_fn):
        raise TypeError(f"scale_fn must be callable, got {type(scale_fn).__name__}")
    if scale_mode not in SCALE_MODES:
        raise ValueError(f"scale_mode must be one of {SCALE_MODES}, got {scale_mode!r}")

    total = up + down
    ratio = up / total
    cycle = math.floor(1 + step / total)  # 1 for the first cycle
    x = 1.0 + step / total - cycle  # position inside the cycle, in [0, 1)
    height = x / ratio if x <= ratio else (x - 1) / (ratio - 1)

    argument = cycle if scale_mode == "cycle" else step
    if scale_fn is not None:
        scale = scale_fn(argument)
    elif mode == "triangular":
        scale = 1.0
    elif mode == "triangular2":
        scale = 1 / (2.0 ** (argument - 1))  # amplitude halved every cycle
    else:
        scale = gamma**argument  # exp_range: shrinks at every iteration
    return height * scale


def cyclic_lr(
    step: float,
    base_lr: float,
    max_lr: float,
    step_size_up: float = 2000,
    step_size_down: float | None = None,
    mode: str = "triangular",
    gamma: float = 1.0,
    scale_fn: Callable[[float], float] | None = None,
    scale_mode: str = "cycle",
) -> float:
    """Smith's cyclical learning rate: a triangle between ``base_lr`` and ``max_lr``.

    Args:
        step: batches seen so far (the scheduler's ``last_epoch``).
        base_lr: the lower boundary (the optimizer's own ``lr`` is ignored by torch).
        max_lr: the upper boundary; reached only where the amplitude scale is 1.
        step_size_up: iterations from ``base_lr`` up to the peak.
        step_size_down: iterations from the peak back down (default ``step_size_up``).
        mode: ``"triangular"`` (constant amplitude), ``"triangular2"`` (amplitude halved
            every cycle) or ``"exp_range"`` (amplitude times ``gamma**step``).
        gamma: the base of ``exp_range``.
        scale_fn: a custom amplitude scale in [0, 1]; when given, ``mode`` is ignored.
        scale_mode: what ``scale_fn`` receives: the cycle number (1, 2, ...) or the step.

    Returns:
        ``base_lr + (max_lr - base_lr) * height(step) * scale``.
    """
    shape = _cyclic_shape(step, step_size_up, step_size_down, mode, gamma, scale_fn, scale_mode)
    base_lr = _require_number("base_lr", base_lr)
    return base_lr + (_require_number("max_lr", max_lr) - base_lr) * shape


def cyclic_momentum(
    step: float,
    base_momentum: float = 0.8,
    max_momentum: float = 0.9,
    step_size_up: float = 2000,
    step_size_down: float | None = None,
    mode: str = "triangular",
    gamma: float = 1.0,
    scale_fn: Callable[[float], float] | None = None,
    scale_mode: str = "cycle",
) -> float:
    """The momentum (or Adam's beta1) ``CyclicLR`` sets: the mirror image of the learning rate.

    It is ``max_momentum`` where the learning rate is ``base_lr`` and ``base_momentum`` at the
    learning-rate peak: ``max_momentum - (max_momentum - base_momentum) * height * scale``.
    """
    shape = _cyclic_shape(step, step_size_up, step_size_down, mode, gamma, scale_fn, scale_mode)
    max_momentum = _require_number("max_momentum", max_momentum)
    return max_momentum - (max_momentum - _require_number("base_momentum", base_momentum)) * shape


# --- the one-cycle policy (OneCycleLR) ---------------------------------------------------------


def one_cycle_total_steps(
    total_steps: int | None = None,
    epochs: int | None = None,
    steps_per_epoch: int | None = None,
) -> int:
    """``total_steps`` if given, else ``epochs * steps_per_epoch`` (validated as torch does)."""
    if total_steps is not None:
        if isinstance(total_steps, bool) or not isinstance(total_steps, int) or total_steps <= 0:
            raise ValueError(f"Expected positive integer total_steps, but got {total_steps}")
        return total_steps
    if epochs is not None and steps_per_epoch is not None:
        if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs <= 0:
            raise ValueError(f"Expected positive integer epochs, but got {epochs}")
        if (
            isinstance(steps_per_epoch, bool)
            or not isinstance(steps_per_epoch, int)
            or steps_per_epoch <= 0
        ):
            raise ValueError(
                f"Expected positive integer steps_per_epoch, but got {steps_per_epoch}"
            )
        return epochs * steps_per_epoch
    raise ValueError("You must define either total_steps OR (epochs AND steps_per_epoch)")


def _one_cycle_phase(
    step: float, total_steps: int, pct_start: float, three_phase: bool
) -> tuple[int, float]:
    """The phase (0, 1 or 2) of ``step`` and the fraction of that phase already done.

    Phase ends as in torch: ``pct_start * total - 1``, then (three-phase only)
    ``2 pct_start * total - 2``, and ``total - 1``. The last phase also takes ``step =
    total_steps`` (fraction > 1); one step more raises, as ``OneCycleLR.step()`` does.
    """
    step = _require_step(step)
    if isinstance(pct_start, bool) or not isinstance(pct_start, float) or not 0 <= pct_start <= 1:
        raise ValueError(f"Expected float between 0 and 1 pct_start, but got {pct_start}")
    if step > total_steps:
        raise ValueError(
            f"Tried to step {int(step)} times. The specified number of total steps is {total_steps}"
        )
    ends = [float(pct_start * total_steps) - 1]
    if three_phase:
        ends.append(float(2 * pct_start * total_steps) - 2)
    ends.append(total_steps - 1)
    start = 0.0
    for phase, end in enumerate(ends):
        if step <= end or phase == len(ends) - 1:
            if end == start:
                raise ValueError(
                    f"pct_start={pct_start} with total_steps={total_steps} leaves phase "
                    f"{phase + 1} of the cycle empty (torch: ZeroDivisionError)"
                )
            return phase, (step - start) / (end - start)
        start = end
    raise AssertionError("unreachable")  # pragma: no cover


def _anneal(strategy: str, start: float, end: float, fraction: float) -> float:
    if strategy not in ANNEAL_STRATEGIES:
        raise ValueError(
            f"anneal_strategy must be one of 'cos' or 'linear', instead got {strategy}"
        )
    if strategy == "cos":
        return _half_cosine(start, end, fraction)
    return (end - start) * fraction + start


def one_cycle_lr(
    step: float,
    max_lr: float,
    total_steps: int | None = None,
    epochs: int | None = None,
    steps_per_epoch: int | None = None,
    pct_start: float = 0.3,
    anneal_strategy: str = "cos",
    div_factor: float = 25.0,
    final_div_factor: float = 1e4,
    three_phase: bool = False,
) -> float:
    """The 1cycle learning rate: warm up to ``max_lr``, then anneal far below the start.

    Two phases (torch's default, as fastai): ``initial_lr = max_lr / div_factor`` up to
    ``max_lr`` during the first ``pct_start`` of the steps, then down to ``min_lr =
    initial_lr / final_div_factor``. With ``three_phase=True`` (Smith & Topin's paper): up,
    back down to ``initial_lr`` symmetrically, then down to ``min_lr``. Each piece is a half
    cosine (``anneal_strategy="cos"``) or a straight line (``"linear"``).

    Args:
        step: batches seen so far (the scheduler's ``last_epoch``), at most ``total_steps``.
        max_lr: the peak learning rate (the optimizer's own ``lr`` is ignored by torch).
        total_steps: length of the cycle; or give ``epochs`` and ``steps_per_epoch``.
        epochs: epochs of training, with ``steps_per_epoch``.
        steps_per_epoch: batches per epoch, with ``epochs``.
        pct_start: fraction of the steps spent warming up (a float in [0, 1]).
        anneal_strategy: ``"cos"`` or ``"linear"``.
        div_factor: ``max_lr / initial_lr``.
        final_div_factor: ``initial_lr / min_lr``.
        three_phase: use the paper's three phases instead of two.

    Returns:
        The learning rate for the next optimizer step.
    """
    total = one_cycle_total_steps(total_steps, epochs, steps_per_epoch)
    phase, fraction = _one_cycle_phase(step, total, pct_start, three_phase)
    max_lr = _require_number("max_lr", max_lr)
    initial_lr = max_lr / _require_number("div_factor", div_factor)
    min_lr = initial_lr / _require_number("final_div_factor", final_div_factor)
    if three_phase:
        start, end = [(initial_lr, max_lr), (max_lr, initial_lr), (initial_lr, min_lr)][phase]
    else:
        start, end = [(initial_lr, max_lr), (max_lr, min_lr)][phase]
    return _anneal(anneal_strategy, start, end, fraction)


def one_cycle_momentum(
    step: float,
    total_steps: int | None = None,
    epochs: int | None = None,
    steps_per_epoch: int | None = None,
    pct_start: float = 0.3,
    anneal_strategy: str = "cos",
    base_momentum: float = 0.85,
    max_momentum: float = 0.95,
    three_phase: bool = False,
) -> float:
    """The momentum (or Adam's beta1) ``OneCycleLR`` sets: high when the learning rate is low.

    It falls from ``max_momentum`` to ``base_momentum`` while the learning rate warms up and
    climbs back while it anneals; in the third phase of ``three_phase`` it stays at
    ``max_momentum``.
    """
    total = one_cycle_total_steps(total_steps, epochs, steps_per_epoch)
    phase, fraction = _one_cycle_phase(step, total, pct_start, three_phase)
    low = _require_number("base_momentum", base_momentum)
    high = _require_number("max_momentum", max_momentum)
    if three_phase:
        start, end = [(high, low), (low, high), (high, high)][phase]
    else:
        start, end = [(high, low), (low, high)][phase]
    return _anneal(anneal_strategy, start, end, fraction)
