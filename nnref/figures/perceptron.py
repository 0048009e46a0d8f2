"""Figure of the perceptron page: a learned linear boundary, and the XOR network's regions."""

import matplotlib.pyplot as plt
import torch
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREY, ORANGE
from nnref.perceptron import linearly_separable_data, train_perceptron, xor_data, xor_mlp

CODE_NAMES: set[str] = set()


def _scatter(ax, x: torch.Tensor, y: torch.Tensor, size: float) -> None:
    for label, color, marker in ((0, BLUE, "o"), (1, ORANGE, "s")):
        points = x[y == label]
        ax.scatter(
            points[:, 0],
            points[:, 1],
            s=size,
            color=color,
            marker=marker,
            edgecolors="white",
            linewidths=0.6,
            zorder=3,
        )


def perceptron_boundaries() -> Figure:
    """Left: the perceptron's boundary on separable data (grey: the margin band). Right: the
    regions of the hand-weighted 2-2-1 ReLU network on XOR, with its hidden units' kinks."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(9.5, 4.2))

    x, y, w_star, b_star = linearly_separable_data(
        120, margin=0.1, generator=torch.Generator().manual_seed(0)
    )
    result = train_perceptron(x, y)
    grid = torch.linspace(-1, 1, 2)
    w, b = result.weight, result.bias
    left.plot(grid, -(w[0] * grid + b) / w[1], color="black", linewidth=1.6)
    # the empty band of half-width 0.1 around the true line w* . x + b* = 0 (|w*| = 1)
    low = -(w_star[0] * grid + b_star + 0.1) / w_star[1]
    high = -(w_star[0] * grid + b_star - 0.1) / w_star[1]
    left.fill_between(grid, low, high, color=GREY, alpha=0.2, linewidth=0)
    _scatter(left, x, y, 28)
    left.set_xlim(-1, 1)
    left.set_ylim(-1, 1)
    left.set_aspect("equal")
    left.set_xlabel("$x_1$")
    left.set_ylabel("$x_2$")
    left.set_title(r"$\hat y = H(w^\top x + b)$", fontsize=11)

    ticks = torch.linspace(-0.5, 1.5, 201, dtype=torch.float64)
    g1, g2 = torch.meshgrid(ticks, ticks, indexing="xy")
    out = xor_mlp(torch.stack([g1.ravel(), g2.ravel()], dim=1)).reshape(g1.shape)
    right.contourf(
        g1,
        g2,
        (out > 0.5).to(torch.float64),
        levels=[-0.5, 0.5, 1.5],
        cmap=ListedColormap(["#d6e6f2", "#f8e3c0"]),
    )
    right.contour(g1, g2, out, levels=[0.5], colors="black", linewidths=1.6)
    for offset in (0.0, 1.0):  # the hidden units' kinks: x1 + x2 = 0 and x1 + x2 = 1
        right.plot(
            [-0.5, 1.5], [offset + 0.5, offset - 1.5], color=GREY, linewidth=1.0, linestyle="--"
        )
    xx, yy = xor_data(torch.float64)
    _scatter(right, xx, yy, 120)
    right.set_xlim(-0.5, 1.5)
    right.set_ylim(-0.5, 1.5)
    right.set_aspect("equal")
    right.set_xlabel("$x_1$")
    right.set_ylabel("$x_2$")
    right.set_title(r"$\hat y = w_2^\top \mathrm{ReLU}(W_1 x + b_1) + b_2$", fontsize=11)
    figure.tight_layout()
    return figure


FIGURES = {"perceptron-boundaries": perceptron_boundaries}
