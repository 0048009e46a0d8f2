"""Figures of the optimization basics: minibatch noise, momentum and Nesterov, averaged SGD.

Every path is computed by torch itself (``torch.optim.SGD``, ``torch.optim.ASGD``,
``torch.utils.data.DataLoader``); trajectories use the common bowl of ``nnref.figures.optim``.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from torch.utils.data import DataLoader, TensorDataset

from nnref.figures.optim import START, bowl, draw_bowl, draw_path, trajectory
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.optim.minibatches import minibatch_gradient_variance

# A small least-squares problem: 64 examples, 2 features, noisy targets.
N_EXAMPLES = 64


def _regression() -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(N_EXAMPLES, 2, generator=generator, dtype=torch.float64)
    y = x @ torch.tensor([2.0, -1.0], dtype=torch.float64) + 0.5 * torch.randn(
        N_EXAMPLES, generator=generator, dtype=torch.float64
    )
    return x, y


def _loss(w: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return ((x @ w - y) ** 2).mean()


def _sgd_path(batch_size: int, iterations: int, lr: float) -> torch.Tensor:
    """The weights after each of ``iterations`` torch.optim.SGD updates on minibatches of
    ``batch_size`` examples from a shuffling DataLoader, shape ``(iterations + 1, 2)``."""
    x, y = _regression()
    w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    loader = DataLoader(
        TensorDataset(x, y),
        batch_size=batch_size,
        shuffle=True,
        generator=torch.Generator().manual_seed(1),
    )
    path = [w.detach().clone()]
    while len(path) <= iterations:
        for xb, yb in loader:
            optimizer.zero_grad()
            _loss(w, xb, yb).backward()
            optimizer.step()
            path.append(w.detach().clone())
            if len(path) > iterations:
                break
    return torch.stack(path)


def gradient_descent_batches() -> Figure:
    """Left: loss gap per iteration for batch sizes 64 (full batch), 8 and 1 at the same
    learning rate. Right: squared error of the minibatch gradient against the batch size."""
    x, y = _regression()
    # L(w) - L* = (w - w*)^T A (w - w*) with A = x^T x / n: no cancellation near the minimum,
    # so the plotted values do not depend on the last bits of a reduction.
    hessian_half = x.T @ x / N_EXAMPLES
    best = torch.linalg.solve(hessian_half, x.T @ y / N_EXAMPLES)
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    for batch_size, color in ((N_EXAMPLES, BLUE), (8, ORANGE), (1, GREEN)):
        error = _sgd_path(batch_size, iterations=120, lr=0.05) - best
        gap = ((error @ hessian_half) * error).sum(1)
        left.plot(gap, color=color, linewidth=1.4, label=f"batch_size = {batch_size}")
    left.set_yscale("log")
    left.set_xlabel("$t$")
    left.set_ylabel("$L(w_t) - L^*$")
    left.legend(loc="lower left", fontsize=9)

    # Per-example gradients at w = 0, and minibatch means over random batches (no repeats).
    w = torch.zeros(2, dtype=torch.float64)
    per_example = 2 * (x @ w - y).unsqueeze(1) * x
    full = per_example.mean(0)
    generator = torch.Generator().manual_seed(2)
    sizes = [1, 2, 4, 8, 16, 32]
    measured = []
    for batch_size in sizes:
        errors = []
        for _ in range(4000):
            batch = torch.randperm(N_EXAMPLES, generator=generator)[:batch_size]
            errors.append(((per_example[batch].mean(0) - full) ** 2).sum())
        measured.append(float(torch.stack(errors).mean()))
    grid = torch.arange(1, 33, dtype=torch.float64)
    sigma2 = minibatch_gradient_variance(per_example, 1)
    right.plot(grid, sigma2 / grid, color=GREY, linestyle="--", label=r"$\sigma^2 / B$")
    exact = [minibatch_gradient_variance(per_example, int(b)) for b in grid]
    right.plot(grid, exact, color=PURPLE, label=r"$\frac{\sigma^2}{B}\,\frac{n - B}{n - 1}$")
    right.plot(sizes, measured, "o", color=RED, label=r"$\overline{\|g_B - g\|^2}$")
    right.set_xscale("log", base=2)
    right.set_yscale("log")
    right.set_xticks(sizes, [str(s) for s in sizes])
    right.set_xlabel("$B$")
    right.set_ylabel(r"$\mathbb{E}\,\|g_B - g\|^2$")
    right.legend(loc="lower left", fontsize=9)
    figure.tight_layout()
    return figure


def momentum_trajectory() -> Figure:
    """Left: plain SGD, momentum and Nesterov momentum on the bowl (lr 0.05, 40 steps).
    Right: f(w_t) over 100 steps, plus Polyak's best heavy-ball setting for this bowl."""
    runs = [
        (dict(lr=0.05), BLUE, "lr = 0.05"),
        (dict(lr=0.05, momentum=0.9), ORANGE, "lr = 0.05, momentum = 0.9"),
        (dict(lr=0.05, momentum=0.9, nesterov=True), GREEN, "nesterov = True"),
    ]
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(11, 3.9), gridspec_kw={"width_ratios": [1.6, 1]}
    )
    draw_bowl(left)
    for options, color, label in runs:
        draw_path(left, trajectory(torch.optim.SGD, steps=40, **options), color, label)
        points = trajectory(torch.optim.SGD, steps=100, **options)
        right.plot(bowl(points[:, 0], points[:, 1]), color=color, linewidth=1.4)
    best = trajectory(torch.optim.SGD, steps=100, lr=0.668, momentum=0.403)
    right.plot(
        bowl(best[:, 0], best[:, 1]),
        color=PURPLE,
        linewidth=1.4,
        label="lr = 0.668, momentum = 0.403",
    )
    left.legend(loc="lower right", fontsize=8)
    right.legend(loc="upper right", fontsize=8)
    right.set_yscale("log")
    right.set_ylim(1e-12, 30)
    right.set_xlabel("$t$")
    right.set_ylabel("$f(w_t)$")
    figure.tight_layout()
    return figure


