"""Figures of activation functions: the function and its derivative, side by side."""

import itertools
import math

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE


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


# --------------------------------------------------------------------------------------------
# The rest of the ReLU family. Each figure: the function on the left, its derivative as torch's
# autograd computes it on the right, with a filled dot for the value torch takes at a kink and
# an open dot for the one-sided limit it does not take.
# --------------------------------------------------------------------------------------------

COLOURS = (BLUE, GREEN, PURPLE)


def _function_and_gradient(function, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``function(x)`` and its elementwise derivative from autograd (torch's own backward)."""
    x = x.clone().requires_grad_()
    y = function(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), grad


def _pieces(ax, x: torch.Tensor, y: torch.Tensor, breaks, **style) -> None:
    """Plot ``y(x)`` as separate lines between the ``breaks``, so that jumps stay open."""
    edges = [-math.inf, *sorted(breaks), math.inf]
    for low, high in itertools.pairwise(edges):
        inside = (x > low) & (x < high)
        ax.plot(x[inside], y[inside], **style)
        style.pop("label", None)


def _dot(ax, x: float, y: float, colour: str, filled: bool) -> None:
    face = colour if filled else "white"
    ax.scatter([x], [y], facecolors=face, edgecolors=colour, zorder=3, s=36)


def _pair(left_title: str, right_title: str) -> tuple[Figure, plt.Axes, plt.Axes]:
    figure, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    left.set_title(left_title)
    right.set_title(right_title)
    return figure, left, right


def _finish(figure: Figure, *axes) -> Figure:
    for ax in axes:
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel("$x$")
    figure.tight_layout()
    return figure


def relu6() -> Figure:
    """ReLU6 and its derivative: gradient 0 at both kinks, x = 0 and x = 6."""
    x = torch.linspace(-2, 8, 1001)
    y, grad = _function_and_gradient(torch.nn.functional.relu6, x)
    figure, left, right = _pair(
        r"$\mathrm{ReLU6}(x) = \min(\max(0, x), 6)$", r"$\mathrm{ReLU6}'(x)$"
    )
    left.plot(x, y, color=BLUE, linewidth=2)
    left.axhline(6, color=GREY, linewidth=1, linestyle=":")
    _pieces(right, x, grad, [0, 6], color=ORANGE, linewidth=2)
    for kink in (0.0, 6.0):
        _dot(right, kink, 0.0, ORANGE, filled=True)
        _dot(right, kink, 1.0, ORANGE, filled=False)
    right.set_ylim(-0.2, 1.2)
    return _finish(figure, left, right)


def threshold() -> Figure:
    """Threshold(1, -1): a jump at the threshold, derivative 0 up to and at it."""
    t, value = 1.0, -1.0
    x = torch.linspace(-3, 3, 601, dtype=torch.float64)
    y, grad = _function_and_gradient(lambda v: torch.nn.functional.threshold(v, t, value), x)
    figure, left, right = _pair(
        r"$\mathrm{Threshold}(x),\ t = 1,\ v = -1$", r"$\mathrm{Threshold}'(x)$"
    )
    _pieces(left, x, y, [t], color=BLUE, linewidth=2)
    _dot(left, t, value, BLUE, filled=True)  # x = t is not above the threshold: y = value
    _dot(left, t, t, BLUE, filled=False)
    _pieces(right, x, grad, [t], color=ORANGE, linewidth=2)
    _dot(right, t, 0.0, ORANGE, filled=True)
    _dot(right, t, 1.0, ORANGE, filled=False)
    right.set_ylim(-0.2, 1.2)
    return _finish(figure, left, right)


def _slopes_figure(name: str, slopes, function) -> Figure:
    """``x`` for ``x > 0`` and ``a x`` otherwise, one curve per slope ``a``; derivative ``a``."""
    x = torch.linspace(-3, 3, 601, dtype=torch.float64)
    figure, left, right = _pair(rf"$\mathrm{{{name}}}(x)$", rf"$\mathrm{{{name}}}'(x)$")
    for a, colour in zip(slopes, COLOURS, strict=False):
        y, grad = _function_and_gradient(lambda v, a=a: function(v, a), x)
        left.plot(x, y, color=colour, linewidth=2, label=rf"$a = {a}$")
        _pieces(right, x, grad, [0], color=colour, linewidth=2)
        _dot(right, 0.0, a, colour, filled=True)  # torch takes the negative branch at 0
    _dot(right, 0.0, 1.0, GREY, filled=False)
    left.legend(loc="upper left")
    right.set_ylim(min(-0.2, *(a - 0.2 for a in slopes)), 1.2)
    return _finish(figure, left, right)


def leaky_relu() -> Figure:
    """LeakyReLU for the default slope 0.01 and for 0.2."""
    return _slopes_figure("LeakyReLU", (0.01, 0.2), torch.nn.functional.leaky_relu)


def prelu() -> Figure:
    """PReLU for its initial slope 0.25 and two slopes training may reach."""

    def function(x, a):
        return torch.nn.functional.prelu(x, torch.tensor([a], dtype=x.dtype))

    return _slopes_figure("PReLU", (0.25, 0.6, -0.25), function)


def rrelu() -> Figure:
    """RReLU: random slopes in [1/8, 1/3] in training (dots), their mean in evaluation (line)."""
    lower, upper = 1 / 8, 1 / 3
    x = torch.linspace(-3, 3, 601, dtype=torch.float64)
    torch.manual_seed(0)
    samples = torch.linspace(-3, 0, 41, dtype=torch.float64)
    train_y, train_grad = _function_and_gradient(
        lambda v: torch.nn.functional.rrelu(v, lower, upper, training=True), samples
    )
    eval_y, eval_grad = _function_and_gradient(torch.nn.functional.rrelu, x)
    figure, left, right = _pair(r"$\mathrm{RReLU}(x)$", r"$\mathrm{RReLU}'(x)$")
    negative = x <= 0
    left.fill_between(
        x[negative], lower * x[negative], upper * x[negative], color=BLUE, alpha=0.15, linewidth=0
    )
    left.plot(x, eval_y, color=BLUE, linewidth=2)
    left.scatter(samples, train_y, color=ORANGE, s=10, zorder=3)
    right.fill_between([-3, 0], lower, upper, color=BLUE, alpha=0.15, linewidth=0)
    _pieces(right, x, eval_grad, [0], color=BLUE, linewidth=2)
    right.scatter(samples, train_grad, color=ORANGE, s=10, zorder=3)
    _dot(right, 0.0, (lower + upper) / 2, BLUE, filled=True)
    _dot(right, 0.0, 1.0, BLUE, filled=False)
    right.set_yticks([0, lower, upper, 1], ["$0$", r"$\frac{1}{8}$", r"$\frac{1}{3}$", "$1$"])
    right.set_ylim(-0.1, 1.2)
    return _finish(figure, left, right)


def _alphas_figure(name: str, function, alphas=(0.5, 1.0, 2.0), kink: bool = True) -> Figure:
    """``function(x, alpha)`` for several ``alpha``: saturation at ``-alpha``; derivative."""
    x = torch.linspace(-4, 3, 701, dtype=torch.float64)
    figure, left, right = _pair(rf"$\mathrm{{{name}}}(x)$", rf"$\mathrm{{{name}}}'(x)$")
    if kink:  # drawn first: where alpha = 1 the filled dot of torch's value covers it
        _dot(right, 0.0, 1.0, GREY, filled=False)
    for alpha, colour in zip(alphas, COLOURS, strict=True):
        y, grad = _function_and_gradient(lambda v, alpha=alpha: function(v, alpha), x)
        left.plot(x, y, color=colour, linewidth=2, label=rf"$\alpha = {alpha:g}$")
        left.axhline(-alpha, color=colour, linewidth=1, linestyle=":")
        _pieces(right, x, grad, [0], color=colour, linewidth=2)
        at_zero = _function_and_gradient(lambda v, alpha=alpha: function(v, alpha), x[:1] * 0)[1]
        _dot(right, 0.0, at_zero.item(), colour, filled=True)
    left.legend(loc="upper left")
    left.set_ylim(-2.3, 3.1)
    right.set_ylim(-0.1, max(alphas) + 0.2)
    return _finish(figure, left, right)


def elu() -> Figure:
    """ELU for alpha 0.5, 1, 2: the derivative jumps from alpha to 1 at 0 unless alpha = 1."""
    return _alphas_figure("ELU", torch.nn.functional.elu)


def celu() -> Figure:
    """CELU for alpha 0.5, 1, 2: the derivative is continuous, 1 at 0 for every alpha."""
    return _alphas_figure("CELU", torch.nn.functional.celu, kink=False)


def selu() -> Figure:
    """SELU, with ELU (alpha = 1) dashed for comparison; derivative jumps from 1.758 to 1.051."""
    x = torch.linspace(-4, 3, 701, dtype=torch.float64)
    y, grad = _function_and_gradient(torch.nn.functional.selu, x)
    figure, left, right = _pair(r"$\mathrm{SELU}(x)$", r"$\mathrm{SELU}'(x)$")
    left.plot(x, torch.nn.functional.elu(x), color=GREY, linewidth=1.2, linestyle="--")
    left.plot(x, y, color=BLUE, linewidth=2)
    left.axhline(-1.7580993408473766, color=BLUE, linewidth=1, linestyle=":")
    left.text(-3.9, -1.7, r"$-\lambda\alpha$", ha="left", va="bottom")
    _pieces(right, x, grad, [0], color=ORANGE, linewidth=2)
    _dot(right, 0.0, 1.7580993408473766, ORANGE, filled=True)  # lambda * alpha, torch's choice
    _dot(right, 0.0, 1.0507009873554805, ORANGE, filled=False)  # lambda, the right limit
    right.text(2.0, 1.1, r"$\lambda$", ha="left", va="bottom")
    right.text(0.15, 1.758, r"$\lambda\alpha$", ha="left", va="bottom")
    right.set_ylim(-0.1, 2.0)
    return _finish(figure, left, right)


FIGURES = {
    "relu": relu,
    "relu6": relu6,
    "threshold": threshold,
    "leaky-relu": leaky_relu,
    "prelu": prelu,
    "rrelu": rrelu,
    "elu": elu,
    "celu": celu,
    "selu": selu,
}
