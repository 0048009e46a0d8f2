"""Figures of L-BFGS and Muon: trajectories on the common bowl, and what Newton–Schulz does.

Every path is computed by ``torch.optim`` itself. Muon only accepts matrices, so its
parameter on the bowl is the 1 x 2 matrix [[w1, w2]]: for a single row, the Newton–Schulz
iteration returns the row's direction scaled by about 0.7, so Muon moves a fixed distance
per step, whatever the size of the gradient.
"""

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nnref.figures.optim import START, bowl, draw_bowl, draw_path, trajectory
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, RED

ROSENBROCK_START = (-1.5, 2.0)


def rosenbrock(w1: torch.Tensor, w2: torch.Tensor) -> torch.Tensor:
    """The banana-shaped valley f(w) = (1 - w1)^2 + 100 (w2 - w1^2)^2, minimum at (1, 1)."""
    return (1 - w1) ** 2 + 100 * (w2 - w1**2) ** 2


def lbfgs_on_rosenbrock(steps: int, **options: object) -> torch.Tensor:
    """Points visited by ``torch.optim.LBFGS(**options)`` on ``rosenbrock`` (float64)."""
    return trajectory(
        torch.optim.LBFGS,
        steps,
        function=rosenbrock,
        start=ROSENBROCK_START,
        dtype=torch.float64,
        **options,
    )


def draw_rosenbrock(ax: Axes) -> None:
    """Log-spaced contours of ``rosenbrock``, its start (dot) and minimum (star)."""
    grid1, grid2 = torch.meshgrid(
        torch.linspace(-2.2, 2.2, 221), torch.linspace(-1.2, 3.2, 221), indexing="xy"
    )
    ax.contour(
        grid1,
        grid2,
        rosenbrock(grid1, grid2),
        levels=np.logspace(-1, 3.3, 10),
        colors="#BBBBBB",
        linewidths=0.8,
    )
    ax.scatter([ROSENBROCK_START[0]], [ROSENBROCK_START[1]], color="black", zorder=3)
    ax.scatter([1], [1], marker="*", s=120, color="black", zorder=3)
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-1.2, 3.2)
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(r"$f(w) = (1 - w_1)^2 + 100\,(w_2 - w_1^2)^2$")
    ax.set_aspect("equal")
    ax.grid(False)


def lbfgs_trajectory() -> Figure:
    """L-BFGS on the bowl (left) and on the Rosenbrock valley (right)."""
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(12, 4.6), gridspec_kw={"width_ratios": [1.45, 1]}
    )
    draw_bowl(left)
    wolfe = dict(max_iter=1, line_search_fn="strong_wolfe", max_eval=25)
    runs = [
        (dict(), 1, GREY, "max_iter = 20"),
        (dict(max_iter=1), 8, BLUE, "max_iter = 1"),
        (wolfe, 8, ORANGE, "max_iter = 1, max_eval = 25,\nline_search_fn = 'strong_wolfe'"),
    ]
    for options, steps, color, label in runs:
        draw_path(left, trajectory(torch.optim.LBFGS, steps=steps, **options), color, label)
    left.legend(loc="lower right", fontsize=8)

    draw_rosenbrock(right)
    draw_path(right, lbfgs_on_rosenbrock(40, max_iter=1), BLUE, "max_iter = 1")
    draw_path(right, lbfgs_on_rosenbrock(40, **wolfe), ORANGE, runs[2][3])
    right.legend(loc="upper right", fontsize=8)
    return figure


def muon_on_bowl(steps: int = 50, **options: object) -> torch.Tensor:
    """Points visited by ``torch.optim.Muon(**options)`` on ``bowl``, W = [[w1, w2]]."""
    w = torch.tensor([START], requires_grad=True)  # a 1 x 2 matrix
    optimizer = torch.optim.Muon([w], **options)

    def closure() -> torch.Tensor:
        optimizer.zero_grad()
        value = bowl(w[0, 0], w[0, 1])
        value.backward()
        return value

    points = [w.detach()[0].clone()]
    for _ in range(steps):
        optimizer.step(closure)
        points.append(w.detach()[0].clone())
    return torch.stack(points)


