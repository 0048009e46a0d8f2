"""Figures of the pooling pages: max vs average pooling, adaptive windows, fractional windows,
max unpooling. Every number drawn is computed by torch or by nnref, not typed in."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nnref.figures._drawing import unit_cell
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE
from nnref.layers.fractional_pooling import fractional_intervals
from nnref.layers.pooling import adaptive_bounds

# The 4 x 4 example of the pages (also used by the maxpool2d and maxunpool2d snippets).
EXAMPLE = torch.tensor(
    [
        [1.0, 3.0, 2.0, 1.0],
        [4.0, 2.0, 0.0, 1.0],
        [5.0, 1.0, 2.0, 8.0],
        [0.0, 6.0, 7.0, 3.0],
    ]
)
WINDOW_COLORS = [BLUE, ORANGE, GREEN, PURPLE]


def _number(value: float) -> str:
    return f"{value:g}"


def _grid(ax, values, x0, y0, fills, bold=None, size=1.0, fontsize=12) -> None:
    """Draw a matrix of numbers with its top-left corner at (x0, y0), rows going down."""
    rows, cols = values.shape
    for r in range(rows):
        for c in range(cols):
            ax.add_patch(
                Rectangle(
                    (x0 + c * size, y0 - (r + 1) * size),
                    size,
                    size,
                    facecolor=fills[r][c],
                    edgecolor="white",
                    linewidth=1.5,
                    alpha=0.35 if fills[r][c] != "white" else 1.0,
                )
            )
            weight = "bold" if bold is not None and bold[r][c] else "normal"
            ax.text(
                x0 + (c + 0.5) * size,
                y0 - (r + 0.5) * size,
                _number(float(values[r, c])),
                ha="center",
                va="center",
                fontsize=fontsize,
                fontweight=weight,
            )
    ax.add_patch(
        Rectangle(
            (x0, y0 - rows * size), cols * size, rows * size, fill=False, edgecolor=GREY, lw=1
        )
    )


def _window_fills(rows: int, cols: int, block: int) -> list[list[str]]:
    """The colour of each cell of a map cut into non-overlapping block x block windows."""
    per_row = cols // block
    return [
        [WINDOW_COLORS[(r // block) * per_row + c // block] for c in range(cols)]
        for r in range(rows)
    ]


def _arrow(ax, start, end, label) -> None:
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle="->", color=GREY, lw=1.5))
    ax.text(
        (start[0] + end[0]) / 2,
        (start[1] + end[1]) / 2 + 0.25,
        label,
        ha="center",
        va="bottom",
        fontsize=11,
    )


def pooling() -> Figure:
    """A 4 x 4 map cut into four 2 x 2 windows, and its max and average pooling."""
    x = EXAMPLE.view(1, 1, 4, 4)
    maxima, indices = F.max_pool2d(x, 2, return_indices=True)
    means = F.avg_pool2d(x, 2)
    winners = torch.zeros(16, dtype=torch.bool)
    winners[indices.flatten()] = True

    figure, ax = plt.subplots(figsize=(8, 3.8))
    _grid(ax, EXAMPLE, 0, 4, _window_fills(4, 4, 2), bold=winners.view(4, 4).tolist())
    ax.text(2, 4.35, "$x$", ha="center", fontsize=13)
    out_fills = [[WINDOW_COLORS[0], WINDOW_COLORS[1]], [WINDOW_COLORS[2], WINDOW_COLORS[3]]]
    _grid(ax, maxima[0, 0], 6.5, 4.5, out_fills)
    _grid(ax, means[0, 0], 6.5, 1.5, out_fills)
    _arrow(ax, (4.3, 3.0), (6.3, 3.5), "MaxPool2d(2)")
    _arrow(ax, (4.3, 1.0), (6.3, 0.5), "AvgPool2d(2)")
    ax.text(8.8, 3.5, r"$y = \max_{(i,j) \in W} x_{ij}$", va="center", fontsize=12)
    ax.text(8.8, 0.5, r"$y = \frac{1}{4}\sum_{(i,j) \in W} x_{ij}$", va="center", fontsize=12)
    ax.set_xlim(-0.3, 12.2)
    ax.set_ylim(-0.7, 4.8)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


def _strip(ax, length, y, highlight=None) -> None:
    """A row of ``length`` cells with their index written inside."""
    for i in range(length):
        face = "#E8F1FA" if highlight is None or not highlight[i] else "#FBE3C2"
        unit_cell(ax, i, y, face, str(i))


def adaptive_pooling() -> Figure:
    """The windows of adaptive pooling for a few input lengths and output sizes."""
    cases = [(7, 3), (10, 4), (5, 3)]
    figure, axes = plt.subplots(len(cases), 1, figsize=(8, 5.4))
    for ax, (length, out) in zip(axes, cases, strict=True):
        starts, ends = adaptive_bounds(length, out)
        _strip(ax, length, 0)
        for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            level = -0.55 - 0.45 * i
            color = WINDOW_COLORS[i % len(WINDOW_COLORS)]
            ax.plot(
                [start + 0.08, end - 0.08], [level, level], color=color, lw=5, solid_capstyle="butt"
            )
            ax.text(end + 0.15, level, f"$[{start}, {end})$", va="center", fontsize=10)
        ax.text(-0.4, 0.5, f"$L={length},\\ n={out}$", ha="right", va="center", fontsize=11)
        ax.set_xlim(-3.2, 11.5)
        ax.set_ylim(-0.55 - 0.45 * out - 0.3, 1.2)
        ax.set_axis_off()
    axes[0].set_title(
        r"$\mathrm{start}_i = \lfloor iL/n \rfloor, \quad "
        r"\mathrm{end}_i = \lceil (i+1)L/n \rceil$",
        fontsize=12,
    )
    figure.tight_layout()
    return figure


def fractional_max_pooling() -> Figure:
    """Window starts of fractional max pooling (L = 12, n = 8, k = 2) for three samples u."""
    length, out, kernel = 12, 8, 2
    samples = [0.1, 0.4, 0.7]
    figure, axes = plt.subplots(len(samples), 1, figsize=(8, 5.6))
    for ax, u in zip(axes, samples, strict=True):
        starts = fractional_intervals(torch.tensor(u, dtype=torch.float64), length, out, kernel)
        _strip(ax, length, 0)
        for i, start in enumerate(starts.tolist()):
            level = -0.45 - 0.3 * (i % 2)
            color = WINDOW_COLORS[i % len(WINDOW_COLORS)]
            ax.plot(
                [start + 0.08, start + kernel - 0.08],
                [level, level],
                color=color,
                lw=5,
                solid_capstyle="butt",
            )
        steps = starts.diff().tolist()
        ax.text(
            length + 0.4,
            0.5,
            "$a = " + str(starts.tolist()) + "$",
            va="center",
            fontsize=10,
        )
        ax.text(length + 0.4, -0.5, r"$\Delta a = " + str(steps) + "$", va="center", fontsize=10)
        ax.text(-0.4, 0.5, f"$u={u}$", ha="right", va="center", fontsize=11)
        ax.set_xlim(-2.2, 21.5)
        ax.set_ylim(-1.0, 1.2)
        ax.set_axis_off()
    axes[0].set_title(
        rf"$\alpha = \frac{{L-k}}{{n-1}} = \frac{{{length - kernel}}}{{{out - 1}}}, \quad "
        r"a_i = \lfloor (i+u)\,\alpha \rfloor - \lfloor u\,\alpha \rfloor, \quad a_{n-1} = L-k$",
        fontsize=12,
    )
    figure.tight_layout()
    return figure


def max_unpooling() -> Figure:
    """4 x 4 -> MaxPool2d(2) -> 2 x 2 with indices -> MaxUnpool2d(2) -> 4 x 4 with zeros."""
    x = EXAMPLE.view(1, 1, 4, 4)
    pooled, indices = F.max_pool2d(x, 2, return_indices=True)
    restored = F.max_unpool2d(pooled, indices, 2)
    winners = (restored != 0)[0, 0]
    fills = _window_fills(4, 4, 2)
    restored_fills = [
        [fills[r][c] if winners[r, c] else "white" for c in range(4)] for r in range(4)
    ]

    figure, ax = plt.subplots(figsize=(9, 3.4))
    _grid(ax, EXAMPLE, 0, 4, fills, bold=winners.tolist())
    out_fills = [[WINDOW_COLORS[0], WINDOW_COLORS[1]], [WINDOW_COLORS[2], WINDOW_COLORS[3]]]
    _grid(ax, pooled[0, 0], 6.6, 3.0, out_fills)
    _grid(ax, indices[0, 0], 6.8, 0.4, out_fills, size=0.8, fontsize=10)
    _grid(ax, restored[0, 0], 11.8, 4, restored_fills, bold=winners.tolist())
    ax.text(2, 4.3, "$x$", ha="center", fontsize=13)
    ax.text(7.6, 3.3, "$y$", ha="center", fontsize=13)
    ax.text(7.6, 0.55, "indices", ha="center", fontsize=10)
    ax.text(13.8, 4.3, r"$\tilde{x}$", ha="center", fontsize=13)
    _arrow(ax, (4.3, 2.0), (6.4, 2.0), "MaxPool2d")
    _arrow(ax, (8.8, 2.0), (11.6, 2.0), "MaxUnpool2d")
    ax.set_xlim(-0.3, 16.1)
    ax.set_ylim(-1.4, 4.8)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


FIGURES = {
    "pooling": pooling,
    "adaptive-pooling": adaptive_pooling,
    "fractional-max-pooling": fractional_max_pooling,
    "max-unpooling": max_unpooling,
}
CODE_NAMES = {"MaxPool2d", "AvgPool2d", "MaxUnpool2d", "indices"}
