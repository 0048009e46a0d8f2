"""Figures of the recurrent layers: an unrolled RNN, gradient norms through time, LSTM and GRU
cells. The gradient curves are computed with torch autograd on torch's own cells."""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from torch import nn

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

LIGHT = {BLUE: "#E8F1FA", ORANGE: "#FDF3E1", GREEN: "#E6F5EF", RED: "#FBE9E0", PURPLE: "#F8EBF3"}


# --- drawing helpers -------------------------------------------------------------------------


def _path(ax, points, color="black", arrow=True, style="-", width=1.4, zorder=1) -> None:
    """A polyline through ``points``, with an arrow head on its last segment."""
    xs, ys = zip(*points, strict=True)
    if len(points) > 2:
        ax.plot(xs[:-1], ys[:-1], color=color, linestyle=style, linewidth=width, zorder=zorder)
    ax.add_patch(
        FancyArrowPatch(
            points[-2],
            points[-1],
            arrowstyle="-|>" if arrow else "-",
            mutation_scale=12,
            color=color,
            linestyle=style,
            linewidth=width,
            shrinkA=0,
            shrinkB=0,
            zorder=zorder,
        )
    )


def _box(ax, x, y, text, color, width=0.9, height=0.7, fontsize=12) -> None:
    """A rounded box centred on ``(x, y)``."""
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.05,rounding_size=0.12",
            facecolor=LIGHT.get(color, "white"),
            edgecolor=color,
            linewidth=1.6,
            zorder=3,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize, zorder=4)


def _op(ax, x, y, text, radius=0.26, color="black") -> None:
    """A point-wise operation: a small circle with its symbol."""
    ax.add_patch(Circle((x, y), radius, facecolor="white", edgecolor=color, lw=1.4, zorder=3))
    ax.text(x, y, text, ha="center", va="center", fontsize=12, zorder=4)


def _label(ax, x, y, text, color="black", fontsize=13, **kwargs) -> None:
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize, color=color, **kwargs)


def _frame(ax, left, bottom, right, top) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (left, bottom),
            right - left,
            top - bottom,
            boxstyle="round,pad=0.02,rounding_size=0.3",
            facecolor="#F7F7F7",
            edgecolor=GREY,
            linewidth=1.2,
            zorder=0,
        )
    )


# --- an RNN unrolled in time -----------------------------------------------------------------


def rnn_unrolled() -> Figure:
    """The recurrence unrolled over four steps: the same weights at every step; gradients
    flow back through every ``h_t -> h_{t-1}`` edge."""
    figure, ax = plt.subplots(figsize=(8.6, 3.6))
    xs = [1.5, 3.7, 5.9, 8.1]
    names = ["1", "2", "3", "T"]
    _label(ax, -0.1, 2, "$h_0$")
    previous = 0.15
    for x, name in zip(xs, names, strict=True):
        _box(ax, x, 2, r"$\tanh$", BLUE, width=1.0, height=0.8)
        _path(ax, [(x, 0.35), (x, 1.55)], color=GREEN)
        _label(ax, x, 0.05, f"$x_{{{name}}}$")
        _label(ax, x - 0.35, 0.85, r"$W_{ih}$", color=GREEN, fontsize=11)
        _path(ax, [(x, 2.45), (x, 3.3)], color=BLUE)
        _label(ax, x, 3.6, f"$h_{{{name}}}$")
        _path(ax, [(previous + 0.05, 2), (x - 0.55, 2)], color=BLUE)
        _label(ax, (previous + x) / 2 - 0.1, 2.25, r"$W_{hh}$", color=BLUE, fontsize=11)
        previous = x + 0.5
    # Back-propagation: dL/dh_t is multiplied by dh_t/dh_{t-1} at every step back.
    for right, left in zip(xs[:0:-1], xs[-2::-1], strict=True):
        ax.add_patch(
            FancyArrowPatch(
                (right - 0.4, 1.45),
                (left + 0.4, 1.45),
                arrowstyle="-|>",
                mutation_scale=11,
                color=RED,
                linestyle="--",
                linewidth=1.3,
                connectionstyle="arc3,rad=-0.25",
            )
        )
    _label(ax, 7.0, 0.85, r"$\frac{\partial h_t}{\partial h_{t-1}}$", color=RED, fontsize=12)
    _label(ax, 7.0, 3.5, r"$\cdots$", fontsize=14)
    ax.set_xlim(-0.5, 9.0)
    ax.set_ylim(-0.3, 3.9)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


