"""Learning rate over the steps, drawn from torch.optim.lr_scheduler itself.

``lr-warmup-cosine``: linear warm-up then cosine annealing, built with ``SequentialLR``, with
one ``LambdaLR`` formula, and (for contrast) with ``ChainedScheduler``. ``lr-decay``: one panel
per decay scheduler (StepLR, MultiStepLR, ExponentialLR, ConstantLR, LinearLR, PolynomialLR).
"""

from collections.abc import Callable

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from torch.optim import lr_scheduler

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.optim.schedules import record_lrs, warmup_cosine_lr

STEPS = 100
BASE_LR = 0.1
WARMUP = 10


def _lrs(make: Callable[[torch.optim.Optimizer], lr_scheduler.LRScheduler], base_lr: float):
    """The learning rate of ``STEPS`` steps of the scheduler ``make(optimizer)`` builds."""
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    return record_lrs(make(optimizer), STEPS)


def _warmup_then_cosine(optimizer: torch.optim.Optimizer) -> lr_scheduler.SequentialLR:
    warmup = lr_scheduler.LinearLR(optimizer, start_factor=0.01, total_iters=WARMUP)
    cosine = lr_scheduler.CosineAnnealingLR(optimizer, T_max=STEPS - WARMUP)
    return lr_scheduler.SequentialLR(optimizer, [warmup, cosine], milestones=[WARMUP])


def _warmup_times_cosine(optimizer: torch.optim.Optimizer) -> lr_scheduler.ChainedScheduler:
    warmup = lr_scheduler.LinearLR(optimizer, start_factor=0.01, total_iters=WARMUP)
    cosine = lr_scheduler.CosineAnnealingLR(optimizer, T_max=STEPS)
    return lr_scheduler.ChainedScheduler([warmup, cosine], optimizer=optimizer)


def _formula(step: int) -> float:
    return warmup_cosine_lr(step, BASE_LR, WARMUP, STEPS, start_factor=0.01) / BASE_LR


def lr_warmup_cosine() -> Figure:
    """Warm-up + cosine: SequentialLR and LambdaLR agree; ChainedScheduler differs."""
    figure, ax = plt.subplots(figsize=(7.5, 3.6))
    steps = range(STEPS)
    sequential = _lrs(_warmup_then_cosine, BASE_LR)
    formula = _lrs(lambda optimizer: lr_scheduler.LambdaLR(optimizer, _formula), BASE_LR)
    chained = _lrs(_warmup_times_cosine, BASE_LR)
    ax.plot(steps, sequential, color=BLUE, linewidth=2, label="SequentialLR")
    ax.plot(steps[::4], formula[::4], "o", color=ORANGE, markersize=4, label="LambdaLR")
    ax.plot(steps, chained, "--", color=GREY, linewidth=1.2, label="ChainedScheduler")
    ax.axvline(WARMUP, color="black", linewidth=0.8, linestyle=":")
    ax.set_xlabel("$t$")
    ax.set_ylabel(r"$\eta_t$")
    ax.set_xlim(0, STEPS)
    ax.set_ylim(0, BASE_LR * 1.05)
    ax.legend(loc="upper right", fontsize=9)
    return figure


DECAY_PANELS = [
    ("StepLR(step_size=30, gamma=0.5)", lambda o: lr_scheduler.StepLR(o, 30, gamma=0.5)),
    ("MultiStepLR(milestones=[30, 80])", lambda o: lr_scheduler.MultiStepLR(o, [30, 80])),
    ("ExponentialLR(gamma=0.97)", lambda o: lr_scheduler.ExponentialLR(o, gamma=0.97)),
    (
        "ConstantLR(factor=0.5, total_iters=40)",
        lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=40),
    ),
    (
        "LinearLR(start_factor=0.25, total_iters=40)",
        lambda o: lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=40),
    ),
    (
        "PolynomialLR(total_iters=80, power=2)",
        lambda o: lr_scheduler.PolynomialLR(o, total_iters=80, power=2.0),
    ),
]
PANEL_COLORS = [BLUE, ORANGE, GREEN, PURPLE, RED, BLUE]


def lr_decay() -> Figure:
    """Six decay schedulers, 100 steps each, as a multiple of the initial learning rate."""
    figure, axes = plt.subplots(2, 3, figsize=(10, 5.4), sharex=True, sharey=True)
    for ax, (title, make), color in zip(axes.flat, DECAY_PANELS, PANEL_COLORS, strict=True):
        ax.step(range(STEPS), _lrs(make, 1.0), where="post", color=color, linewidth=1.8)
        ax.set_title(title, fontsize=9)
        ax.set_xlim(0, STEPS)
        ax.set_ylim(0, 1.05)
    for ax in axes[1]:
        ax.set_xlabel("$t$")
    for ax in axes[:, 0]:
        ax.set_ylabel(r"$\eta_t / \eta_{\mathrm{base}}$")
    figure.tight_layout()
    return figure


FIGURES = {"lr-warmup-cosine": lr_warmup_cosine, "lr-decay": lr_decay}
CODE_NAMES = {
    "SequentialLR",
    "LambdaLR",
    "ChainedScheduler",
    "StepLR",
    "MultiStepLR",
    "ExponentialLR",
    "ConstantLR",
    "LinearLR",
    "PolynomialLR",
    "step_size",
    "gamma",
    "milestones",
    "factor",
    "total_iters",
    "start_factor",
    "power",
}
