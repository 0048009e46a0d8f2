"""Figures of the "building models" pages: a module tree, containers, and skip connections."""

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED

_FILL = {BLUE: "#E8F1FA", GREEN: "#E6F5EF", ORANGE: "#FDF3E1", PURPLE: "#F8EBF3", GREY: "#F2F2F2"}


def _box(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    color: str,
    width: float = 1.6,
    height: float = 0.5,
    dashed: bool = False,
    fontsize: int = 10,
) -> None:
    """A rounded box centred on (x, y) with ``text`` inside."""
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor=_FILL.get(color, "white"),
            edgecolor=color,
            linewidth=1.4,
            linestyle="--" if dashed else "-",
            zorder=2,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize, zorder=3)


def _line(ax: Axes, start: tuple[float, float], end: tuple[float, float], **style) -> None:
    ax.plot([start[0], end[0]], [start[1], end[1]], color=GREY, linewidth=1.0, zorder=1, **style)


def _arrow(
    ax: Axes, start: tuple[float, float], end: tuple[float, float], color: str = GREY, **style
) -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 1.3, **style},
        zorder=1,
    )


def module_tree() -> Figure:
    """The tree of a small model: submodules (boxes), parameters (blue), a buffer (orange)."""
    figure, ax = plt.subplots(figsize=(9.5, 5.0))
    root, body = (4.0, 4.0), (5.6, 2.8)
    _box(ax, *root, "Net", GREY, width=1.2)
    own = [(1.2, 2.8, "scale", "$(3,)$", BLUE), (3.0, 2.8, "mean", "$(4,)$", ORANGE)]
    for x, y, name, shape, color in own:
        _line(ax, (root[0], root[1] - 0.25), (x, y + 0.25))
        _box(ax, x, y, f"{name}  {shape}", color, width=1.5)
    _line(ax, (root[0], root[1] - 0.25), (body[0], body[1] + 0.25))
    _box(ax, *body, "body: nn.Sequential", GREY, width=2.4)
    children = [(3.3, "0: nn.Linear"), (5.6, "1: nn.ReLU"), (7.9, "2: nn.Linear")]
    for x, label in children:
        _line(ax, (body[0], body[1] - 0.25), (x, 1.85))
        _box(ax, x, 1.6, label, GREY, width=1.9)
    leaves = [
        (2.45, "body.0.weight", "$(8, 4)$"),
        (4.15, "body.0.bias", "$(8,)$"),
        (7.05, "body.2.weight", "$(3, 8)$"),
        (8.75, "body.2.bias", "$(3,)$"),
    ]
    for x, name, shape in leaves:
        parent = 3.3 if name.startswith("body.0") else 7.9
        _line(ax, (parent, 1.35), (x, 0.65))
        _box(ax, x, 0.4, f"{name}\n{shape}", BLUE, width=1.6, height=0.62, fontsize=9)
    ax.set_xlim(0.2, 9.7)
    ax.set_ylim(-0.1, 4.4)
    ax.set_axis_off()
    return figure


def containers() -> Figure:
    """nn.Sequential chains its modules; nn.ModuleList only registers them; a list hides them."""
    figure, ax = plt.subplots(figsize=(10, 4.0))
    rows = [(2.6, "nn.Sequential", GREEN), (1.45, "nn.ModuleList", BLUE), (0.3, "list", GREY)]
    names = ["nn.Linear", "nn.ReLU", "nn.Linear"]
    xs = [3.8, 5.8, 7.8]
    for y, title, _ in rows:
        ax.text(0.1, y, title, ha="left", va="center", fontsize=11, family="monospace")
    # nn.Sequential: forward is the chain x -> 0 -> 1 -> 2 -> y.
    y = rows[0][0]
    ax.text(2.55, y, "$x$", ha="center", va="center", fontsize=13)
    ax.text(9.15, y, "$y$", ha="center", va="center", fontsize=13)
    starts = [2.7, *[x + 0.8 for x in xs]]
    ends = [x - 0.8 for x in xs] + [9.0]
    for start, end in zip(starts, ends, strict=True):
        _arrow(ax, (start, y), (end, y), color=GREEN)
    for (y, _, color), dashed in zip(rows, [False, False, True], strict=True):
        for index, (x, name) in enumerate(zip(xs, names, strict=True)):
            label = name if dashed else f"{index}: {name}"
            _box(ax, x, y, label, color, width=1.6, dashed=dashed)
    # What parameters() of the parent sees: both containers register, a list does not.
    ax.text(10.3, 3.3, "parameters()", ha="center", va="center", fontsize=10, family="monospace")
    marks = [("$\\checkmark$", GREEN, 14), ("$\\checkmark$", GREEN, 14), ("$\\times$", RED, 16)]
    for (y, _, _), (mark, color, size) in zip(rows, marks, strict=True):
        ax.text(10.3, y, mark, ha="center", va="center", fontsize=size, color=color)
    ax.set_xlim(0, 11)
    ax.set_ylim(-0.1, 3.5)
    ax.set_axis_off()
    return figure


