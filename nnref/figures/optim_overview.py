"""Figures of the optimization overview and of the learning-rate page.

``optim-overview``: the loss after each step of every ``torch.optim`` optimizer, on the common
bowl (``nnref.figures.optim``) and on the small network of ``nnref.optim.training_curves``,
each with the best learning rate of a grid (``BOWL_LRS``, ``NETWORK_LRS``; the tests check that
they are the best). ``learning-rate``: training curves of SGD for several learning rates on that
network, and a learning-rate range test.
"""

import math

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from nnref.figures.optim import START, bowl, trajectory
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.optim.lr_finder import lr_range_test
from nnref.optim.training_curves import initial_weights, loss_curve, mse, regression_data

# Every optimizer of torch.optim, in four families (one column of the figure each).
FAMILIES = [
    ["SGD", "ASGD"],
    ["Adagrad", "RMSprop", "Adadelta", "Rprop"],
    ["Adam", "AdamW", "Adamax", "NAdam", "RAdam", "SparseAdam"],
    ["Adafactor", "LBFGS", "Muon"],
]
OPTIMIZERS = [name for names in FAMILIES for name in names]
COLORS = [BLUE, ORANGE, GREEN, RED, PURPLE, GREY]

# The grid of learning rates tried, and the best of it for each optimizer: the lowest mean
# log10 loss over the whole run (fast and stable; ties go to the smaller rate).
LR_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
BOWL_STEPS = 60
NETWORK_STEPS = 200
BOWL_LRS = {
    "SGD": 0.3,
    "ASGD": 0.3,
    "Adagrad": 3.0,
    "RMSprop": 3.0,
    "Adadelta": 3.0,
    "Rprop": 0.3,
    "Adam": 1.0,
    "AdamW": 3.0,
    "Adamax": 1.0,
    "NAdam": 1.0,
    "RAdam": 0.3,
    "SparseAdam": 1.0,
    "Adafactor": 1.0,
    "LBFGS": 1.0,
    "Muon": 0.3,
}
NETWORK_LRS = {
    "SGD": 0.1,
    "ASGD": 0.1,
    "Adagrad": 0.1,
    "RMSprop": 0.01,
    "Adadelta": 3.0,
    "Rprop": 0.3,
    "Adam": 0.03,
    "AdamW": 0.03,
    "Adamax": 0.1,
    "NAdam": 0.03,
    "RAdam": 0.3,
    "Adafactor": 1.0,
    "LBFGS": 1.0,
    "Muon": 0.03,
}
FLOOR = 1e-12  # losses are drawn on a log scale: exact zeros are shown at this floor


def _options(name: str, lr: float) -> dict:
    """The learning rate, and for L-BFGS one iteration per step (one gradient, like the rest)."""
    return {"lr": lr, "max_iter": 1} if name == "LBFGS" else {"lr": lr}


def bowl_losses(name: str, lr: float, steps: int = BOWL_STEPS) -> list[float]:
    """``bowl`` at every point that ``torch.optim.<name>`` visits from ``START``.

    SparseAdam needs a sparse gradient: the point is then the one row of a sparse
    ``nn.Embedding``; Muon needs a matrix: the point is then a 1 x 2 matrix.
    """
    optimizer_class = getattr(torch.optim, name)
    if name not in ("SparseAdam", "Muon"):
        points = trajectory(optimizer_class, steps, **_options(name, lr))
        return [bowl(p[0], p[1]).item() for p in points]
    if name == "SparseAdam":
        embedding = torch.nn.Embedding(1, 2, sparse=True)
        with torch.no_grad():
            embedding.weight.copy_(torch.tensor([START]))
        param = embedding.weight

        def point() -> torch.Tensor:
            return embedding(torch.tensor([0]))[0]
    else:
        param = torch.tensor([START], requires_grad=True)

        def point() -> torch.Tensor:
            return param[0]

    optimizer = optimizer_class([param], lr=lr)
    values = []
    for _ in range(steps + 1):
        optimizer.zero_grad()
        w = point()
        loss = bowl(w[0], w[1])
        values.append(loss.item())
        loss.backward()
        optimizer.step()
    return values


def network_losses(name: str, lr: float, steps: int = NETWORK_STEPS) -> list[float]:
    """The full-batch loss of the small network trained by ``torch.optim.<name>``."""
    return loss_curve(getattr(torch.optim, name), steps, **_options(name, lr))