def muon_trajectory() -> Figure:
    """Muon on the bowl: fixed step lengths, with and without momentum."""
    figure, ax = plt.subplots(figsize=(7.5, 4))
    draw_bowl(ax)
    runs = [
        (dict(lr=0.1, momentum=0), GREEN, "lr = 0.1, momentum = 0"),
        (dict(lr=0.1), BLUE, "lr = 0.1"),
        (dict(lr=0.3), ORANGE, "lr = 0.3"),
    ]
    for options, color, label in runs:
        draw_path(ax, muon_on_bowl(**options), color, label)
    ax.legend(loc="lower right", fontsize=9)
    return figure


def muon_update(gradient: torch.Tensor, **options: object) -> torch.Tensor:
    """The orthogonalised update torch.optim.Muon applies for ``gradient`` (one plain step)."""
    weight = torch.zeros_like(gradient, requires_grad=True)
    optimizer = torch.optim.Muon([weight], lr=1.0, weight_decay=0, momentum=0, **options)
    weight.grad = gradient.clone()
    optimizer.step()
    rows, cols = gradient.shape
    return -weight.detach() / max(1, rows / cols) ** 0.5  # undo the "original" lr scaling


def muon_singular_values() -> Figure:
    """Left: the scalar map of Newton–Schulz after 1..5 steps. Right: a spectrum before/after."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    a, b, c = torch.optim.Muon([torch.zeros(1, 1)]).defaults["ns_coefficients"]
    sigma = np.logspace(-3, 0, 601)
    value = sigma.copy()
    colors = {1: GREY, 3: GREEN, 5: BLUE}
    for k in range(1, 6):
        value = a * value + b * value**3 + c * value**5
        if k in colors:
            left.plot(sigma, value, color=colors[k], linewidth=1.4, label=f"ns_steps = {k}")
    left.plot(sigma, sigma, color="black", linewidth=0.8, linestyle=":")
    left.axhline(1, color="black", linewidth=0.8)
    left.set_xscale("log")
    left.set_ylim(0, 1.6)
    left.set_xlabel(r"$\sigma$")
    left.set_ylabel(r"$p^{(k)}(\sigma)$")
    left.set_title(r"$p(\sigma) = a\sigma + b\sigma^3 + c\sigma^5$")
    left.legend(loc="upper center", fontsize=8, ncol=3)

    generator = torch.Generator().manual_seed(0)
    # A 32 x 64 matrix whose singular values fall off geometrically, like a gradient's.
    u, _ = torch.linalg.qr(torch.randn(32, 32, generator=generator, dtype=torch.float64))
    v, _ = torch.linalg.qr(torch.randn(64, 32, generator=generator, dtype=torch.float64))
    spectrum = 0.85 ** torch.arange(32, dtype=torch.float64)
    gradient = u @ torch.diag(spectrum) @ v.T
    before = torch.linalg.svdvals(gradient / gradient.norm())
    after = torch.linalg.svdvals(muon_update(gradient).double())
    index = np.arange(1, 33)
    right.plot(index, before, "o-", color=RED, markersize=3, label=r"$\sigma_i(G)\,/\,\|G\|_F$")
    right.plot(index, after, "o-", color=BLUE, markersize=3, label=r"$\sigma_i(O)$")
    right.axhline(1, color="black", linewidth=0.8)
    right.set_xlabel("$i$")
    right.set_ylabel(r"$\sigma_i$")
    right.set_ylim(0, 1.6)
    right.legend(loc="upper right", fontsize=9)
    return figure


FIGURES = {
    "lbfgs-trajectory": lbfgs_trajectory,
    "muon-trajectory": muon_trajectory,
    "muon-singular-values": muon_singular_values,
}
CODE_NAMES = {
    "lr",
    "momentum",
    "max_iter",
    "max_eval",
    "line_search_fn",
    "strong_wolfe",
    "ns_steps",
}
