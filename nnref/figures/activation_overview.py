"""The main activation functions side by side, with their derivatives (all by torch)."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

# name shown in the legend -> (function, colour, line style); LeakyReLU uses a visible slope
UNBOUNDED = {
    "ReLU": (F.relu, BLUE, "-"),
    "LeakyReLU(0.1)": (lambda x: F.leaky_relu(x, 0.1), ORANGE, "--"),
    "ELU": (F.elu, GREEN, "-"),
    "GELU": (F.gelu, RED, "-"),
    "SiLU": (F.silu, PURPLE, "--"),
    "Softplus": (F.softplus, GREY, "-."),
}
BOUNDED = {
    "Sigmoid": (torch.sigmoid, BLUE, "-"),
    "Tanh": (torch.tanh, ORANGE, "-"),
}


def activations_overview() -> Figure:
    """Top: six unbounded activations and their derivatives; bottom: Sigmoid and Tanh."""
    figure, axes = plt.subplots(2, 2, figsize=(10, 6.4), sharex=True)
    for row, functions in enumerate((UNBOUNDED, BOUNDED)):
        left, right = axes[row]
        for name, (function, colour, style) in functions.items():
            x = torch.linspace(-4, 4, 801, dtype=torch.float64, requires_grad=True)
            y = function(x)
            (grad,) = torch.autograd.grad(y.sum(), x)
            x, y = x.detach(), y.detach()
            left.plot(x, y, color=colour, linestyle=style, linewidth=1.8, label=name)
            if name.startswith(("ReLU", "LeakyReLU")):  # a step: no vertical segment at x = 0
                for part in (x < 0, x > 0):
                    right.plot(x[part], grad[part], color=colour, linestyle=style, linewidth=1.8)
            else:
                right.plot(x, grad, color=colour, linestyle=style, linewidth=1.8)
        left.set_title("$f(x)$")
        right.set_title("$f'(x)$")
        left.legend(fontsize=9, loc="upper left")
        for ax in (left, right):
            ax.axhline(0, color="black", linewidth=0.6)
            ax.axvline(0, color="black", linewidth=0.6)
    axes[0][0].set_ylim(-1.5, 4)
    axes[0][1].set_ylim(-0.2, 1.3)
    for ax in axes[1]:
        ax.set_xlabel("$x$")
    figure.tight_layout()
    return figure


FIGURES = {"activations-overview": activations_overview}
CODE_NAMES = {"ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Softplus", "Sigmoid", "Tanh"}
