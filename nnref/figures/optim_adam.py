"""Figures of the Adam family and of weight decay: trajectories on the common bowl, and how an L2
penalty and decoupled decay shrink weights whose gradients have different scales."""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.optim import bowl_figure, draw_bowl, draw_path, trajectory
from nnref.figures.palette import BLUE, GREEN, ORANGE, RED

STEPS = 60


def adam_trajectory() -> Figure:
    """Adam with two learning rates and without momentum, 60 steps from the common start."""
    return bowl_figure(
        [
            (torch.optim.Adam, dict(lr=0.1), BLUE, "Adam, lr = 0.1"),
            (torch.optim.Adam, dict(lr=0.5), ORANGE, "Adam, lr = 0.5"),
            (
                torch.optim.Adam,
                dict(lr=0.1, betas=(0.0, 0.999)),
                GREEN,
                "lr = 0.1, betas = (0.0, 0.999)",
            ),
        ],
        STEPS,
    )


def adamw_trajectory() -> Figure:
    """Adam, Adam with an L2 penalty (exactly the same path) and AdamW on the bowl."""
    figure, ax = plt.subplots(figsize=(7.5, 4))
    draw_bowl(ax)
    penalised = trajectory(torch.optim.Adam, steps=STEPS, lr=0.1, weight_decay=0.5)
    ax.plot(
        penalised[:, 0],
        penalised[:, 1],
        "-",
        color=ORANGE,
        linewidth=6,
        alpha=0.5,
        label="Adam, lr = 0.1, weight_decay = 0.5",
    )
    draw_path(ax, trajectory(torch.optim.Adam, steps=STEPS, lr=0.1), BLUE, "Adam, lr = 0.1")
    decoupled = trajectory(torch.optim.AdamW, steps=STEPS, lr=0.1, weight_decay=0.5)
    draw_path(ax, decoupled, GREEN, "AdamW, lr = 0.1, weight_decay = 0.5")
    ax.legend(loc="lower right", fontsize=9)
    return figure


def adamax_trajectory() -> Figure:
    """Adamax with two learning rates, and Adam at the smaller one, on the bowl."""
    return bowl_figure(
        [
            (torch.optim.Adamax, dict(lr=0.1), BLUE, "Adamax, lr = 0.1"),
            (torch.optim.Adamax, dict(lr=0.5), ORANGE, "Adamax, lr = 0.5"),
            (torch.optim.Adam, dict(lr=0.1), GREEN, "Adam, lr = 0.1"),
        ],
        STEPS,
    )


def _shrinking_weight(
    optimizer_class: type, sigma: float, steps: int, **options: object
) -> torch.Tensor:
    """A weight w (start 1) whose data gradient alternates +-sigma; its values over the steps."""
    w = torch.ones(1, dtype=torch.float64, requires_grad=True)
    optimizer = optimizer_class([w], **options)
    values = [1.0]
    for step in range(steps):
        optimizer.zero_grad()
        (sigma * (-1) ** step * w).sum().backward()
        optimizer.step()
        values.append(w.item())
    return torch.tensor(values)


def weight_decay_shrinkage() -> Figure:
    """Adam(weight_decay) and AdamW on weights with gradient scales 0, 0.1 and 10."""
    figure, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True)
    steps, every = 1500, 5  # draw every 5th step: the curves are smooth
    t = torch.arange(0, steps + 1, every)
    options = dict(lr=0.01, weight_decay=0.1)
    for ax, optimizer_class in zip(axes, (torch.optim.Adam, torch.optim.AdamW), strict=True):
        for sigma, color in ((0.0, RED), (0.1, ORANGE), (10.0, BLUE)):
            values = _shrinking_weight(optimizer_class, sigma, steps, **options)[::every]
            ax.plot(t, values, color=color, linewidth=1.5, label=f"$\\sigma = {sigma:g}$")
        decay = (1 - 0.01 * 0.1) ** t
        ax.plot(t, decay, color="black", linestyle=":", linewidth=1, label="$(1 - 10^{-3})^t$")
        ax.set_title(f"{optimizer_class.__name__}(lr=0.01, weight_decay=0.1)", fontsize=10)
        ax.set_xlabel("$t$")
        ax.set_ylim(-0.05, 1.05)
    axes[0].set_ylabel("$w_t$")
    axes[1].legend(loc="upper right", fontsize=9)
    return figure


FIGURES = {
    "weight-decay-shrinkage": weight_decay_shrinkage,
    "adam-trajectory": adam_trajectory,
    "adamw-trajectory": adamw_trajectory,
    "adamax-trajectory": adamax_trajectory,
}
CODE_NAMES = {"Adam", "AdamW", "Adamax", "lr", "betas", "weight_decay"}
