"""Figures of the backpropagation, computation-graph and differentiable-programming pages.

All three are drawn from real computations: the forward values, deltas and gradients of the
2-3-2 network of the page's snippet (checked against autograd), the backward graph autograd
records for a two-layer network (walked with ``nnref.autodiff.graph.walk``), and derivatives
of loop programs computed by autograd beside their analytic values.
"""

import math

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from nnref.autodiff.backprop import backprop
from nnref.autodiff.graph import walk
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, RED

_FILL = {BLUE: "#E8F1FA", GREEN: "#E6F5EF", ORANGE: "#FDF3E1", RED: "#FBEAE0", GREY: "#F2F2F2"}

# The network of snippets/foundations/backprop-by-hand.py (MSE loss, target (1, 0)).
_X = [1.0, 2.0]
_W1 = [[0.1, 0.2], [-0.3, 0.1], [0.2, -0.1]]
_B1 = [0.0, 0.2, -0.1]
_W2 = [[0.3, -0.2, 0.1], [0.2, 0.1, -0.3]]
_B2 = [0.1, -0.1]
_Y = [1.0, 0.0]


def _snippet_network() -> tuple[dict, dict]:
    """The hand backward pass of the snippet's net and autograd's gradients, in float64."""
    t = {
        k: torch.tensor(v, dtype=torch.float64)
        for k, v in {"x": _X, "w1": _W1, "b1": _B1, "w2": _W2, "b2": _B2, "y": _Y}.items()
    }
    hand = backprop(t["x"][None], t["y"][None], t["w1"], t["b1"], t["w2"], t["b2"])
    params = [t[k].clone().requires_grad_() for k in ("w1", "b1", "w2", "b2")]
    z2 = torch.tanh(t["x"] @ params[0].T + params[1]) @ params[2].T + params[3]
    loss = ((z2 - t["y"]) ** 2).mean()
    grads = dict(zip(("w1", "b1", "w2", "b2"), torch.autograd.grad(loss, params), strict=True))
    return {"pass": hand, "x": t["x"]}, grads


def backpropagation_deltas() -> Figure:
    """Forward values and deltas per layer of the 2-3-2 net; its weight gradients."""
    values, autograd = _snippet_network()
    run, x = values["pass"], values["x"]
    figure, (net, grads) = plt.subplots(
        1, 2, figsize=(10.5, 4.4), gridspec_kw={"width_ratios": [1.25, 1]}
    )
    columns = [
        (x.tolist(), None, BLUE),
        (run.h[0].tolist(), run.delta1[0].tolist(), ORANGE),
        (run.z2[0].tolist(), run.delta2[0].tolist(), GREEN),
    ]
    positions = []
    for c, (forward, _, _) in enumerate(columns):
        top = (len(forward) - 1) / 2
        positions.append([(2.2 * c, 1.6 * (top - r)) for r in range(len(forward))])
    for c in range(2):
        for x0, y0 in positions[c]:
            for x1, y1 in positions[c + 1]:
                net.plot([x0, x1], [y0, y1], color=GREY, linewidth=0.7, alpha=0.5, zorder=1)
    for c, (forward, delta, color) in enumerate(columns):
        for r, (px, py) in enumerate(positions[c]):
            net.scatter(px, py, s=1500, color=_FILL[color], edgecolors=color, zorder=2)
            net.text(px, py, f"{forward[r]:.3f}", ha="center", va="center", fontsize=9, zorder=3)
            if delta is not None:
                net.text(
                    px,
                    py - 0.52,
                    f"{delta[r]:+.3f}",
                    ha="center",
                    va="top",
                    color=RED,
                    fontsize=9,
                )
    heads = [r"$x$", r"$h=\tanh(z_1)$", r"$z_2$"]
    feet = [None, r"$\delta_1$", r"$\delta_2 = \frac{2}{m}(z_2 - y)$"]
    for c in range(3):
        net.text(2.2 * c, 2.6, heads[c], ha="center", fontsize=12)
        if feet[c]:
            net.text(2.2 * c, -2.75, feet[c], ha="center", color=RED, fontsize=12)
    net.text(5.5, 0.0, r"$y = (1,\ 0)$", ha="left", va="center", fontsize=11)
    net.text(5.5, -0.6, f"$L = {run.loss.item():.4f}$", ha="left", va="center", fontsize=11)
    net.set_xlim(-0.8, 7.0)
    net.set_ylim(-3.1, 3.0)
    net.set_axis_off()

    grads.set_axis_off()
    blocks = [
        (
            run.grad_w1.numpy(),
            autograd["w1"].numpy(),
            0.0,
            r"$\partial L/\partial W_1 = \delta_1 x^\top$",
        ),
        (
            run.grad_w2.numpy(),
            autograd["w2"].numpy(),
            3.4,
            r"$\partial L/\partial W_2 = \delta_2 h^\top$",
        ),
    ]
    for matrix, reference, left, title in blocks:
        rows, cols = matrix.shape
        scale = max(abs(matrix).max(), 1e-12)
        for r in range(rows):
            for c in range(cols):
                value = matrix[r, c]
                grads.add_patch(
                    plt.Rectangle(
                        (left + c, rows - 1 - r),
                        1,
                        1,
                        facecolor=RED if value < 0 else BLUE,
                        alpha=0.15 + 0.6 * abs(value) / scale,
                        edgecolor="white",
                    )
                )
                grads.text(
                    left + c + 0.5,
                    rows - 0.5 - r,
                    f"{value:.3f}",
                    ha="center",
                    va="center",
                    fontsize=9,
                )
        grads.text(left + cols / 2, 3.3, title, ha="center", fontsize=11)
        gap = float(abs(matrix - reference).max())
        grads.text(
            left + cols / 2,
            -0.55,
            rf"$\max|\cdot - \mathrm{{autograd}}| = {_power_of_ten(gap)}$",
            ha="center",
            va="top",
            fontsize=9,
        )
    grads.set_xlim(-0.2, 6.6)
    grads.set_ylim(-1.4, 3.9)
    grads.set_aspect("equal")
    return figure


