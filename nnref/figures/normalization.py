"""Figures of the normalization layers: the axes of each statistic, running means, LRN windows."""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from torch import nn

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.layers.local_response_norm import lrn_window

# The cube of an (N, C, H*W) activation tensor: N to the right, H*W upwards, C into the page.
_N, _C, _HW = 4, 6, 5
_DEPTH = (0.45, 0.32)  # screen offset of one step along C


def _project(n: float, hw: float, c: float) -> tuple[float, float]:
    return n + c * _DEPTH[0], hw + c * _DEPTH[1]


def _draw_cube(ax, selected, color: str) -> None:
    """Draw the three visible faces cell by cell; ``selected(n, c, hw)`` cells are coloured."""
    light = "#F2F2F2"

    def cell(corners, chosen):
        points = [_project(*corner) for corner in corners]
        face = color if chosen else light
        ax.add_patch(Polygon(points, closed=True, facecolor=face, edgecolor=GREY, linewidth=0.6))

    for n in range(_N):  # front face: c = 0
        for hw in range(_HW):
            corners = [(n, hw, 0), (n + 1, hw, 0), (n + 1, hw + 1, 0), (n, hw + 1, 0)]
            cell(corners, selected(n, 0, hw))
    for n in range(_N):  # top face: the last row of H*W
        for c in range(_C):
            corners = [(n, _HW, c), (n + 1, _HW, c), (n + 1, _HW, c + 1), (n, _HW, c + 1)]
            cell(corners, selected(n, c, _HW - 1))
    for c in range(_C):  # right face: the last example
        for hw in range(_HW):
            corners = [(_N, hw, c), (_N, hw + 1, c), (_N, hw + 1, c + 1), (_N, hw, c + 1)]
            cell(corners, selected(_N - 1, c, hw))
    ax.text(_N / 2, -0.35, "$N$", ha="center", va="top", fontsize=12)
    ax.text(-0.3, _HW / 2, r"$H\!\cdot\!W$", ha="right", va="center", fontsize=12)
    x, y = _project(-0.15, _HW + 0.1, _C / 2)
    ax.text(x, y, "$C$", ha="right", va="bottom", fontsize=12)
    ax.set_xlim(-1.6, _N + _C * _DEPTH[0] + 0.3)
    ax.set_ylim(-1.0, _HW + _C * _DEPTH[1] + 0.4)
    ax.set_aspect("equal")
    ax.set_axis_off()


def normalization_axes() -> Figure:
    """For each layer, the values that share one mean and one variance (coloured)."""
    panels = [
        ("BatchNorm", BLUE, lambda n, c, hw: c == 0),
        ("LayerNorm", ORANGE, lambda n, c, hw: n == 0),
        ("InstanceNorm", RED, lambda n, c, hw: n == 0 and c == 0),
        ("GroupNorm", PURPLE, lambda n, c, hw: n == 0 and c < 3),
        ("LocalResponseNorm", GREEN, lambda n, c, hw: n == 0 and c < 3 and hw == _HW - 1),
    ]
    figure, axes = plt.subplots(1, len(panels), figsize=(13, 3.1))
    for ax, (title, color, selected) in zip(axes, panels, strict=True):
        _draw_cube(ax, selected, color)
        ax.set_title(title, fontsize=12, family="monospace")
    return figure


def batch_norm_running_mean() -> Figure:
    """``running_mean`` of ``nn.BatchNorm1d`` over training steps, for three momentum values."""
    generator = torch.Generator().manual_seed(0)
    true_mean, steps = 3.0, 60
    batches = [true_mean + 2.0 * torch.randn(16, 1, generator=generator) for _ in range(steps)]
    figure, ax = plt.subplots(figsize=(7.5, 3.8))
    batch_means = [float(b.mean()) for b in batches]
    ax.scatter(
        range(1, steps + 1),
        batch_means,
        s=10,
        color=GREY,
        alpha=0.6,
        label=r"$\bar{x}_{\mathcal{B}}$",
    )
    for momentum, color in ((0.1, BLUE), (0.01, ORANGE), (None, PURPLE)):
        layer = nn.BatchNorm1d(1, momentum=momentum)
        history = []
        for batch in batches:
            layer(batch)
            history.append(float(layer.running_mean))
        ax.plot(
            range(1, steps + 1), history, color=color, linewidth=2, label=f"momentum={momentum}"
        )
    ax.axhline(true_mean, color=RED, linestyle="--", linewidth=1, label=r"$\mu = 3$")
    ax.set_xlabel("num_batches_tracked")
    ax.set_ylabel("running_mean")
    ax.set_xlim(0, steps + 1)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=9, ncol=5, frameon=False)
    return figure


def local_response_norm_window() -> Figure:
    """Which channels ``c'`` enter the sum of output channel ``c``, for three layers."""
    channels = 8
    panels = [
        ("LocalResponseNorm(5)", lrn_window(channels, 5)),
        ("LocalResponseNorm(4)", lrn_window(channels, 4)),
        ("CrossMapLRN2d(5)", lrn_window(channels, 5, cross_map=True)),
    ]
    figure, axes = plt.subplots(1, 3, figsize=(11, 3.9))
    for ax, (title, window) in zip(axes, panels, strict=True):
        ax.imshow(window.numpy(), cmap="Blues", vmin=0, vmax=1.4)
        ax.set_title(title, fontsize=11, family="monospace")
        ax.set_xlabel("$c'$")
        ax.set_ylabel("$c$")
        ax.set_xticks(range(channels))
        ax.set_yticks(range(channels))
        ax.set_xticks([i - 0.5 for i in range(1, channels)], minor=True)
        ax.set_yticks([i - 0.5 for i in range(1, channels)], minor=True)
        ax.grid(which="minor", color="white", linewidth=1)
        ax.grid(which="major", visible=False)
        ax.tick_params(which="minor", length=0)
    return figure


FIGURES = {
    "normalization-axes": normalization_axes,
    "batch-norm-running-mean": batch_norm_running_mean,
    "local-response-norm-window": local_response_norm_window,
}
CODE_NAMES = {
    "BatchNorm",
    "LayerNorm",
    "InstanceNorm",
    "GroupNorm",
    "LocalResponseNorm",
    "CrossMapLRN2d",
    "momentum",
    "None",
    "num_batches_tracked",
    "running_mean",
}
