"""Figures of the sigmoid, tanh and shrinkage activations: each function next to its derivative.

Values and derivatives come from torch itself (autograd through the torch function), so the
figures show what PyTorch computes. At a kink the derivative's line is broken; a filled dot
marks the value torch uses there and open dots the one-sided limits it does not use.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREY, ORANGE

Function = Callable[[torch.Tensor], torch.Tensor]


@dataclass
class Row:
    """One member: its function, the x range, its kinks and what to draw under it."""

    function: Function
    span: tuple[float, float]
    title: str
    derivative_title: str
    kinks: Sequence[float] = ()
    jumps: bool = False  # the function itself is discontinuous at its kinks
    reference: Function | None = None  # a grey curve for comparison, e.g. sigmoid under tanh
    reference_derivative: bool = True
    guide: Callable[[Axes, Axes], None] | None = None
    derivative_ylim: tuple[float, float] | None = None


def _value_and_grad(function: Function, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    x = x.clone().requires_grad_()
    y = function(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), grad


def _with_breaks(x: torch.Tensor, y: torch.Tensor, kinks: Sequence[float]) -> torch.Tensor:
    """``y`` with NaN at the grid points on a kink, so that the plotted line breaks there."""
    y = y.clone()
    for kink in kinks:
        y[(x - kink).abs() < 1e-9] = float("nan")
    return y


def _marks(ax: Axes, function: Function, kink: float, step: float, derivative: bool) -> None:
    """Filled dot: torch's value at the kink; open dots: the one-sided limits torch skips."""
    points = torch.tensor([kink - step, kink, kink + step], dtype=torch.float64)
    values, grads = _value_and_grad(function, points)
    shown = grads if derivative else values
    ax.scatter([kink], [shown[1]], color=ORANGE if derivative else BLUE, zorder=4, s=30)
    for side in (shown[0], shown[2]):
        if abs(float(side) - float(shown[1])) > 1e-6:
            colour = ORANGE if derivative else BLUE
            ax.scatter([kink], [side], facecolors="white", edgecolors=colour, zorder=4, s=30)


def _draw(rows: Sequence[Row]) -> Figure:
    figure, axes = plt.subplots(len(rows), 2, figsize=(8, 2.6 * len(rows)), squeeze=False)
    for row, (left, right) in zip(rows, axes, strict=True):
        low, high = row.span
        x = torch.linspace(low, high, 1201, dtype=torch.float64)
        step = float(x[1] - x[0])
        y, grad = _value_and_grad(row.function, x)
        if row.reference is not None:
            ref_y, ref_grad = _value_and_grad(row.reference, x)
            left.plot(x, ref_y, color=GREY, linewidth=1.2, linestyle="--")
            if row.reference_derivative:
                right.plot(x, ref_grad, color=GREY, linewidth=1.2, linestyle="--")
        left.plot(x, _with_breaks(x, y, row.kinks) if row.jumps else y, color=BLUE, linewidth=2)
        right.plot(x, _with_breaks(x, grad, row.kinks), color=ORANGE, linewidth=2)
        for kink in row.kinks:
            if row.jumps:
                _marks(left, row.function, kink, step, derivative=False)
            _marks(right, row.function, kink, step, derivative=True)
        if row.guide is not None:
            row.guide(left, right)
        if row.derivative_ylim is not None:
            right.set_ylim(*row.derivative_ylim)
        left.set_title(row.title)
        right.set_title(row.derivative_title)
        for ax in (left, right):
            ax.axhline(0, color="black", linewidth=0.6)
            ax.axvline(0, color="black", linewidth=0.6)
            ax.set_xlabel("$x$")
    figure.tight_layout()
    return figure


def _quarter(left: Axes, right: Axes) -> None:
    right.axhline(0.25, color=GREY, linewidth=1, linestyle=":")
    right.set_yticks([0, 0.1, 0.2, 0.25])


def _diagonal(span: float) -> Callable[[Axes, Axes], None]:
    def guide(left: Axes, right: Axes) -> None:
        left.plot([-span, span], [-span, span], color=GREY, linewidth=1, linestyle=":")

    return guide


def sigmoid() -> Figure:
    """Sigmoid, LogSigmoid and Hardsigmoid with their derivatives."""
    return _draw(
        [
            Row(
                torch.sigmoid,
                (-8, 8),
                r"$\sigma(x) = 1 / (1 + e^{-x})$",
                r"$\sigma'(x) = \sigma(x)\,(1 - \sigma(x)) \leq 1/4$",
                guide=_quarter,
            ),
            Row(
                F.logsigmoid,
                (-6, 6),
                r"$\log \sigma(x) = -\mathrm{softplus}(-x)$",
                r"$(\log \sigma)'(x) = \sigma(-x)$",
                reference=lambda x: torch.clamp(x, max=0),
                reference_derivative=False,
            ),
            Row(
                F.hardsigmoid,
                (-6, 6),
                r"$\mathrm{Hardsigmoid}(x) = \mathrm{ReLU6}(x + 3) / 6$",
                r"$\mathrm{Hardsigmoid}'(x)$",
                kinks=(-3.0, 3.0),
                reference=torch.sigmoid,
                derivative_ylim=(-0.02, 0.27),
            ),
        ]
    )


def tanh() -> Figure:
    """Tanh, Hardtanh, Softsign and Tanhshrink with their derivatives."""
    return _draw(
        [
            Row(
                torch.tanh,
                (-4, 4),
                r"$\tanh(x) = 2\sigma(2x) - 1$",
                r"$\tanh'(x) = 1 - \tanh^2(x)$",
                reference=torch.sigmoid,
            ),
            Row(
                F.hardtanh,
                (-3, 3),
                r"$\mathrm{Hardtanh}(x) = \min(\max(x, -1), 1)$",
                r"$\mathrm{Hardtanh}'(x)$",
                kinks=(-1.0, 1.0),
                derivative_ylim=(-0.1, 1.1),
            ),
            Row(
                F.softsign,
                (-8, 8),
                r"$\mathrm{Softsign}(x) = x / (1 + |x|)$",
                r"$\mathrm{Softsign}'(x) = 1 / (1 + |x|)^2$",
                reference=torch.tanh,
            ),
            Row(
                F.tanhshrink,
                (-4, 4),
                r"$\mathrm{Tanhshrink}(x) = x - \tanh(x)$",
                r"$\mathrm{Tanhshrink}'(x) = \tanh^2(x)$",
                guide=_diagonal(4),
            ),
        ]
    )


def shrinkage() -> Figure:
    """Hardshrink and Softshrink (lambd = 0.5) with their derivatives."""
    return _draw(
        [
            Row(
                F.hardshrink,
                (-2, 2),
                r"$\mathrm{Hardshrink}(x),\ \lambda = 0.5$",
                r"$\mathrm{Hardshrink}'(x)$",
                kinks=(-0.5, 0.5),
                jumps=True,
                guide=_diagonal(2),
                derivative_ylim=(-0.1, 1.1),
            ),
            Row(
                F.softshrink,
                (-2, 2),
                r"$\mathrm{Softshrink}(x),\ \lambda = 0.5$",
                r"$\mathrm{Softshrink}'(x)$",
                kinks=(-0.5, 0.5),
                guide=_diagonal(2),
                derivative_ylim=(-0.1, 1.1),
            ),
        ]
    )


FIGURES = {"sigmoid": sigmoid, "tanh": tanh, "shrinkage": shrinkage}