def _power_of_ten(value: float) -> str:
    """``value`` in math text as ``m \\cdot 10^{e}`` (one significant digit), or ``0``."""
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(value))
    return rf"{round(value / 10**exponent)} \cdot 10^{{{exponent}}}"


def _two_layer_loss() -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """The loss of a 2-3-2 network on a batch of 4, as nn.Linear computes it."""
    generator = torch.Generator().manual_seed(0)
    layer1, layer2 = torch.nn.Linear(2, 3), torch.nn.Linear(3, 2)
    x = torch.randn(4, 2, generator=generator)
    y = torch.randn(4, 2, generator=generator)
    loss = torch.nn.functional.mse_loss(layer2(torch.tanh(layer1(x))), y)
    names = {"W_1": layer1.weight, "b_1": layer1.bias, "W_2": layer2.weight, "b_2": layer2.bias}
    return loss, names


def _saved(node) -> list[str]:
    """The saved tensors of an autograd node, as ``_saved_name (shape)`` lines."""
    lines = []
    for attribute in sorted(dir(node)):
        if not attribute.startswith("_saved_") or attribute.endswith(("_sizes", "_strides")):
            continue
        value = getattr(node, attribute)
        if isinstance(value, torch.Tensor):
            lines.append(f"{attribute} {tuple(value.shape)}")
    return lines


def computation_graph_two_layer() -> Figure:
    """The backward graph autograd records for mse_loss(linear2(tanh(linear1(x))), y)."""
    loss, names = _two_layer_loss()
    graph = walk(loss)
    rows: dict[int, list[int]] = {}
    for i, d in enumerate(graph.depth):
        rows.setdefault(d, []).append(i)
    position = {}
    for d, members in rows.items():
        for k, i in enumerate(members):
            position[i] = (4.4 * (k - (len(members) - 1) / 2), -1.2 * d)

    figure, ax = plt.subplots(figsize=(11, 6.4))
    for i, j in set(graph.edges):
        (x0, y0), (x1, y1) = position[i], position[j]
        ax.annotate(
            "",
            xy=(x1, y1 + 0.24),
            xytext=(x0, y0 - 0.24),
            arrowprops={"arrowstyle": "-|>", "color": GREY, "linewidth": 1.2},
            zorder=1,
        )
    for i, name in enumerate(graph.names):
        x, y = position[i]
        color = GREEN if name == "AccumulateGrad" else (RED if i == 0 else BLUE)
        if name == "TBackward0":
            color = GREY
        ax.add_patch(
            FancyBboxPatch(
                (x - 1.2, y - 0.22),
                2.4,
                0.44,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor=_FILL[color],
                edgecolor=color,
                linewidth=1.4,
                zorder=2,
            )
        )
        ax.text(x, y, name, ha="center", va="center", fontsize=10, zorder=3)
        if i in graph.leaves:
            leaf = graph.leaves[i]
            label = next(k for k, v in names.items() if v is leaf)
            ax.text(
                x,
                y - 0.3,
                f"${label}$ {tuple(leaf.shape)}",
                ha="center",
                va="top",
                fontsize=10,
                color=GREEN,
            )
        else:
            for k, line in enumerate(_saved(graph.nodes[i])):
                ax.text(x + 1.32, y + 0.1 - 0.22 * k, line, va="center", fontsize=8, color=GREY)
    ax.set_xlim(-5.9, 7.0)
    ax.set_ylim(-1.2 * max(graph.depth) - 0.7, 0.4)
    ax.set_axis_off()
    return figure


