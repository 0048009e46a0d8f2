"""Figures of the layers area: a small network and a fully connected layer."""

import itertools

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE


def _draw_layered_graph(ax, sizes, colors, labels, layer_labels) -> None:
    """Draw fully connected layers of nodes, left to right."""
    positions = []
    for column, size in enumerate(sizes):
        top = (size - 1) / 2
        positions.append([(column, top - row) for row in range(size)])
    for left, right in itertools.pairwise(positions):
        for x0, y0 in left:
            for x1, y1 in right:
                ax.plot([x0, x1], [y0, y1], color=GREY, linewidth=0.7, alpha=0.5, zorder=1)
    for column, nodes in enumerate(positions):
        for row, (x, y) in enumerate(nodes):
            ax.scatter(x, y, s=900, color=colors[column], zorder=2, edgecolors="white")
            ax.text(
                x,
                y,
                labels[column](row + 1),
                ha="center",
                va="center",
                color="white",
                fontsize=11,
                zorder=3,
            )
        baseline = -(max(sizes) - 1) / 2 - 0.8
        ax.text(column, baseline, layer_labels[column], ha="center", va="top", fontsize=12)
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_axis_off()


def network() -> Figure:
    """A 3-4-4-2 multilayer perceptron: input, two hidden layers, output."""
    figure, ax = plt.subplots(figsize=(7, 4.2))
    _draw_layered_graph(
        ax,
        sizes=[3, 4, 4, 2],
        colors=[BLUE, ORANGE, ORANGE, GREEN],
        labels=[
            lambda i: f"$x_{i}$",
            lambda i: f"$h^{{(1)}}_{i}$",
            lambda i: f"$h^{{(2)}}_{i}$",
            lambda i: rf"$\hat y_{i}$",
        ],
        layer_labels=[
            r"$x\in\mathbb{R}^3$",
            r"$h^{(1)}\in\mathbb{R}^4$",
            r"$h^{(2)}\in\mathbb{R}^4$",
            r"$\hat y\in\mathbb{R}^2$",
        ],
    )
    ax.set_ylim(-3.0, 2.0)
    return figure


def linear() -> Figure:
    """A fully connected layer 4 -> 3 next to its weight matrix W of shape (3, 4)."""
    figure, (graph, matrix) = plt.subplots(
        1, 2, figsize=(8, 3.6), gridspec_kw={"width_ratios": [1.1, 1]}
    )
    _draw_layered_graph(
        graph,
        sizes=[4, 3],
        colors=[BLUE, GREEN],
        labels=[lambda i: f"$x_{i}$", lambda i: f"$y_{i}$"],
        layer_labels=["in_features = 4", "out_features = 3"],
    )
    graph.set_ylim(-3.0, 2.0)
    rows, cols = 3, 4
    for r in range(rows):
        for c in range(cols):
            matrix.add_patch(
                plt.Rectangle((c, rows - 1 - r), 1, 1, facecolor="#E8F1FA", edgecolor=BLUE)
            )
            matrix.text(
                c + 0.5,
                rows - 0.5 - r,
                f"$w_{{{r + 1}{c + 1}}}$",
                ha="center",
                va="center",
                fontsize=11,
            )
    for r in range(rows):
        matrix.add_patch(
            plt.Rectangle((cols + 0.4, rows - 1 - r), 1, 1, facecolor="#E6F5EF", edgecolor=GREEN)
        )
        matrix.text(cols + 0.9, rows - 0.5 - r, f"$b_{r + 1}$", ha="center", va="center")
    matrix.text(cols / 2, -0.45, "weight: (3, 4)", ha="center", va="top")
    matrix.text(cols + 0.9, -0.45, "bias: (3,)", ha="center", va="top")
    matrix.text((cols + 1.4) / 2, rows + 0.35, r"$y = xW^{\top} + b$", ha="center", fontsize=13)
    matrix.set_xlim(-0.2, cols + 1.6)
    matrix.set_ylim(-1.2, rows + 0.9)
    matrix.set_aspect("equal")
    matrix.set_axis_off()
    return figure


FIGURES = {"network": network, "linear": linear}
CODE_NAMES = {"in_features", "out_features", "weight", "bias"}
