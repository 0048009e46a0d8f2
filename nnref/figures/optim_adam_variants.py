"""Figures of the Adam variants: NAdam, RAdam, SparseAdam and Adafactor on the common bowl.

Every trajectory starts from ``START`` on ``bowl`` (see ``nnref.figures.optim``) and is computed
by the torch.optim class itself. SparseAdam needs sparse gradients, so its figure treats
``(w1, w2)`` as a two-row embedding table whose rows are looked up at random.
"""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.figure import Figure

from nnref.figures.optim import START, bowl_figure, draw_bowl, draw_path
from nnref.figures.palette import BLUE, GREEN, ORANGE

# Curvature halves of the bowl f(w) = 0.1 w1^2 + 2 w2^2, one per row of the embedding table.
ROW_COEFFICIENTS = torch.tensor([0.1, 2.0])


def nadam_trajectory() -> Figure:
    """NAdam with two learning rates, and with a fast momentum schedule (momentum_decay=1)."""
    return bowl_figure(
        [
            (torch.optim.NAdam, dict(lr=0.1), BLUE, "lr = 0.1"),
            (
                torch.optim.NAdam,
                dict(lr=0.5, momentum_decay=1.0),
                GREEN,
                "lr = 0.5, momentum_decay = 1",
            ),
            (torch.optim.NAdam, dict(lr=0.5), ORANGE, "lr = 0.5"),
        ],
    )


def radam_trajectory() -> Figure:
    """RAdam with two learning rates, 100 steps: five momentum steps, then rectified ones."""
    return bowl_figure(
        [
            (torch.optim.RAdam, dict(lr=0.1), BLUE, "lr = 0.1"),
            (torch.optim.RAdam, dict(lr=0.5), ORANGE, "lr = 0.5"),
        ],
        100,
    )


def lookup_trajectory(
    optimizer_class: type[torch.optim.Optimizer],
    sparse: bool,
    steps: int = 40,
    seed: int = 0,
    **options: object,
) -> torch.Tensor:
    """The bowl as a ``(2, 1)`` embedding table: each step looks up a random non-empty set of
    rows and the loss is ``sum(c_row * w_row^2)`` over them (``c = (0.1, 2)``), so a row that
    is not looked up gets no gradient (``sparse``) or a zero gradient (dense)."""
    generator = torch.Generator().manual_seed(seed)
    table = torch.tensor(START).reshape(2, 1).requires_grad_()
    optimizer = optimizer_class([table], **options)
    points = [table.detach().flatten().clone()]
    choices = [torch.tensor([0]), torch.tensor([1]), torch.tensor([0, 1])]
    for _ in range(steps):
        rows = choices[int(torch.randint(0, 3, (1,), generator=generator))]
        optimizer.zero_grad()
        looked_up = F.embedding(rows, table, sparse=sparse)
        (ROW_COEFFICIENTS[rows] * looked_up.squeeze(1) ** 2).sum().backward()
        optimizer.step()
        points.append(table.detach().flatten().clone())
    return torch.stack(points)


def sparse_adam_trajectory() -> Figure:
    """SparseAdam (sparse gradients) against Adam (the same gradients, dense)."""
    figure, ax = plt.subplots(figsize=(7.5, 4))
    draw_bowl(ax)
    draw_path(ax, lookup_trajectory(torch.optim.Adam, False, lr=0.3), ORANGE, "Adam, lr = 0.3")
    draw_path(
        ax, lookup_trajectory(torch.optim.SparseAdam, True, lr=0.3), BLUE, "SparseAdam, lr = 0.3"
    )
    ax.legend(loc="lower right", fontsize=9)
    return figure


def adafactor_trajectory() -> Figure:
    """Adafactor with lr = 0.01 (the default), 0.1 and 1 (rho_t = 1 / sqrt(t))."""
    return bowl_figure(
        [
            (torch.optim.Adafactor, dict(lr=0.01), BLUE, "lr = 0.01"),
            (torch.optim.Adafactor, dict(lr=0.1), ORANGE, "lr = 0.1"),
            (torch.optim.Adafactor, dict(lr=1.0), GREEN, "lr = 1"),
        ],
    )


def factored_second_moment(steps: int = 20, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """The full second moment ``V`` and Adafactor's factored estimate, for a ``(6, 8)``
    weight trained ``steps`` steps on a random regression; the estimate is built from
    ``torch.optim.Adafactor``'s own ``row_var`` and ``col_var``, ``V`` by the same
    recurrence on every element."""
    generator = torch.Generator().manual_seed(seed)
    weight = torch.randn(6, 8, generator=generator).requires_grad_()
    scale = torch.linspace(0.2, 2.0, 8)  # input features of different sizes
    optimizer = torch.optim.Adafactor([weight], lr=0.1)
    full = torch.zeros_like(weight)
    for step in range(1, steps + 1):
        x = torch.randn(32, 8, generator=generator) * scale
        y = torch.randn(32, 6, generator=generator)
        optimizer.zero_grad()
        ((x @ weight.T - y) ** 2).mean().backward()
        full += step**-0.8 * (weight.grad**2 - full)
        optimizer.step()
    state = optimizer.state[weight]
    row, col = state["row_var"], state["col_var"]
    return full, row @ col / row.mean()


def adafactor_factored() -> Figure:
    """Heat maps of the full second moment and of its rank-one factored estimate."""
    full, factored = factored_second_moment()
    figure, axes = plt.subplots(1, 2, figsize=(8, 2.8), constrained_layout=True)
    top = float(torch.maximum(full.max(), factored.max()))
    for ax, values, title in (
        (axes[0], full, r"$V_t$"),
        (axes[1], factored, r"$\hat V_t = R_t C_t \,/\, \overline{R_t}$"),
    ):
        image = ax.imshow(values.numpy(), cmap="viridis", vmin=0, vmax=top)
        ax.set_title(title)
        ax.set_xlabel("$j$")
        ax.set_ylabel("$i$")
        ax.grid(False)
    figure.colorbar(image, ax=axes, shrink=0.9)
    return figure


FIGURES = {
    "nadam-trajectory": nadam_trajectory,
    "radam-trajectory": radam_trajectory,
    "sparse-adam-trajectory": sparse_adam_trajectory,
    "adafactor-trajectory": adafactor_trajectory,
    "adafactor-factored": adafactor_factored,
}
CODE_NAMES = {"lr", "momentum_decay", "Adam", "SparseAdam"}