def grid_score(losses: list[float]) -> float:
    """Mean log10 loss over the run (lower is better; an overflow counts as 1e9)."""
    values = [value if math.isfinite(value) else 1e9 for value in losses]
    return sum(math.log10(max(value, FLOOR)) for value in values) / len(values)


def optim_overview() -> Figure:
    """Loss per step of the 15 optimizers, one family per column: bowl (top), network (bottom)."""
    figure, axes = plt.subplots(2, 4, figsize=(10.5, 5.8), sharex="row", sharey="row")
    for column, names in enumerate(FAMILIES):
        top, bottom = axes[:, column]
        for name, color in zip(names, COLORS, strict=False):
            values = [max(v, FLOOR) for v in bowl_losses(name, BOWL_LRS[name])]
            if name == "SparseAdam":  # sparse gradients only: drawn on the bowl, over Adam
                top.plot(
                    values,
                    "o",
                    color=color,
                    markevery=4,
                    markersize=4,
                    fillstyle="none",
                    label=f"{name}  {BOWL_LRS[name]:g}",
                )
                continue
            top.plot(
                values,
                color=color,
                linewidth=1.4,
                label=f"{name}  {BOWL_LRS[name]:g} / {NETWORK_LRS[name]:g}",
            )
            bottom.plot(network_losses(name, NETWORK_LRS[name]), color=color, linewidth=1.4)
        top.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5, frameon=False)
        for ax in (top, bottom):
            ax.set_yscale("log")
            ax.yaxis.set_minor_locator(NullLocator())  # fewer SVG elements
        top.set_xticks(range(0, BOWL_STEPS + 1, 20))
        bottom.set_xticks(range(0, NETWORK_STEPS + 1, 50))
        bottom.set_xlabel("$t$")
    axes[0, 0].set_ylim(FLOOR / 3, 1e3)
    axes[0, 0].set_ylabel("$f(w_t)$")
    axes[1, 0].set_ylabel(r"$L(\theta_t)$")
    figure.tight_layout()
    return figure


CURVE_LRS = (0.003, 0.03, 0.1, 0.2, 0.3)
CURVE_STEPS = 300


def range_test(batch_size: int = 16, steps: int = 100):
    """The range test of SGD on the small network, minibatches of ``batch_size`` rows."""
    x, y = regression_data()
    weights = initial_weights()
    optimizer = torch.optim.SGD(weights)
    generator = torch.Generator().manual_seed(3)

    def loss_at(step: int) -> torch.Tensor:
        rows = torch.randint(0, len(x), (batch_size,), generator=generator)
        return mse(weights, x[rows], y[rows])

    return lr_range_test(optimizer, loss_at, start=1e-4, end=10.0, steps=steps)


def learning_rate() -> Figure:
    """SGD training curves for five learning rates (left) and a range test (right)."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.9))
    for lr, color in zip(CURVE_LRS, COLORS, strict=False):
        left.plot(loss_curve(torch.optim.SGD, CURVE_STEPS, lr=lr), color=color, label=f"lr = {lr}")
    left.set_yscale("log")
    left.set_ylim(0.01, 10)
    left.set_xlabel("$t$")
    left.set_ylabel(r"$L(\theta_t)$")
    left.legend(fontsize=9, loc="upper right")

    result = range_test()
    dots = dict(color=GREY, markersize=2.5, alpha=0.6)
    right.plot(result.lrs, result.losses, "o", **dots, label=r"$\ell_k$")
    right.plot(result.lrs, result.smoothed, color=BLUE, linewidth=1.6, label=r"$\bar\ell_k$")
    best = result.best_lr
    right.axvline(best, color=RED, linestyle="--", linewidth=1, label=rf"$\eta^* = {best:.2f}$")
    right.axvline(
        result.suggestion(), color=GREEN, linestyle="--", linewidth=1, label=r"$\eta^* / 10$"
    )
    right.set_xscale("log")
    right.set_ylim(0, 1.5)
    right.set_xlabel(r"$\eta_k$")
    right.legend(fontsize=9, loc="upper left")
    figure.tight_layout()
    return figure


FIGURES = {"optim-overview": optim_overview, "learning-rate": learning_rate}
CODE_NAMES = {"lr", *OPTIMIZERS}
