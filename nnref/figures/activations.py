"""Figures of activation functions: the function and its derivative, side by side."""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, ORANGE


def relu() -> Figure:
    """ReLU(x) and ReLU'(x), marking the value torch uses at the kink x = 0."""
    x = torch.linspace(-3, 3, 601, requires_grad=True)
    y = torch.relu(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    x, y = x.detach(), y.detach()

    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    left.plot(x, y, color=BLUE, linewidth=2)
    left.set_title(r"$\mathrm{ReLU}(x) = \max(0, x)$")
    negative = x < 0
    right.plot(x[negative], grad[negative], color=ORANGE, linewidth=2)
    right.plot(x[x > 0], grad[x > 0], color=ORANGE, linewidth=2)
    right.scatter([0], [0], color=ORANGE, zorder=3, s=36)  # torch.relu: gradient 0 at x = 0
    right.scatter([0], [1], facecolors="white", edgecolors=ORANGE, zorder=3, s=36)
    right.set_title(r"$\mathrm{ReLU}'(x)$")
    right.set_ylim(-0.2, 1.2)
    for ax in (left, right):
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel("$x$")
    figure.tight_layout()
    return figure


FIGURES = {"relu": relu}
