"""Figures of the smooth and gated activations: GELU, SiLU/Hardswish/Mish, Softplus, GLU.

Each figure shows a function and its derivative. Every curve is computed by torch itself
(values by the functional, derivatives by autograd), so the figures show what torch computes,
including the derivative torch uses at Hardswish's joints and Softplus' cut-off.
"""

from collections.abc import Callable

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

Function = Callable[[torch.Tensor], torch.Tensor]


def _value_and_derivative(function: Function, x: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """``function(x)`` and its derivative by autograd, in float64."""
    x = x.to(torch.float64).requires_grad_()
    y = function(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    return x.detach(), y.detach(), grad


def _minimum(function: Function, low: float, high: float) -> tuple[float, float]:
    """Where ``function`` is smallest on a fine grid of ``[low, high]``, and that value."""
    x = torch.linspace(low, high, 200_001, dtype=torch.float64)
    y = function(x)
    index = int(y.argmin())
    return x[index].item(), y[index].item()


def _axes_lines(*axes: Axes) -> None:
    for ax in axes:
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel("$x$")


def _relu_reference(ax: Axes, x: torch.Tensor) -> None:
    ax.plot(x, torch.relu(x), color=GREY, linewidth=1, linestyle="--", label=r"$\max(0, x)$")


def _gelu_tanh(x: torch.Tensor) -> torch.Tensor:
    return F.gelu(x, approximate="tanh")


def gelu() -> Figure:
    """GELU (erf and tanh formulas) with its minimum, GELU', and the difference of the two."""
    grid = torch.linspace(-4, 4, 801)
    x, exact, d_exact = _value_and_derivative(F.gelu, grid)
    _, approx, d_approx = _value_and_derivative(_gelu_tanh, grid)
    x_min, y_min = _minimum(F.gelu, -2, 0)

    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(12, 3.5))
    _relu_reference(left, x)
    left.plot(x, exact, color=BLUE, linewidth=2.5, label=r"$x\,\Phi(x)$")
    left.plot(x, approx, color=ORANGE, linewidth=1.2, linestyle=(0, (4, 3)), label=r"$\tanh$")
    left.scatter([x_min], [y_min], color=RED, zorder=3, s=30)
    left.annotate(
        f"$({x_min:.3f},\\ {y_min:.3f})$",
        (x_min, y_min),
        xytext=(-3.9, 1.2),
        arrowprops={"arrowstyle": "->", "color": RED, "linewidth": 0.8},
        color=RED,
    )
    left.set_title(r"$\mathrm{GELU}(x)$")
    left.legend(loc="upper left", frameon=False, fontsize=9)

    middle.plot(x, d_exact, color=BLUE, linewidth=2.5, label=r"$\Phi(x) + x\,\varphi(x)$")
    middle.plot(x, d_approx, color=ORANGE, linewidth=1.2, linestyle=(0, (4, 3)), label=r"$\tanh$")
    middle.axhline(1, color=GREY, linewidth=0.8, linestyle=":")
    middle.set_title(r"$\mathrm{GELU}'(x)$")
    middle.legend(loc="upper left", frameon=False, fontsize=9)

    wide = torch.linspace(-6, 6, 2401, dtype=torch.float64)
    difference = (F.gelu(wide) - _gelu_tanh(wide)) * 1e4
    peak = int(difference.abs().argmax())
    right.plot(wide, difference, color=PURPLE, linewidth=2)
    right.scatter([wide[peak], -wide[peak]], [difference[peak]] * 2, color=PURPLE, s=24, zorder=3)
    right.annotate(
        f"${difference[peak].item():.2f},\\ x = \\pm {abs(wide[peak].item()):.2f}$",
        (wide[peak].item(), difference[peak].item()),
        xytext=(-5.6, difference[peak].item() * 0.55),
        fontsize=9,
        color=PURPLE,
    )
    right.set_title(r"$(\mathrm{GELU}_{\Phi} - \mathrm{GELU}_{\tanh})(x) \cdot 10^{4}$")
    _axes_lines(left, middle, right)
    figure.tight_layout()
    return figure


def silu() -> Figure:
    """SiLU, Hardswish and Mish with their minima; their derivatives, Hardswish' jumping at +-3."""
    grid = torch.linspace(-5, 5, 1001)
    curves = [(F.silu, BLUE, r"$\mathrm{SiLU}$"), (F.mish, GREEN, r"$\mathrm{Mish}$")]
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    _relu_reference(left, grid)
    for function, color, label in curves:
        x, y, grad = _value_and_derivative(function, grid)
        left.plot(x, y, color=color, linewidth=2, label=label)
        right.plot(x, grad, color=color, linewidth=2, label=label)
        x_min, y_min = _minimum(function, -3, 0)
        left.scatter([x_min], [y_min], color=color, s=26, zorder=3)

    # Hardswish: three pieces; at the joints the filled dot is torch's derivative.
    x, y, grad = _value_and_derivative(F.hardswish, grid)
    left.plot(x, y, color=ORANGE, linewidth=2, label=r"$\mathrm{Hardswish}$")
    left.scatter([-1.5], [-0.375], color=ORANGE, s=26, zorder=3)
    for piece in (x < -3, (x > -3) & (x < 3), x > 3):
        right.plot(x[piece], grad[piece], color=ORANGE, linewidth=2)
    _, _, at_joints = _value_and_derivative(F.hardswish, torch.tensor([-3.0, 3.0]))
    right.scatter([-3, 3], at_joints, color=ORANGE, s=30, zorder=4)
    right.scatter([-3, 3], [-0.5, 1.5], facecolors="white", edgecolors=ORANGE, s=30, zorder=4)
    right.plot([], [], color=ORANGE, linewidth=2, label=r"$\mathrm{Hardswish}$")

    left.set_title(r"$f(x) = x \cdot g(x)$")
    left.set_ylim(-1, 5)
    left.legend(loc="upper left", frameon=False, fontsize=9)
    right.set_title(r"$f\,'(x)$")
    right.set_ylim(-0.7, 1.7)
    right.legend(loc="upper left", frameon=False, fontsize=9)
    _axes_lines(left, right)
    figure.tight_layout()
    return figure


def softplus() -> Figure:
    """Softplus for two betas, its derivative sigma(beta x), and the jump of a low threshold."""
    grid = torch.linspace(-4, 4, 801)
    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(12, 3.5))
    _relu_reference(left, grid)
    for beta, color in ((1.0, BLUE), (3.0, GREEN)):
        x, y, grad = _value_and_derivative(lambda t, b=beta: F.softplus(t, beta=b), grid)
        left.plot(x, y, color=color, linewidth=2, label=f"$\\beta = {beta:g}$")
        middle.plot(x, grad, color=color, linewidth=2, label=f"$\\sigma({beta:g}x)$")
    left.scatter([0], [torch.log(torch.tensor(2.0)).item()], color=BLUE, s=24, zorder=3)
    left.set_title(r"$\frac{1}{\beta}\log(1 + e^{\beta x})$")
    left.legend(loc="upper left", frameon=False, fontsize=9)
    middle.set_title(r"$\mathrm{Softplus}'(x)$")
    middle.legend(loc="upper left", frameon=False, fontsize=9)

    # threshold = 1: the output switches to x where beta * x > 1, with a jump of log(1 + e) - 1.
    def cut(t: torch.Tensor) -> torch.Tensor:
        return F.softplus(t, beta=1.0, threshold=1.0)

    x, y, _ = _value_and_derivative(cut, torch.linspace(-2, 3, 1001))
    below, above = x <= 1, x > 1
    right.plot(x, torch.log1p(torch.exp(x)), color=GREY, linewidth=1, linestyle="--")
    right.plot(x[below], y[below], color=RED, linewidth=2)
    right.plot(x[above], y[above], color=RED, linewidth=2)
    at_one = cut(torch.tensor(1.0, dtype=torch.float64)).item()
    right.scatter([1], [at_one], color=RED, s=30, zorder=3)
    right.scatter([1], [1], facecolors="white", edgecolors=RED, s=30, zorder=3)
    right.annotate(
        f"${at_one:.3f}$",
        (1, at_one),
        xytext=(-1.9, 2.2),
        color=RED,
        fontsize=9,
        arrowprops={"arrowstyle": "->", "color": RED, "linewidth": 0.8},
    )
    right.set_title(r"$\beta = 1,\ \mathtt{threshold} = 1$")
    _axes_lines(left, middle, right)
    figure.tight_layout()
    return figure


