"""Figures of optimizers, and the common 2-D test function every optimizer page draws on.

Every trajectory figure of the site uses ``bowl`` from ``START`` (``trajectory`` computes the
path with torch.optim itself) and draws its background with ``draw_bowl``, so that the
optimizers can be compared from page to page.
"""

from collections.abc import Callable

import matplotlib.pyplot as plt
import torch
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, ORANGE

# The common test function of every optimizer page: an elongated bowl, steep along w2.
START = (-4.0, 2.0)


def bowl(w1: torch.Tensor, w2: torch.Tensor) -> torch.Tensor:
    """f(w) = 0.1 w1^2 + 2 w2^2: curvature 0.2 along w1 and 4 along w2."""
    return 0.1 * w1**2 + 2 * w2**2


def trajectory(
    optimizer_class: type[torch.optim.Optimizer] = torch.optim.SGD,
    steps: int = 40,
    *,
    function: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] = bowl,
    start: tuple[float, float] = START,
    dtype: torch.dtype | None = None,
    **options: object,
) -> torch.Tensor:
    """Points visited by ``optimizer_class(**options)`` on ``bowl`` from ``START``.

    Steps go through a closure, so L-BFGS (which evaluates the function several times per
    step) works too; the result has shape ``(steps + 1, 2)``.
    """
    w = torch.tensor(start, dtype=dtype, requires_grad=True)
    optimizer = optimizer_class([w], **options)

    def closure() -> torch.Tensor:
        optimizer.zero_grad()
        value = function(w[0], w[1])
        value.backward()
        return value

    points = [w.detach().clone()]
    for _ in range(steps):
        optimizer.step(closure)
        points.append(w.detach().clone())
    return torch.stack(points)


def draw_bowl(ax: Axes) -> None:
    """The contour lines of ``bowl``, the start (dot) and the minimum (star), equal axes."""
    grid1, grid2 = torch.meshgrid(
        torch.linspace(-4.5, 4.5, 181), torch.linspace(-2.5, 2.5, 101), indexing="xy"
    )
    ax.contour(
        grid1,
        grid2,
        bowl(grid1, grid2),
        levels=[0.1, 0.4, 1, 2, 4, 7, 11],
        colors="#BBBBBB",
        linewidths=0.8,
    )
    ax.scatter([START[0]], [START[1]], color="black", zorder=3)
    ax.scatter([0], [0], marker="*", s=120, color="black", zorder=3)
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(r"$f(w) = 0.1\,w_1^2 + 2\,w_2^2$")
    ax.set_aspect("equal")
    ax.grid(False)


def draw_path(ax: Axes, points: torch.Tensor, color: str, label: str) -> None:
    """One trajectory: the visited points joined by lines."""
    ax.plot(points[:, 0], points[:, 1], "o-", color=color, markersize=3, linewidth=1.2, label=label)


def bowl_figure(runs: list[tuple[type, dict, str, str]], steps: int = 40) -> Figure:
    """The bowl with one path of ``steps`` steps per ``(optimizer class, options, colour,
    label)``."""
    figure, ax = plt.subplots(figsize=(7.5, 4))
    draw_bowl(ax)
    for optimizer_class, options, color, label in runs:
        draw_path(ax, trajectory(optimizer_class, steps, **options), color, label)
    ax.legend(loc="lower right", fontsize=9)
    return figure


def sgd_trajectory() -> Figure:
    """Plain SGD (two learning rates) and SGD with momentum on the bowl, 40 steps each."""
    return bowl_figure(
        [
            (torch.optim.SGD, dict(lr=0.05), BLUE, "lr = 0.05"),
            (torch.optim.SGD, dict(lr=0.45), ORANGE, "lr = 0.45"),
            (torch.optim.SGD, dict(lr=0.05, momentum=0.8), GREEN, "lr = 0.05, momentum = 0.8"),
        ]
    )


FIGURES = {"sgd-trajectory": sgd_trajectory}
CODE_NAMES = {"lr", "momentum"}
