"""Figure of the linear family: the bilinear layer as one matrix sandwich per output."""

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, ORANGE, PURPLE


def _grid(ax, x0, y0, rows, cols, face, edge, label=None) -> None:
    """A ``rows x cols`` grid of unit cells with its lower-left corner at ``(x0, y0)``."""
    for r in range(rows):
        for c in range(cols):
            ax.add_patch(
                plt.Rectangle((x0 + c, y0 + rows - 1 - r), 1, 1, facecolor=face, edgecolor=edge)
            )
    if label:
        ax.text(x0 + cols / 2, y0 - 0.35, label, ha="center", va="top", fontsize=12)


def bilinear() -> Figure:
    """``y_k = x1^T A_k x2 + b_k``: a row vector, one slice of the weight, a column vector."""
    figure, ax = plt.subplots(figsize=(8.4, 3.6))
    n1, n2, m = 3, 4, 3
    # x1^T: a row of n1 cells, vertically centred on the matrix
    _grid(ax, 0, 1, 1, n1, "#E8F1FA", BLUE, r"$x_1^{\top}\ (1 \times n_1)$")
    # the weight: m slices of (n1, n2), the front one is A_k
    ax_x = n1 + 0.8
    for depth in reversed(range(m)):
        offset = 0.28 * depth
        face = "#FDF1DC" if depth else "#FBE3B8"
        _grid(ax, ax_x + offset, offset, n1, n2, face, ORANGE)
    ax.text(ax_x + n2 / 2, 1.5, "$A_k$", ha="center", va="center", fontsize=15)
    ax.text(
        ax_x + n2 / 2 + 0.28, -0.35, "weight: $(m, n_1, n_2)$", ha="center", va="top", fontsize=12
    )
    # x2: a column of n2 cells
    x2_x = ax_x + n2 + 0.28 * m + 0.9
    _grid(ax, x2_x, -0.5, n2, 1, "#E6F5EF", GREEN, r"$x_2\ (n_2 \times 1)$")
    # + b_k = y_k
    ax.text(x2_x + 1.7, 1.5, "$+$", ha="center", va="center", fontsize=16)
    _grid(ax, x2_x + 2.3, 1, 1, 1, "#F5E6EF", PURPLE, "$b_k$")
    ax.text(x2_x + 3.9, 1.5, "$=$", ha="center", va="center", fontsize=16)
    _grid(ax, x2_x + 4.5, 1, 1, 1, "#F5E6EF", PURPLE, "$y_k$")
    ax.text(
        (x2_x + 5.5) / 2,
        4.9,
        r"$y_k = \sum_{i=1}^{n_1}\sum_{j=1}^{n_2} x_{1,i}\, A_{k,ij}\, x_{2,j} + b_k,"
        r"\quad k = 1, \dots, m$",
        ha="center",
        fontsize=13,
    )
    ax.set_xlim(-0.3, x2_x + 5.8)
    ax.set_ylim(-1.4, 5.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


FIGURES = {"bilinear": bilinear}
CODE_NAMES = {"weight"}