def _split_diagram(ax: Axes) -> None:
    """Eight input cells, split into a (first half) and b (second half); a * sigma(b) out."""
    for i in range(8):
        color = BLUE if i < 4 else ORANGE
        ax.add_patch(Rectangle((i, 2.2), 1, 1, facecolor=color, alpha=0.25, edgecolor=GREY))
        name = "a" if i < 4 else "b"
        ax.text(i + 0.5, 2.7, f"${name}_{i % 4 + 1}$", ha="center", va="center", fontsize=11)
    for i in range(4):
        ax.add_patch(Rectangle((i + 2, 0), 1, 1, facecolor=PURPLE, alpha=0.2, edgecolor=GREY))
        ax.text(i + 2.5, 0.5, f"$y_{i + 1}$", ha="center", va="center", fontsize=11)
    ax.add_patch(FancyArrowPatch((2, 2.1), (3.2, 1.1), arrowstyle="->", mutation_scale=12))
    ax.add_patch(FancyArrowPatch((6, 2.1), (4.8, 1.1), arrowstyle="->", mutation_scale=12))
    ax.text(6.3, 1.5, r"$\sigma(b)$", fontsize=11, color=ORANGE)
    ax.text(0.3, 1.5, r"$a$", fontsize=11, color=BLUE)
    ax.text(4, 1.55, r"$\otimes$", ha="center", fontsize=14)
    ax.text(4, 3.55, r"$2n \rightarrow n$", ha="center", fontsize=11)
    ax.set_xlim(-0.2, 8.2)
    ax.set_ylim(-0.3, 4.1)
    ax.set_aspect("equal")
    ax.set_axis_off()


