"""Figures of the convolution pages: sliding windows, dilation, transposed convolution, im2col.

Grids are drawn in data units (one cell = 1), row 0 at the top. Every number shown is computed
by the same functions the pages document (``nnref.layers.conv``), so a figure cannot drift
from the formula.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from nnref.figures._drawing import unit_cell
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.layers.conv import conv2d, conv_transpose2d, im2col

LIGHT_BLUE = "#E8F1FA"
LIGHT_GREEN = "#E6F5EF"
LIGHT_ORANGE = "#FCF0D6"
PAD_GREY = "#F2F2F2"


def _cell(ax, x, y, top, face, edge=GREY, text=None, linestyle="-", fontsize=10, color="black"):
    """Draw cell (row y, column x) of a grid whose top edge is at height ``top``."""
    unit_cell(
        ax,
        x,
        top - y - 1,
        face,
        text,
        edge=edge,
        color=color,
        fontsize=fontsize,
        linestyle=linestyle,
    )


def _grid(ax, left, top, rows, cols, face, values=None, edge=GREY, fontsize=10):
    for r in range(rows):
        for c in range(cols):
            text = None if values is None else f"{values[r][c]:g}".replace("-", "\u2212")
            _cell(ax, left + c, r, top, face, edge, text, fontsize=fontsize)


def _outline(ax, left, top, row, col, height, width, color, linewidth=2.4, linestyle="-"):
    """A coloured frame around ``height x width`` cells starting at (row, col)."""
    ax.add_patch(
        Rectangle(
            (left + col, top - row - height),
            width,
            height,
            fill=False,
            edgecolor=color,
            linewidth=linewidth,
            linestyle=linestyle,
            zorder=5,
        )
    )


def _arrow(ax, start, end, color=GREY):
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=14,
            color=color,
            linewidth=1.2,
            connectionstyle="arc3,rad=-0.2",
            zorder=6,
        )
    )


def _finish(ax, xlim, ylim):
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_axis_off()


def conv_padding_stride() -> Figure:
    """A 5 x 5 input, zero padding 1, a 3 x 3 kernel at stride 2: a 3 x 3 output."""
    figure, ax = plt.subplots(figsize=(8.2, 4.2))
    top, size, pad = 7, 5, 1
    for r in range(size + 2 * pad):
        for c in range(size + 2 * pad):
            inside = pad <= r < size + pad and pad <= c < size + pad
            face = LIGHT_BLUE if inside else PAD_GREY
            _cell(
                ax,
                c,
                r,
                top,
                face,
                BLUE if inside else GREY,
                None if inside else "0",
                linestyle="-" if inside else ":",
                color=GREY,
            )
    windows = [((0, 0), ORANGE), ((0, 2), GREEN), ((4, 4), PURPLE)]
    out_left, out_top = 10, 5
    _grid(ax, out_left, out_top, 3, 3, LIGHT_GREEN, edge=GREEN)
    for (row, col), color in windows:
        _outline(ax, 0, top, row, col, 3, 3, color)
        _outline(ax, out_left, out_top, row // 2, col // 2, 1, 1, color, linewidth=3)
    _arrow(ax, (3.1, top - 0.3), (out_left + 0.5, out_top + 0.1), ORANGE)
    _arrow(ax, (5.1, top - 0.3), (out_left + 1.5, out_top + 0.15), GREEN)
    ax.text(3.5, -0.6, r"$L=5,\ k=3,\ p=1,\ s=2$", ha="center", va="top", fontsize=12)
    ax.text(
        out_left + 1.5,
        1.4,
        r"$L_{\mathrm{out}}=\left\lfloor\frac{5+2\cdot1-3}{2}\right\rfloor+1=3$",
        ha="center",
        va="top",
        fontsize=12,
    )
    _finish(ax, (-0.3, 13.3), (-1.6, 7.6))
    return figure


def conv_dilation() -> Figure:
    """The taps of a 3 x 3 kernel with dilation 1 and 2 on a 7 x 7 input."""
    figure, axes = plt.subplots(1, 2, figsize=(8, 4.2))
    for ax, dilation in zip(axes, (1, 2), strict=True):
        top = 7
        taps = {(1 + dilation * i, 1 + dilation * j) for i in range(3) for j in range(3)}
        for r in range(7):
            for c in range(7):
                tap = (r, c) in taps
                _cell(ax, c, r, top, ORANGE if tap else LIGHT_BLUE, BLUE)
        span = dilation * 2 + 1
        _outline(ax, 0, top, 1, 1, span, span, RED, linewidth=2, linestyle="--")
        ax.text(3.5, -0.4, rf"$k=3,\ d={dilation}$", ha="center", va="top", fontsize=12)
        ax.text(3.5, -1.3, rf"$d(k-1)+1={span}$", ha="center", va="top", fontsize=12, color=RED)
        _finish(ax, (-0.3, 7.3), (-2.2, 7.3))
    figure.tight_layout()
    return figure


def conv_transpose_arithmetic() -> Figure:
    """ConvTranspose2d(k=3, s=2, p=0) on 2 x 2 as a stride-1 convolution of a dilated input."""
    figure, ax = plt.subplots(figsize=(8.4, 4.4))
    stride, kernel, size = 2, 3, 2
    border = kernel - 1  # d(k - 1) - p zero rows and columns on each side
    grid = border * 2 + (size - 1) * stride + 1
    top = grid
    values = {
        (border + stride * i, border + stride * j): f"$x_{{{i + 1}{j + 1}}}$"
        for i in range(size)
        for j in range(size)
    }
    for r in range(grid):
        for c in range(grid):
            if (r, c) in values:
                _cell(ax, c, r, top, BLUE, BLUE, values[(r, c)], color="white", fontsize=9)
            else:
                inserted = border <= r < grid - border and border <= c < grid - border
                _cell(
                    ax,
                    c,
                    r,
                    top,
                    LIGHT_BLUE if inserted else PAD_GREY,
                    GREY,
                    "0",
                    linestyle="-" if inserted else ":",
                    color=GREY,
                    fontsize=9,
                )
    _outline(ax, 0, top, 0, 1, kernel, kernel, ORANGE)
    out = grid - kernel + 1
    out_left, out_top = grid + 2.5, top - 1
    _grid(ax, out_left, out_top, out, out, LIGHT_GREEN, edge=GREEN)
    _outline(ax, out_left, out_top, 0, 1, 1, 1, ORANGE, linewidth=3)
    _arrow(ax, (4.1, top - 0.2), (out_left + 1.5, out_top + 0.1), ORANGE)
    ax.text(
        grid / 2, -0.4, r"$s-1=1$" + "   " + r"$d(k-1)-p=2$", ha="center", va="top", fontsize=11
    )
    ax.text(
        out_left + out / 2,
        out_top - out - 0.4,
        r"$(2-1)\cdot2-0+3=5$",
        ha="center",
        va="top",
        fontsize=11,
    )
    _finish(ax, (-0.3, out_left + out + 0.3), (-1.4, top + 0.3))
    return figure


def _overlap_counts(kernel: int, stride: int, size: int) -> torch.Tensor:
    """How many input elements write to each output element: ConvTranspose2d of ones."""
    ones = torch.ones(1, 1, size, size)
    weight = torch.ones(1, 1, kernel, kernel)
    return conv_transpose2d(ones, weight, stride=stride)[0, 0]


def conv_transpose() -> Figure:
    """Scatter-and-sum: footprints of two inputs, and the overlap counts (checkerboard)."""
    figure, axes = plt.subplots(1, 3, figsize=(10.5, 3.9))
    first, second, third = axes
    # (a) two neighbouring inputs x_11, x_12 each paint a 3 x 3 footprint at stride 2
    _grid(first, 0, 7, 7, 7, "white")
    for r in range(3):
        for c in range(5):
            in_a, in_b = c < 3, c >= 2
            face = PURPLE if in_a and in_b else (LIGHT_ORANGE if in_a else LIGHT_GREEN)
            text = r"$+$" if in_a and in_b else None
            _cell(first, c, r, 7, face, GREY, text, color="white")
    _outline(first, 0, 7, 0, 0, 3, 3, ORANGE)
    _outline(first, 0, 7, 0, 2, 3, 3, GREEN)
    first.text(1.5, 7.4, r"$x_{11}W$", ha="center", color=ORANGE, fontsize=12)
    first.text(3.5, 7.4, r"$x_{12}W$", ha="center", color=GREEN, fontsize=12)
    first.text(3.5, -0.4, r"$k=3,\ s=2$", ha="center", va="top", fontsize=12)
    _finish(first, (-0.3, 7.3), (-1.3, 8.2))
    # (b) and (c) how many contributions each output element sums
    for ax, kernel in ((second, 3), (third, 4)):
        counts = _overlap_counts(kernel, 2, 3)
        rows = counts.shape[0]
        shade = {1: "white", 2: LIGHT_ORANGE, 4: ORANGE}
        for r in range(rows):
            for c in range(rows):
                value = int(counts[r, c])
                _cell(ax, c, r, rows, shade.get(value, ORANGE), GREY, f"{value}", fontsize=9)
        ax.text(rows / 2, -0.4, rf"$k={kernel},\ s=2$", ha="center", va="top", fontsize=12)
        _finish(ax, (-0.3, rows + 0.3), (-1.3, rows + 1.2))
    figure.tight_layout()
    return figure


def conv2d_computation() -> Figure:
    """One output element of a 3 x 3 cross-correlation on a 5 x 5 input, with its numbers."""
    x = torch.tensor(
        [
            [1, 2, 0, 1, 3],
            [0, 1, 3, 2, 1],
            [2, 1, 0, 0, 2],
            [1, 3, 1, 2, 0],
            [0, 2, 2, 1, 1],
        ],
        dtype=torch.float32,
    )
    w = torch.tensor([[1, 0, -1], [1, 0, -1], [1, 0, -1]], dtype=torch.float32)
    y = conv2d(x[None, None], w[None, None])[0, 0]
    figure, ax = plt.subplots(figsize=(9.2, 3.6))
    row, col = 1, 2  # the highlighted output element
    _grid(ax, 0, 5, 5, 5, LIGHT_BLUE, x.int().tolist(), edge=BLUE)
    _outline(ax, 0, 5, row, col, 3, 3, ORANGE)
    ax.text(2.5, 5.6, r"$x$", ha="center", fontsize=13)
    ax.text(5.9, 2.5, r"$\star$", ha="center", va="center", fontsize=18)
    _grid(ax, 6.8, 4, 3, 3, LIGHT_ORANGE, w.int().tolist(), edge=ORANGE)
    ax.text(8.3, 4.6, r"$w$", ha="center", fontsize=13)
    ax.text(10.6, 2.5, r"$=$", ha="center", va="center", fontsize=18)
    _grid(ax, 11.5, 4, 3, 3, LIGHT_GREEN, y.int().tolist(), edge=GREEN)
    _outline(ax, 11.5, 4, row, col, 1, 1, ORANGE, linewidth=3)
    ax.text(13, 4.6, r"$y$", ha="center", fontsize=13)
    window = x[row : row + 3, col : col + 3]
    terms = " + ".join(
        f"{int(a)}\\cdot{int(b)}" if b >= 0 else f"{int(a)}\\cdot({int(b)})"
        for a, b in zip(window.flatten().tolist(), w.flatten().tolist(), strict=True)
        if b != 0
    )
    value = int((window * w).sum())
    assert value == int(y[row, col])
    ax.text(
        7.2, -0.5, rf"$y_{{{row}{col}}} = {terms} = {value}$", ha="center", va="top", fontsize=11
    )
    _finish(ax, (-0.3, 14.8), (-1.5, 6.2))
    return figure


def cnn_architecture() -> Figure:
    """A small image classifier: two Conv2d-ReLU-MaxPool2d blocks, Flatten, Linear."""
    figure, ax = plt.subplots(figsize=(10.5, 3.8))
    # (channels, side) of each feature map, drawn as a slab: depth ~ channels, height ~ side
    maps = [(1, 28), (8, 28), (8, 14), (16, 14), (16, 7)]
    colors = [BLUE, ORANGE, GREEN, ORANGE, GREEN]
    x = 0.0
    centres = []
    for (channels, side), color in zip(maps, colors, strict=True):
        height = side / 28 * 3.2
        depth = 0.25 + channels * 0.06
        for k in range(min(channels, 6)):
            offset = k * depth / max(min(channels, 6), 1)
            ax.add_patch(
                Rectangle(
                    (x + offset, 0.5 - height / 2 + offset * 0.6),
                    0.35,
                    height,
                    facecolor=color,
                    edgecolor="white",
                    alpha=0.85,
                    linewidth=0.8,
                )
            )
        centres.append((x, x + depth + 0.35))
        ax.text(
            x + (depth + 0.35) / 2,
            -1.55,
            rf"${channels}\times{side}\times{side}$",
            ha="center",
            va="top",
            fontsize=10,
        )
        x += depth + 2.3
    flat_x = x
    ax.add_patch(Rectangle((flat_x, -1.1), 0.3, 3.2, facecolor=PURPLE, edgecolor="white"))
    ax.text(flat_x + 0.15, -1.55, r"$784$", ha="center", va="top", fontsize=10)
    out_x = flat_x + 2.2
    ax.add_patch(Rectangle((out_x, -0.2), 0.3, 1.4, facecolor=RED, edgecolor="white"))
    ax.text(out_x + 0.15, -1.55, r"$10$", ha="center", va="top", fontsize=10)
    ends = [*centres, (flat_x, flat_x + 0.3), (out_x, out_x + 0.3)]
    labels = ["Conv2d", "MaxPool2d", "Conv2d", "MaxPool2d", "Flatten", "Linear"]
    notes = [r"$3\times3,\ p=1$", r"$2\times2$", r"$3\times3,\ p=1$", r"$2\times2$", "", ""]
    for index, (label, note) in enumerate(zip(labels, notes, strict=True)):
        start = ends[index][1] + 0.1
        end = ends[index + 1][0] - 0.1
        ax.annotate(
            "",
            xy=(end, 0.5),
            xytext=(start, 0.5),
            arrowprops={"arrowstyle": "-|>", "color": GREY, "linewidth": 1.2},
        )
        middle = (start + end) / 2
        ax.text(middle, 0.75, label, ha="center", va="bottom", fontsize=9, family="monospace")
        if label == "Conv2d":
            ax.text(middle, 0.25, "+ ReLU", ha="center", va="top", fontsize=9, family="monospace")
        if note:
            ax.text(middle, 2.35, note, ha="center", va="bottom", fontsize=9, color=GREY)
    _finish(ax, (-0.3, out_x + 0.6), (-2.2, 3.0))
    return figure


def im2col_figure() -> Figure:
    """Unfold of a 3 x 3 input with a 2 x 2 kernel: 4 windows become the 4 columns."""
    x = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    columns = im2col(x, 2)[0]  # (4 taps, 4 windows)
    colors = [ORANGE, GREEN, PURPLE, RED]
    figure, ax = plt.subplots(figsize=(9, 3.4))
    _grid(ax, 0, 3.5, 3, 3, LIGHT_BLUE, x[0, 0].int().tolist(), edge=BLUE)
    offsets = [0.0, 0.06, -0.06, 0.12]
    for window, color in enumerate(colors):
        r, c = divmod(window, 2)
        shift = offsets[window]
        ax.add_patch(
            Rectangle(
                (c + shift, 3.5 - r - 2 + shift),
                2 - 2 * shift,
                2 - 2 * shift,
                fill=False,
                edgecolor=color,
                linewidth=2.2,
                zorder=5,
            )
        )
    ax.text(1.5, -0.3, r"$3\times3,\ k=2$", ha="center", va="top", fontsize=11)
    ax.annotate(
        "",
        xy=(5.3, 2.0),
        xytext=(3.6, 2.0),
        arrowprops={"arrowstyle": "-|>", "color": GREY, "linewidth": 1.4},
    )
    ax.text(4.45, 2.25, "unfold", ha="center", va="bottom", fontsize=10, family="monospace")
    left = 5.6
    for r in range(4):
        for c in range(4):
            _cell(ax, left + c, r, 4, LIGHT_BLUE, colors[c], f"{int(columns[r, c])}")
    for c, color in enumerate(colors):
        _outline(ax, left, 4, 0, c, 4, 1, color, linewidth=2.2)
    ax.text(
        left + 2, -0.3, r"$(C\cdot k^2)\times L = 4\times4$", ha="center", va="top", fontsize=11
    )
    ax.text(
        left + 5.3,
        2.0,
        r"$y = W_{\mathrm{row}}\, X_{\mathrm{col}}$",
        ha="left",
        va="center",
        fontsize=12,
    )
    _finish(ax, (-0.3, left + 9.2), (-1.2, 4.3))
    return figure


FIGURES = {
    "conv-padding-stride": conv_padding_stride,
    "conv-dilation": conv_dilation,
    "conv-transpose-arithmetic": conv_transpose_arithmetic,
    "conv-transpose": conv_transpose,
    "conv2d-computation": conv2d_computation,
    "cnn-architecture": cnn_architecture,
    "im2col": im2col_figure,
}
CODE_NAMES = {"Conv2d", "MaxPool2d", "Flatten", "Linear", "ReLU", "unfold"}
