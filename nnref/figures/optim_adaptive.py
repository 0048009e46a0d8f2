"""Figures of the adaptive methods: Adagrad, RMSprop, Adadelta, Rprop (and SGD, Adam to compare).

Every trajectory is computed by torch.optim itself on the common bowl of
``nnref.figures.optim`` from its common start.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter

from nnref.figures.optim import START, bowl, bowl_figure, draw_bowl, draw_path, trajectory
from nnref.figures.palette import BLUE, GREEN, ORANGE, PURPLE, RED


def adaptive_methods_trajectories() -> Figure:
    """SGD, Adagrad, RMSprop and Adam on the bowl, 40 steps each."""
    return bowl_figure(
        [
            (torch.optim.SGD, dict(lr=0.05), BLUE, "SGD, lr = 0.05"),
            (torch.optim.Adagrad, dict(lr=0.5), ORANGE, "Adagrad, lr = 0.5"),
            (torch.optim.RMSprop, dict(lr=0.02), GREEN, "RMSprop, lr = 0.02"),
            (torch.optim.Adam, dict(lr=0.2), PURPLE, "Adam, lr = 0.2"),
        ]
    )


def _effective_lrs(
    optimizer_class: type, key: str, steps: int = 40, **options: object
) -> torch.Tensor:
    """``lr / (sqrt(state[key]) + eps)`` for both coordinates after each step on the bowl."""
    w = torch.tensor(START, requires_grad=True)
    optimizer = optimizer_class([w], **options)
    group = optimizer.param_groups[0]
    rows = []
    for _ in range(steps):
        optimizer.zero_grad()
        bowl(w[0], w[1]).backward()
        optimizer.step()
        rows.append(group["lr"] / (optimizer.state[w][key].sqrt() + group["eps"]))
    return torch.stack(rows)


def adaptive_methods_step_sizes() -> Figure:
    """Per-coordinate step sizes of Adagrad and RMSprop over 200 steps, against 1/h."""
    figure, ax = plt.subplots(figsize=(7.5, 4))
    steps = torch.arange(1, 201)
    runs = [
        (torch.optim.Adagrad, "sum", dict(lr=0.5), ORANGE, "Adagrad, lr = 0.5"),
        (torch.optim.RMSprop, "square_avg", dict(lr=0.05), GREEN, "RMSprop, lr = 0.05"),
    ]
    for optimizer_class, key, options, color, name in runs:
        sizes = _effective_lrs(optimizer_class, key, steps=len(steps), **options)
        ax.plot(steps, sizes[:, 0], "-", color=color, label=f"{name}, $w_1$")
        ax.plot(steps, sizes[:, 1], "--", color=color, label=f"{name}, $w_2$")
    for curvature, label in ((0.2, "$1/h_1 = 5$"), (4.0, "$1/h_2 = 0.25$")):
        ax.axhline(1 / curvature, color=RED, linewidth=0.8, linestyle=":")
        ax.annotate(
            label,
            (len(steps), 1 / curvature),
            xytext=(-2, -11),
            textcoords="offset points",
            ha="right",
            color=RED,
            fontsize=9,
        )
    ax.set_yscale("log")
    ax.set_ylim(0.02, 40)
    ax.set_xlabel("$t$")
    ax.set_ylabel(r"$\eta\,/\,(\sqrt{v_{t,i}} + \epsilon)$")
    ax.legend(loc="upper left", fontsize=9, ncols=2)
    return figure


def adagrad_trajectory() -> Figure:
    """Adagrad with a small and a large learning rate."""
    return bowl_figure(
        [
            (torch.optim.Adagrad, dict(lr=0.1), BLUE, "lr = 0.1"),
            (torch.optim.Adagrad, dict(lr=0.5), ORANGE, "lr = 0.5"),
            (torch.optim.Adagrad, dict(lr=1.5), GREEN, "lr = 1.5"),
        ]
    )


def rmsprop_trajectory() -> Figure:
    """RMSprop with its default alpha, with a short memory, and with momentum."""
    return bowl_figure(
        [
            (torch.optim.RMSprop, dict(lr=0.05), BLUE, "lr = 0.05"),
            (torch.optim.RMSprop, dict(lr=0.05, alpha=0.9), ORANGE, "lr = 0.05, alpha = 0.9"),
            (torch.optim.RMSprop, dict(lr=0.02, momentum=0.8), GREEN, "lr = 0.02, momentum = 0.8"),
        ]
    )


def adadelta_trajectory() -> Figure:
    """Adadelta over 200 steps (left) and the length of each of its steps (right)."""
    figure, (ax, lengths) = plt.subplots(1, 2, figsize=(12, 4), width_ratios=(1.6, 1))
    draw_bowl(ax)
    runs = [  # the default last, on top of the faster path it would hide
        (dict(eps=1e-4), ORANGE, "-", "lr = 1, eps = 1e-4"),
        (dict(lr=10.0), GREEN, "--", "lr = 10, eps = 1e-6"),
        (dict(), BLUE, "-", "lr = 1, eps = 1e-6"),
    ]
    for options, color, style, label in runs:
        points = trajectory(torch.optim.Adadelta, steps=200, **options)
        if style == "-":
            draw_path(ax, points, color, label)
        step_lengths = (points[1:] - points[:-1]).norm(dim=1)
        lengths.plot(torch.arange(1, 201), step_lengths, style, color=color, label=label)
    ax.legend(loc="lower right", fontsize=9)
    lengths.set_yscale("log")
    ticks = [0.002, 0.005, 0.01, 0.02, 0.05]
    lengths.set_yticks(ticks, labels=[str(tick) for tick in ticks])
    lengths.yaxis.set_minor_formatter(NullFormatter())
    lengths.set_xlabel("$t$")
    lengths.set_ylabel(r"$\|w_t - w_{t-1}\|$")
    lengths.legend(loc="lower center", fontsize=9)
    return figure


def rprop_trajectory() -> Figure:
    """Rprop from the default initial step size and from a large one."""
    return bowl_figure(
        [
            (torch.optim.Rprop, dict(lr=0.01), BLUE, "lr = 0.01"),
            (torch.optim.Rprop, dict(lr=0.5), ORANGE, "lr = 0.5"),
        ]
    )


FIGURES = {
    "adaptive-methods-trajectories": adaptive_methods_trajectories,
    "adaptive-methods-step-sizes": adaptive_methods_step_sizes,
    "adagrad-trajectory": adagrad_trajectory,
    "rmsprop-trajectory": rmsprop_trajectory,
    "adadelta-trajectory": adadelta_trajectory,
    "rprop-trajectory": rprop_trajectory,
}
CODE_NAMES = {
    "lr",
    "alpha",
    "momentum",
    "eps",
    "SGD",
    "Adagrad",
    "RMSprop",
    "Adam",
    "Adadelta",
    "Rprop",
}