def glu() -> Figure:
    """The split of GLU; the gates g(b) of GLU, GEGLU, SwiGLU (a = 1) and their derivatives."""
    grid = torch.linspace(-5, 5, 1001)
    gates = [
        (torch.sigmoid, BLUE, r"$\sigma(b)$"),
        (F.gelu, GREEN, r"$\mathrm{GELU}(b)$"),
        (F.silu, ORANGE, r"$\mathrm{SiLU}(b)$"),
    ]
    figure, (diagram, left, right) = plt.subplots(
        1, 3, figsize=(12.5, 3.5), gridspec_kw={"width_ratios": [1.1, 1, 1]}
    )
    _split_diagram(diagram)
    for function, color, label in gates:
        b, y, grad = _value_and_derivative(function, grid)
        left.plot(b, y, color=color, linewidth=2, label=label)
        right.plot(b, grad, color=color, linewidth=2, label=label.replace("(b)", "'(b)"))
    left.set_title(r"$y = a \cdot g(b),\ a = 1$")
    left.set_ylim(-0.5, 2.5)
    left.legend(loc="upper left", frameon=False, fontsize=9)
    right.set_title(r"$\partial y / \partial b = a \cdot g\,'(b),\ a = 1$")
    right.legend(loc="upper left", frameon=False, fontsize=9)
    for ax in (left, right):
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel("$b$")
    figure.tight_layout()
    return figure


FIGURES = {"gelu": gelu, "silu": silu, "softplus": softplus, "glu": glu}
