"""Figure of the autograd page: a real recorded graph with its values and gradients, and
``.grad`` accumulating over backward calls."""

import itertools

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREY, ORANGE, RED

CODE_NAMES = {
    "MulBackward0",
    "AddBackward0",
    "TanhBackward0",
    "SubBackward0",
    "PowBackward0",
    "AccumulateGrad",
    "grad",
    "w.grad",
    "backward",
    "zero_grad",
    "grad_fn",
}


def _neuron() -> dict[str, torch.Tensor]:
    """L = (tanh(w x + b) - t)^2 with every intermediate's gradient retained."""
    w = torch.tensor(0.5, requires_grad=True)
    b = torch.tensor(-0.5, requires_grad=True)
    x, t = torch.tensor(2.0), torch.tensor(1.0)
    u = w * x
    z = u + b
    a = torch.tanh(z)
    d = a - t
    loss = d**2
    for tensor in (u, z, a, d):
        tensor.retain_grad()
    loss.backward()
    return {"w": w, "b": b, "x": x, "t": t, "u": u, "z": z, "a": a, "d": d, "L": loss}


def _box(ax, x: float, y: float, name: str, value: float, grad: float | None, colour: str):
    ax.add_patch(
        plt.Rectangle((x - 0.75, y - 0.55), 1.5, 1.1, facecolor="white", edgecolor=colour, lw=1.5)
    )
    ax.text(x, y + 0.25, f"${name} = {value:.3f}$", ha="center", va="center", fontsize=10)
    if grad is not None:
        ax.text(x, y - 0.22, f"${grad:.3f}$", ha="center", va="center", fontsize=10, color=RED)


def _arrow(ax, start, end) -> None:
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": GREY, "lw": 1.2})


def autograd_graph() -> Figure:
    """Left: the graph torch records for one neuron; right: w.grad over backward calls."""
    v = _neuron()
    loss = v["L"]
    # the op names are read from the recorded graph itself, from the loss back to the leaves
    names = []
    node = loss.grad_fn
    while node is not None:
        names.append(node.name())
        node = next(
            (
                n
                for n, _ in node.next_functions
                if n is not None and "AccumulateGrad" not in n.name()
            ),
            None,
        )
    assert names == [
        "PowBackward0",
        "SubBackward0",
        "TanhBackward0",
        "AddBackward0",
        "MulBackward0",
    ]

    figure, (ax, bars) = plt.subplots(
        1, 2, figsize=(11.5, 4.6), gridspec_kw={"width_ratios": [2.3, 1]}
    )
    chain = [
        ("u", "MulBackward0"),
        ("z", "AddBackward0"),
        ("a", "TanhBackward0"),
        ("d", "SubBackward0"),
        ("L", "PowBackward0"),
    ]
    xs = [1.0 + 1.9 * k for k in range(len(chain))]
    y = 1.2
    for (name, op), x in zip(chain, xs, strict=True):
        grad = v[name].grad.item() if name != "L" else 1.0
        _box(ax, x, y, name, v[name].item(), grad, BLUE)
        ax.text(x, y - 0.85, op, ha="center", va="center", fontsize=8, color=GREY)
    for x0, x1 in itertools.pairwise(xs):
        _arrow(ax, (x0 + 0.78, y), (x1 - 0.78, y))
    # leaves above: w and b accumulate their gradients; x and t are constants
    leaves = [("w", xs[0] - 0.8), ("x", xs[0] + 0.8), ("b", xs[1] + 0.5), ("t", xs[3] + 0.5)]
    for name, x in leaves:
        tensor = v[name]
        grad = tensor.grad.item() if tensor.requires_grad else None
        _box(ax, x, 3.3, name, tensor.item(), grad, ORANGE if tensor.requires_grad else GREY)
        target = next(cx for cx in xs if abs(cx - x) < 1.0)
        _arrow(ax, (x, 2.73), (target + (x - target) * 0.3, y + 0.58))
    ax.text(xs[0] - 0.8, 4.25, "AccumulateGrad", ha="center", fontsize=8, color=GREY)
    ax.text(xs[1] + 0.5, 4.25, "AccumulateGrad", ha="center", fontsize=8, color=GREY)
    ax.set_xlim(-0.9, xs[-1] + 1.0)
    ax.set_ylim(-0.1, 4.6)
    ax.set_aspect("equal")
    ax.set_axis_off()

    # right: w.grad after each backward() call, and after zero_grad()
    w = torch.tensor(0.5, requires_grad=True)
    history = []
    for call in range(4):
        if call == 3:
            w.grad = None  # optimizer.zero_grad() with set_to_none=True
        ((torch.tanh(w * 2.0 - 0.5) - 1.0) ** 2).backward()
        history.append(w.grad.item())
    assert abs(history[0] - v["w"].grad.item()) < 1e-7
    colours = [RED, RED, RED, BLUE]
    bars.bar(range(1, 5), history, color=colours, width=0.6)
    for k, value in enumerate(history, start=1):
        bars.text(k, value - 0.12, f"${value:.3f}$", ha="center", va="top", fontsize=9)
    bars.axvline(3.5, color=GREY, linestyle="--", lw=1)
    bars.text(3.55, 0.15, "zero_grad()", ha="left", fontsize=9, color=GREY)
    bars.axhline(0, color="black", lw=0.8)
    bars.set_xticks(range(1, 5))
    bars.set_xlabel("backward()")
    bars.set_ylabel("w.grad")
    bars.set_ylim(min(history) * 1.25, 0.5)
    return figure


FIGURES = {"autograd-graph": autograd_graph}