# --- gradient norms through time -------------------------------------------------------------

STEPS = 60


def _gradient_norms_rnn(scale: float | None, inputs: torch.Tensor) -> list[float]:
    """||dL/dh_t|| for L = sum(h_T) through ``nn.RNNCell`` whose W_hh is ``scale * W0``
    (W0 with N(0, 1/H) entries, spectral radius about 1), or torch's default if ``None``."""
    hidden = 32
    torch.manual_seed(1)
    cell = nn.RNNCell(inputs.shape[1], hidden)
    if scale is not None:
        with torch.no_grad():
            cell.weight_hh.copy_(scale * torch.randn(hidden, hidden) / hidden**0.5)
    h, states = torch.zeros(1, hidden), []
    for t in range(len(inputs)):
        h = cell(inputs[t : t + 1], h)
        h.retain_grad()
        states.append(h)
    h.sum().backward()
    return [state.grad.norm().item() for state in states]


def rnn_gradient_norms() -> Figure:
    """||dL/dh_t|| over t for W_hh of spectral radius about 0.5, 1, 1.5 and 3 (tanh RNN)."""
    torch.manual_seed(0)
    inputs = torch.randn(STEPS, 8)
    figure, ax = plt.subplots(figsize=(7.2, 3.8))
    steps = range(1, STEPS + 1)
    for scale, color in ((0.5, BLUE), (1.0, GREEN), (1.5, ORANGE), (3.0, RED)):
        norms = _gradient_norms_rnn(scale, inputs)
        ax.semilogy(steps, norms, color=color, linewidth=2, label=f"$g = {scale}$")
    ax.set_xlabel("$t$")
    ax.set_ylabel(r"$\|\partial L / \partial h_t\|$")
    ax.set_title(r"$L = \sum_j h_{T,j},\quad T = 60,\quad W_{hh} = g\,W_0$")
    ax.legend(loc="lower right", fontsize=10)
    figure.tight_layout()
    return figure


def lstm_gradient_norms() -> Figure:
    """||dL/dc_t|| of an LSTM whose forget-gate bias is 0, 1 or 3, next to ||dL/dh_t|| of a
    tanh RNN; both cells otherwise keep torch's default initialisation."""
    torch.manual_seed(0)
    inputs = torch.randn(STEPS, 8)
    hidden = 32
    figure, ax = plt.subplots(figsize=(7.2, 3.8))
    steps = range(1, STEPS + 1)
    rnn = _gradient_norms_rnn(None, inputs)
    label = r"RNN: $\|\partial L / \partial h_t\|$"
    ax.semilogy(steps, rnn, color=GREY, linewidth=2, linestyle="--", label=label)
    for forget_bias, color in ((0.0, BLUE), (1.0, GREEN), (3.0, ORANGE)):
        torch.manual_seed(1)
        cell = nn.LSTMCell(inputs.shape[1], hidden)
        with torch.no_grad():
            cell.bias_ih[hidden : 2 * hidden] = forget_bias
            cell.bias_hh[hidden : 2 * hidden] = 0.0
        h, c, cells = torch.zeros(1, hidden), torch.zeros(1, hidden), []
        for t in range(STEPS):
            h, c = cell(inputs[t : t + 1], (h, c))
            c.retain_grad()
            cells.append(c)
        h.sum().backward()
        norms = [state.grad.norm().item() for state in cells]
        ax.semilogy(steps, norms, color=color, linewidth=2, label=f"LSTM, $b_f = {forget_bias:g}$")
    ax.set_xlabel("$t$")
    ax.set_ylabel(r"$\|\partial L / \partial c_t\|$")
    ax.set_title(r"$L = \sum_j h_{T,j},\quad T = 60$")
    ax.legend(loc="lower right", fontsize=10)
    figure.tight_layout()
    return figure


