"""Figures of the shape and utility layers: reshaping, upsampling, pixel shuffle, distances."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.figure import Figure
from torch.nn import functional as F

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

LIGHT = {BLUE: "#E8F1FA", ORANGE: "#FDF1DC", GREEN: "#E6F5EF", PURPLE: "#F5E6EF"}


def _cell(ax, x, y, text, colour, size=1.0, fontsize=12) -> None:
    ax.add_patch(plt.Rectangle((x, y), size, size, facecolor=LIGHT[colour], edgecolor=colour))
    ax.text(x + size / 2, y + size / 2, text, ha="center", va="center", fontsize=fontsize)


def _arrow(ax, start, end) -> None:
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": GREY, "lw": 1.5})


def reshaping() -> Figure:
    """Flatten keeps row-major order; ChannelShuffle interleaves the channels of its groups."""
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(8, 5.6))
    # Flatten: a (2, 3) matrix becomes a row of 6 in row-major order
    for r in range(2):
        for c in range(3):
            _cell(top, c, 1 - r, str(3 * r + c), BLUE if r == 0 else ORANGE)
    top.text(1.5, 2.25, "$(2, 3)$", ha="center", fontsize=12)
    _arrow(top, (3.4, 1.0), (4.6, 1.0))
    top.text(4.0, 1.25, "Flatten", ha="center", fontsize=11)
    for k in range(6):
        _cell(top, 5 + k, 0.5, str(k), BLUE if k < 3 else ORANGE)
    top.text(8.0, 1.75, "$(6,)$", ha="center", fontsize=12)
    top.set_xlim(-0.3, 11.3)
    top.set_ylim(-0.3, 2.8)
    # ChannelShuffle(2): 6 channels in 2 groups -> interleaved
    groups, per_group = 2, 3
    order = [i * per_group + k for k in range(per_group) for i in range(groups)]
    for c in range(6):
        colour = BLUE if c < per_group else ORANGE
        _cell(bottom, 1.6 * c, 2.2, f"${c}$", colour, size=0.9)
    for position, c in enumerate(order):
        colour = BLUE if c < per_group else ORANGE
        _cell(bottom, 1.6 * position, 0, f"${c}$", colour, size=0.9)
        bottom.annotate(
            "",
            xy=(1.6 * position + 0.45, 0.95),
            xytext=(1.6 * c + 0.45, 2.15),
            arrowprops={"arrowstyle": "->", "color": GREY, "lw": 1.1},
        )
    bottom.text(-0.4, 2.65, "$c$", ha="right", va="center", fontsize=12)
    bottom.text(9.6, 1.55, "ChannelShuffle(2)", ha="left", va="center", fontsize=11)
    bottom.set_xlim(-0.8, 12.8)
    bottom.set_ylim(-0.4, 3.4)
    for ax in (top, bottom):
        ax.set_aspect("equal")
        ax.set_axis_off()
    return figure


def upsampling() -> Figure:
    """Where 8 output samples read a 4-sample signal: nearest, and linear with both alignments."""
    signal = torch.tensor([1.0, 3.0, 2.0, 4.0], dtype=torch.float64).reshape(1, 1, 4)
    out_size = 8
    rows = [
        ('mode="nearest"', {"mode": "nearest"}, GREEN),
        ("align_corners=False", {"mode": "linear", "align_corners": False}, BLUE),
        ("align_corners=True", {"mode": "linear", "align_corners": True}, ORANGE),
    ]
    figure, axes = plt.subplots(3, 1, figsize=(8, 6.6), sharex=True)
    dst = np.arange(out_size)
    for ax, (label, kwargs, colour) in zip(axes, rows, strict=True):
        values = F.interpolate(signal, size=out_size, **kwargs)[0, 0].numpy()
        # where output sample j sits in input index units (the linear modes read the value
        # there, clamped at the ends; nearest takes the input pixel that covers it)
        if kwargs.get("align_corners"):
            src = dst * (4 - 1) / (out_size - 1)
        else:
            src = (dst + 0.5) * 4 / out_size - 0.5
        # input samples at their centres 0..3, each pixel covering [i - 0.5, i + 0.5]
        for i, v in enumerate(signal[0, 0].numpy()):
            ax.add_patch(plt.Rectangle((i - 0.5, 0), 1, v, facecolor="#EEEEEE", edgecolor=GREY))
        ax.scatter(range(4), signal[0, 0].numpy(), s=70, color=GREY, zorder=3)
        ax.scatter(src, values, s=36, color=colour, zorder=4, marker="D")
        for s, v in zip(src, values, strict=True):
            ax.plot([s, s], [0, v], color=colour, linewidth=0.8, alpha=0.6)
        ax.set_ylim(0, 4.8)
        ax.set_yticks([0, 2, 4])
        ax.text(-0.45, 4.3, label, fontsize=11, color=colour, va="center")
    axes[-1].set_xticks([-0.5, 0, 1, 2, 3, 3.5])
    axes[-1].set_xticklabels(["$-0.5$", "$0$", "$1$", "$2$", "$3$", "$3.5$"])
    axes[-1].set_xlim(-0.7, 3.7)
    figure.tight_layout()
    return figure


def pixel_shuffle() -> Figure:
    """PixelShuffle(2): 4 channels of 2x2 become 1 channel of 4x4, one 2x2 block per pixel."""
    r = 2
    x = torch.arange(16).reshape(1, r * r, 2, 2)
    y = F.pixel_shuffle(x.float(), r)[0, 0].int()
    colours = [BLUE, ORANGE, GREEN, PURPLE]
    figure, ax = plt.subplots(figsize=(8.6, 3.6))
    for c in range(r * r):
        x0 = 2.6 * c
        for h in range(2):
            for w in range(2):
                _cell(ax, x0 + w, 1 - h + 0.5, str(int(x[0, c, h, w])), colours[c])
        ax.text(x0 + 1, 2.85, f"$c={c}$", ha="center", fontsize=12)
    ax.text(4.8, -0.25, "$(4, 2, 2)$", ha="center", va="top", fontsize=12)
    _arrow(ax, (10.2, 1.5), (12.5, 1.5))
    ax.text(11.35, 1.75, "PixelShuffle(2)", ha="center", fontsize=11)
    for h in range(4):
        for w in range(4):
            value = int(y[h, w])
            _cell(ax, 12.8 + w * 0.75, 2.25 - h * 0.75, str(value), colours[value // 4], 0.75)
    ax.text(14.3, -0.25, "$(1, 4, 4)$", ha="center", va="top", fontsize=12)
    ax.set_xlim(-0.3, 16.1)
    ax.set_ylim(-0.9, 3.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


def distance() -> Figure:
    """Cosine similarity ignores length; Euclidean distance does not."""
    a, b, c = np.array([2.0, 1.0]), np.array([4.0, 2.0]), np.array([1.0, 2.0])
    figure, ax = plt.subplots(figsize=(6.4, 5))
    for vector, name, colour in ((a, "a", BLUE), (b, "b", ORANGE), (c, "c", GREEN)):
        ax.annotate(
            "",
            xy=vector,
            xytext=(0, 0),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2, "shrinkA": 0, "shrinkB": 0},
        )
        below = name == "a"
        ax.text(
            vector[0] + 0.1,
            vector[1] + (-0.35 if below else 0.12),
            f"${name}$",
            fontsize=15,
            color=colour,
        )
    # Euclidean distances: dashed segments between the tips
    for u, v in ((a, b), (a, c)):
        ax.plot([u[0], v[0]], [u[1], v[1]], linestyle="--", color=RED, linewidth=1.3)
    # the angle between a and c
    angles = np.linspace(np.arctan2(a[1], a[0]), np.arctan2(c[1], c[0]), 30)
    ax.plot(0.8 * np.cos(angles), 0.8 * np.sin(angles), color=GREY, linewidth=1.2)
    ax.text(0.9, 0.72, r"$\theta$", fontsize=13, color=GREY)

    def cos(u, v):
        return float(u @ v / np.linalg.norm(u) / np.linalg.norm(v))

    ax.text(
        0.1,
        3.4,
        rf"$\cos(a, b) = {cos(a, b):.2f}, \quad \|a - b\|_2 = {np.linalg.norm(a - b):.2f}$",
        fontsize=12,
    )
    ax.text(
        0.1,
        2.95,
        rf"$\cos(a, c) = {cos(a, c):.2f}, \quad \|a - c\|_2 = {np.linalg.norm(a - c):.2f}$",
        fontsize=12,
    )
    ax.set_xlim(-0.2, 4.6)
    ax.set_ylim(-0.2, 3.8)
    ax.set_aspect("equal")
    return figure


FIGURES = {
    "reshaping": reshaping,
    "upsampling": upsampling,
    "pixel-shuffle": pixel_shuffle,
    "distance": distance,
}
CODE_NAMES = {
    "Flatten",
    "ChannelShuffle",
    "PixelShuffle",
    "mode",
    "nearest",
    "align_corners",
    "True",
    "False",
}
