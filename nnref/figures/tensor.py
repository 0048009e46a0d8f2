"""Figure of the tensor page: one storage, three strided views of it, and a contiguous copy."""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.tensor.strides import contiguous_strides, permute_strides, view_strides

# One light fill per storage position 0..5, so a value can be followed from view to view.
FILLS = ["#CFE3F3", "#FBE3B5", "#C7EBDD", "#F6CDB3", "#F0D3E3", "#DDDDDD"]
EDGES = [BLUE, ORANGE, GREEN, RED, PURPLE, GREY]

CODE_NAMES = {"x", "x.T", "x.view", "x.T.contiguous", "stride", "storage_offset", "storage"}


def _cell(ax, x: float, y: float, value: int, fontsize: float = 13) -> None:
    ax.add_patch(
        plt.Rectangle((x, y), 1, 1, facecolor=FILLS[value], edgecolor=EDGES[value], lw=1.4)
    )
    ax.text(x + 0.5, y + 0.5, str(value), ha="center", va="center", fontsize=fontsize)


def _storage(ax, x0: float, y0: float, values: list[int], label: str) -> None:
    for position, value in enumerate(values):
        _cell(ax, x0 + position, y0, value)
        ax.text(
            x0 + position + 0.5,
            y0 - 0.3,
            str(position),
            ha="center",
            va="center",
            fontsize=9,
            color=GREY,
        )
    ax.text(x0 - 0.3, y0 + 0.5, label, ha="right", va="center", fontsize=11)


def _matrix(ax, x0: float, y0: float, tensor: torch.Tensor, title: str, strides: tuple) -> None:
    """Draw a 2-d tensor whose values are storage positions, top row at the top."""
    rows, cols = tensor.shape
    for i in range(rows):
        for j in range(cols):
            _cell(ax, x0 + j, y0 + rows - 1 - i, int(tensor[i, j]))
    ax.text(x0 + cols / 2, y0 + rows + 0.95, title, ha="center", va="center", fontsize=11)
    ax.text(
        x0 + cols / 2,
        y0 + rows + 0.4,
        f"stride() = {strides}",
        ha="center",
        va="center",
        fontsize=10,
    )


def tensor_memory_layout() -> Figure:
    """x = arange(6).reshape(2, 3): its storage, x, x.T, x.view(3, 2), x.T.contiguous()."""
    x = torch.arange(6).reshape(2, 3)
    t = x.T
    v = x.view(3, 2)
    c = t.contiguous()
    # the strides printed are nnref's; the figure module asserts torch agrees
    _, t_strides = permute_strides(x.shape, x.stride(), (1, 0))
    v_strides = view_strides(x.shape, x.stride(), (3, 2))
    assert contiguous_strides((2, 3)) == x.stride()
    assert t_strides == t.stride() and v_strides == v.stride()
    assert view_strides(t.shape, t.stride(), (6,)) is None

    figure, ax = plt.subplots(figsize=(9.2, 6.2))
    _storage(ax, 4.2, 7.6, x.flatten().tolist(), "storage")
    _matrix(ax, 0.0, 3.0, x, "x  (2, 3)", x.stride())
    _matrix(ax, 5.0, 2.0, t, "x.T  (3, 2)", t_strides)
    _matrix(ax, 9.8, 2.0, v, "x.view(3, 2)", v_strides)
    # x.T.contiguous(): a new storage, in the row-major order of x.T
    _storage(ax, 4.2, 0.0, c.flatten().tolist(), "x.T.contiguous()")
    ax.text(10.6, 0.5, f"stride() = {c.stride()}", ha="left", va="center", fontsize=10)
    # the steps of x.T along its rows (+1) and columns (+3) in the shared storage
    for start, end, text, height in [(0, 1, "$+1$", 0.5), (0, 3, "$+3$", 1.0)]:
        ax.annotate(
            "",
            xy=(4.2 + end + 0.5, 8.65),
            xytext=(4.2 + start + 0.5, 8.65),
            arrowprops={
                "arrowstyle": "->",
                "color": GREY,
                "lw": 1.2,
                "connectionstyle": f"arc3,rad=-{0.5 if end == 1 else 0.35}",
            },
        )
        ax.text(4.2 + (start + end) / 2 + 0.5, 8.75 + height * 0.55, text, ha="center", fontsize=10)
    ax.set_xlim(-2.2, 13.4)
    ax.set_ylim(-0.7, 9.9)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


FIGURES = {"tensor-memory-layout": tensor_memory_layout}