# --- LSTM and GRU cells ----------------------------------------------------------------------


def lstm_cell() -> Figure:
    """The LSTM cell as torch computes it: four gates from [x_t, h_{t-1}], the cell-state path
    along the top (only a product and a sum), and h_t = o_t * tanh(c_t)."""
    figure, ax = plt.subplots(figsize=(8.4, 5.0))
    _frame(ax, 0.3, 0.45, 10.0, 5.55)
    top, bus, gate = 4.9, 1.0, 2.45
    # Cell state: c_{t-1} -> (x f_t) -> (+ i_t g_t) -> c_t
    _path(ax, [(-0.6, top), (2.0 - 0.26, top)], color=ORANGE, width=2.2)
    _op(ax, 2.0, top, r"$\times$")
    _path(ax, [(2.26, top), (5.0 - 0.26, top)], color=ORANGE, width=2.2)
    _op(ax, 5.0, top, "$+$")
    _path(ax, [(5.26, top), (10.9, top)], color=ORANGE, width=2.2)
    _label(ax, -0.6, top + 0.35, "$c_{t-1}$")
    _label(ax, 10.8, top + 0.35, "$c_t$")
    # Inputs: h_{t-1} from the left, x_t from below, joined into one bus.
    _path(ax, [(-0.6, bus), (7.0, bus)], color=BLUE, arrow=False, width=1.8)
    _path(ax, [(1.0, -0.35), (1.0, bus)], color=GREEN, arrow=False, width=1.8)
    _label(ax, -0.6, bus + 0.35, "$h_{t-1}$")
    _label(ax, 1.0, -0.6, "$x_t$")
    gates = [  # f, i, g, o from left to right
        (2.0, r"$\sigma$", PURPLE),
        (3.6, r"$\sigma$", PURPLE),
        (5.0, r"$\tanh$", BLUE),
        (7.0, r"$\sigma$", PURPLE),
    ]
    for x, symbol, color in gates:
        _path(ax, [(x, bus), (x, gate - 0.42)])
        _box(ax, x, gate, symbol, color)
    # f_t scales c_{t-1}; i_t * g_t is added.
    _path(ax, [(2.0, gate + 0.4), (2.0, top - 0.26)])
    _label(ax, 1.7, 3.45, "$f_t$", fontsize=12)
    _op(ax, 5.0, 3.7, r"$\times$")
    _path(ax, [(3.6, gate + 0.4), (3.6, 3.7), (5.0 - 0.26, 3.7)])
    _label(ax, 3.3, 3.45, "$i_t$", fontsize=12)
    _path(ax, [(5.0, gate + 0.4), (5.0, 3.7 - 0.26)])
    _label(ax, 5.3, 3.1, "$g_t$", fontsize=12)
    _path(ax, [(5.0, 3.7 + 0.26), (5.0, top - 0.26)])
    # h_t = o_t * tanh(c_t)
    _path(ax, [(8.4, top), (8.4, 3.75 + 0.3)])
    _box(ax, 8.4, 3.75, r"$\tanh$", BLUE, width=0.9, height=0.6)
    _op(ax, 8.4, gate, r"$\times$")
    _path(ax, [(8.4, 3.75 - 0.34), (8.4, gate + 0.26)])
    _path(ax, [(7.0 + 0.46, gate), (8.4 - 0.26, gate)])
    _label(ax, 7.75, gate + 0.3, "$o_t$", fontsize=12)
    _path(ax, [(8.4, gate - 0.26), (8.4, bus), (10.9, bus)], color=BLUE, width=1.8)
    _path(ax, [(9.4, bus), (9.4, 6.3)], color=BLUE, width=1.8)
    _label(ax, 10.8, bus + 0.35, "$h_t$")
    _label(ax, 9.75, 6.15, "$h_t$")
    ax.set_xlim(-1.0, 11.2)
    ax.set_ylim(-0.9, 6.5)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