def _newton_sqrt(a: float, iterations: int) -> tuple[float, float]:
    """``x_K`` of Newton's iteration for sqrt(a) from x0 = 1, and d x_K / d a by autograd."""
    a_t = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    x = torch.tensor(1.0, dtype=torch.float64)
    for _ in range(iterations):
        x = (x + a_t / x) / 2
    (grad,) = torch.autograd.grad(x, a_t)
    return x.item(), grad.item()


def _euler_decay(k: float, steps: int, horizon: float = 1.0) -> float:
    """d y_N / d k by autograd, for N Euler steps of y' = -k y, y(0) = 1, up to ``horizon``."""
    k_t = torch.tensor(k, dtype=torch.float64, requires_grad=True)
    y = torch.tensor(1.0, dtype=torch.float64)
    h = horizon / steps
    for _ in range(steps):
        y = y - h * k_t * y
    (grad,) = torch.autograd.grad(y, k_t)
    return grad.item()


def differentiable_programming_loop() -> Figure:
    """Derivatives of two loop programs by autograd, against the analytic derivatives."""
    figure, (newton, euler) = plt.subplots(1, 2, figsize=(10.5, 4.0))
    a, floor = 2.0, 1e-17
    ks = list(range(1, 7))
    runs = [_newton_sqrt(a, k) for k in ks]
    value_error = [max(abs(x - math.sqrt(a)), floor) for x, _ in runs]
    grad_error = [max(abs(g - 1 / (2 * math.sqrt(a))), floor) for _, g in runs]
    newton.semilogy(ks, value_error, "o-", color=BLUE, label=r"$|x_K - \sqrt{a}|$")
    newton.semilogy(
        ks, grad_error, "s--", color=RED, label=r"$|\partial x_K/\partial a - 1/(2\sqrt{a})|$"
    )
    newton.set_xlabel(r"$K$")
    newton.set_title(r"$x_{k+1} = (x_k + a/x_k)/2,\ a = 2,\ x_0 = 1$", fontsize=11)
    newton.legend(fontsize=9)

    steps = [1, 2, 4, 8, 16, 32, 64]
    grads = [_euler_decay(1.0, n) for n in steps]
    dense = [2**e for e in [i / 8 for i in range(0, 49)]]
    euler.semilogx(
        dense, [-((1 - 1 / n) ** (n - 1)) for n in dense], color=GREY, label=r"$-(1 - k/N)^{N-1}$"
    )
    euler.semilogx(steps, grads, "o", color=BLUE, label=r"$\partial y_N/\partial k$")
    euler.axhline(-math.exp(-1.0), color=RED, linestyle="--", label=r"$-e^{-k}$")
    euler.set_xlabel(r"$N$")
    euler.set_xticks(steps, [str(n) for n in steps])
    euler.set_title(r"$y_{n+1} = y_n - \frac{1}{N} k\, y_n,\ k = 1$", fontsize=11)
    euler.legend(fontsize=9)
    return figure


FIGURES = {
    "backpropagation-deltas": backpropagation_deltas,
    "computation-graph-two-layer": computation_graph_two_layer,
    "differentiable-programming-loop": differentiable_programming_loop,
}
CODE_NAMES = {
    "autograd",
    "AddmmBackward0",
    "TanhBackward0",
    "TBackward0",
    "MseLossBackward0",
    "AccumulateGrad",
    "_saved_mat1",
    "_saved_mat2",
    "_saved_result",
    "_saved_self",
    "_saved_target",
    "saved_mat1",
    "saved_mat2",
    "saved_result",
    "saved_self",
    "saved_target",
}