def _asgd_run(steps: int, noise: float, **options: object) -> tuple[torch.Tensor, torch.Tensor]:
    """Iterates and averages ``state["ax"]`` of torch.optim.ASGD on the bowl, with gradient
    noise of standard deviation ``noise`` (a random linear term added to the loss)."""
    generator = torch.Generator().manual_seed(3)
    w = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.ASGD([w], **options)
    iterates, averages = [w.detach().clone()], [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        shift = noise * torch.randn(2, generator=generator, dtype=torch.float64)
        (bowl(w[0], w[1]) + (shift * w).sum()).backward()
        optimizer.step()
        iterates.append(w.detach().clone())
        averages.append(optimizer.state[w]["ax"].clone())
    return torch.stack(iterates), torch.stack(averages)


def asgd_trajectory() -> Figure:
    """ASGD with noisy gradients on the bowl (lr 0.45, t0 60, 600 steps; every second iterate
    drawn on the left): the iterates keep
    jittering around the minimum, their running average (from step t0 + 2 = 62) settles near
    it. Right: the distances of both to the minimum."""
    iterates, averages = _asgd_run(600, noise=1.0, lr=0.45, t0=60)
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(11, 3.9), gridspec_kw={"width_ratios": [1.6, 1]}
    )
    draw_bowl(left)
    left.plot(
        iterates[::2, 0],
        iterates[::2, 1],
        ".",
        color=BLUE,
        markersize=2.5,
        alpha=0.6,
        label="param",
    )
    start = 62  # t0 + 2: the first step whose ax is an average rather than a copy of param
    left.plot(
        averages[start:, 0], averages[start:, 1], color=ORANGE, linewidth=1.8, label='state["ax"]'
    )
    left.legend(loc="lower right", fontsize=9)
    right.plot(iterates.norm(dim=1), color=BLUE, linewidth=0.8, alpha=0.8, label="param")
    right.plot(averages.norm(dim=1), color=ORANGE, linewidth=1.8, label='state["ax"]')
    right.axvline(start, color=GREY, linewidth=0.8, linestyle=":")
    right.set_yscale("log")
    right.set_xlabel("$t$")
    right.set_ylabel(r"$\|w_t - w^*\|$")
    right.legend(loc="lower left", fontsize=9)
    figure.tight_layout()
    return figure


FIGURES = {
    "gradient-descent-batches": gradient_descent_batches,
    "momentum-trajectory": momentum_trajectory,
    "asgd-trajectory": asgd_trajectory,
}
CODE_NAMES = {"batch_size", "lr", "momentum", "nesterov", "True", "param", "state", "ax"}