def gru_cell() -> Figure:
    """The GRU cell as torch computes it: gates r and z, the candidate n in which r scales the
    recurrent term W_hn h + b_hn, and h_t = (1 - z) n + z h_{t-1}; there is no cell state."""
    figure, ax = plt.subplots(figsize=(8.4, 5.0))
    _frame(ax, 0.3, 0.3, 10.0, 5.55)
    top, bus, gate = 4.9, 1.0, 2.45
    # The state line: h_{t-1} -> (x z_t) -> (+ (1 - z_t) n_t) -> h_t
    _path(ax, [(-0.6, top), (6.0 - 0.26, top)], color=BLUE, width=2.2)
    _op(ax, 6.0, top, r"$\times$")
    _path(ax, [(6.26, top), (8.4 - 0.26, top)], color=BLUE, width=2.2)
    _op(ax, 8.4, top, "$+$")
    _path(ax, [(8.66, top), (10.9, top)], color=BLUE, width=2.2)
    _path(ax, [(9.4, top), (9.4, 6.3)], color=BLUE, width=1.8)
    _label(ax, -0.6, top + 0.35, "$h_{t-1}$")
    _label(ax, 10.8, top + 0.35, "$h_t$")
    _label(ax, 9.75, 6.15, "$h_t$")
    # h_{t-1} also goes down to the bus that x_t joins.
    _path(ax, [(0.8, top), (0.8, bus), (7.0, bus)], color=BLUE, arrow=False, width=1.8)
    _path(ax, [(1.6, -0.35), (1.6, bus)], color=GREEN, arrow=False, width=1.8)
    _label(ax, 1.6, -0.6, "$x_t$")
    # Update gate z_t: scales h_{t-1}; 1 - z_t scales the candidate.
    _path(ax, [(2.4, bus), (2.4, gate - 0.42)])
    _box(ax, 2.4, gate, r"$\sigma$", PURPLE)
    _path(ax, [(2.4, gate + 0.4), (2.4, 4.0), (6.0, 4.0), (6.0, top - 0.26)])
    _label(ax, 2.1, 3.45, "$z_t$", fontsize=12)
    _path(ax, [(6.0, 4.0), (7.3 - 0.36, 4.0)])
    _op(ax, 7.3, 4.0, "$1-$", radius=0.36)
    _path(ax, [(7.3 + 0.36, 4.0), (8.4 - 0.26, 4.0)])
    _op(ax, 8.4, 4.0, r"$\times$")
    _path(ax, [(8.4, 4.0 + 0.26), (8.4, top - 0.26)])
    # Reset gate r_t scales the recurrent term of the candidate.
    _path(ax, [(3.8, bus), (3.8, gate - 0.42)])
    _box(ax, 3.8, gate, r"$\sigma$", PURPLE)
    _label(ax, 4.6, gate + 0.3, "$r_t$", fontsize=12)
    _op(ax, 5.3, gate, r"$\times$")
    _path(ax, [(3.8 + 0.46, gate), (5.3 - 0.26, gate)])
    _path(ax, [(5.3, bus), (5.3, gate - 0.26)])
    _label(ax, 5.0, 0.68, r"$W_{hn}h_{t-1}+b_{hn}$", fontsize=10)
    _box(ax, 7.0, gate, r"$\tanh$", BLUE)
    _path(ax, [(5.3 + 0.26, gate), (7.0 - 0.46, gate)])
    _path(ax, [(7.0, bus), (7.0, gate - 0.42)])
    _label(ax, 7.35, 0.68, r"$W_{in}x_t+b_{in}$", fontsize=10)
    _path(ax, [(7.0, gate + 0.4), (7.0, 3.2), (8.4, 3.2), (8.4, 4.0 - 0.26)])
    _label(ax, 7.75, 2.95, "$n_t$", fontsize=12)
    ax.set_xlim(-1.0, 11.2)
    ax.set_ylim(-0.9, 6.5)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


FIGURES = {
    "rnn-unrolled": rnn_unrolled,
    "rnn-gradient-norms": rnn_gradient_norms,
    "lstm-cell": lstm_cell,
    "lstm-gradient-norms": lstm_gradient_norms,
    "gru-cell": gru_cell,
}
CODE_NAMES = {"RNN", "LSTM"}