def merging_skips() -> Figure:
    """A residual block (add), a concatenation skip (cat) and a gate (multiply)."""
    figure, axes = plt.subplots(1, 3, figsize=(11, 4.2))
    # Residual: y = x + F(x).
    ax = axes[0]
    ax.text(0.0, 3.4, "$x$", ha="center", va="center", fontsize=14)
    _arrow(ax, (0, 3.2), (0, 2.55))
    _box(ax, 0, 2.3, "$F$", BLUE, width=1.0, fontsize=14)
    _arrow(ax, (0, 2.05), (0, 1.13))
    ax.text(0, 0.95, "$\\oplus$", ha="center", va="center", fontsize=22, color=GREEN)
    ax.annotate(
        "",
        xy=(0.16, 0.98),
        xytext=(0.08, 3.4),
        arrowprops={
            "arrowstyle": "-|>",
            "color": GREEN,
            "linewidth": 1.4,
            "connectionstyle": "arc,angleA=0,angleB=0,armA=45,armB=45,rad=8",
        },
    )
    ax.text(1.15, 2.3, "$I$", ha="center", va="center", fontsize=13, color=GREEN)
    _arrow(ax, (0, 0.77), (0, 0.25))
    ax.text(0, 0.0, "$y = x + F(x)$", ha="center", va="center", fontsize=13)
    ax.set_xlim(-1.6, 1.9)
    # Concatenation: channels C1 and C2 stacked into C1 + C2 (torch.cat, dim=1).
    ax = axes[1]
    ax.text(-0.9, 3.4, "$x$", ha="center", va="center", fontsize=14)
    _arrow(ax, (-0.9, 3.2), (-0.9, 2.55))
    _box(ax, -0.9, 2.3, "$F$", BLUE, width=1.0, fontsize=14)
    _box(ax, 0.0, 0.95, "torch.cat", GREY, width=1.4, fontsize=11)
    _arrow(ax, (-0.9, 2.05), (-0.3, 1.2))
    ax.annotate(
        "",
        xy=(0.5, 1.2),
        xytext=(-0.75, 3.4),
        arrowprops={
            "arrowstyle": "-|>",
            "color": ORANGE,
            "linewidth": 1.4,
            "connectionstyle": "arc,angleA=0,angleB=90,armA=80,armB=40,rad=8",
        },
    )
    _arrow(ax, (0.0, 0.7), (0.0, 0.25))
    ax.text(0, 0.0, "$[\\,x,\\ F(x)\\,]$", ha="center", va="center", fontsize=13)
    ax.text(-0.45, 1.62, "$C_2$", ha="right", va="center", fontsize=11, color=BLUE)
    ax.text(1.35, 2.3, "$C_1$", ha="center", va="center", fontsize=11, color=ORANGE)
    ax.text(0.85, 0.55, "$C_1 + C_2$", ha="left", va="center", fontsize=11)
    ax.set_xlim(-1.9, 2.2)
    # Gating: y = x * sigmoid(g).
    ax = axes[2]
    ax.text(-0.8, 3.4, "$x$", ha="center", va="center", fontsize=14)
    ax.text(0.8, 3.4, "$g$", ha="center", va="center", fontsize=14)
    _arrow(ax, (0.8, 3.2), (0.8, 2.55))
    _box(ax, 0.8, 2.3, "$\\sigma$", PURPLE, width=0.9, fontsize=14)
    _arrow(ax, (0.8, 2.05), (0.14, 1.08))
    _arrow(ax, (-0.8, 3.2), (-0.14, 1.08))
    ax.text(0, 0.95, "$\\odot$", ha="center", va="center", fontsize=22, color=PURPLE)
    _arrow(ax, (0, 0.77), (0, 0.25))
    ax.text(0, 0.0, "$y = x \\odot \\sigma(g)$", ha="center", va="center", fontsize=13)
    ax.set_xlim(-1.9, 1.9)
    for ax in axes:
        ax.set_ylim(-0.3, 3.7)
        ax.set_axis_off()
    return figure


FIGURES = {"module-tree": module_tree, "containers": containers, "merging-skips": merging_skips}
CODE_NAMES = {
    "Net",
    "body",
    "scale",
    "mean",
    "nn.Sequential",
    "nn.ModuleList",
    "nn.Linear",
    "nn.ReLU",
    "body.0.weight",
    "body.0.bias",
    "body.2.weight",
    "body.2.bias",
    "list",
    "parameters",
    "torch.cat",
}
