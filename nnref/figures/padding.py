"""Figure of the padding page: the five padding modes on one small 2-D input.

The values are computed by ``nnref.layers.padding`` (the same index arithmetic the page
describes); original cells are blue, padded cells orange.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nnref.figures._drawing import unit_cell
from nnref.figures.palette import BLUE
from nnref.layers.padding import pad

LIGHT_BLUE = "#E8F1FA"
LIGHT_ORANGE = "#FCF0D6"
PADDING = (2, 2, 1, 1)  # left, right, top, bottom
MODES = (
    ("ZeroPad2d", "constant", 0.0),
    ("ConstantPad2d", "constant", -1.0),
    ("ReflectionPad2d", "reflect", 0.0),
    ("ReplicationPad2d", "replicate", 0.0),
    ("CircularPad2d", "circular", 0.0),
)


def _draw(ax, values: torch.Tensor, inner: tuple[int, int, int, int] | None) -> None:
    """Draw a 2-D grid; cells inside ``inner = (top, bottom, left, right)`` are the input's."""
    rows, cols = values.shape
    for r in range(rows):
        for c in range(cols):
            original = inner is None or (
                inner[0] <= r < rows - inner[1] and inner[2] <= c < cols - inner[3]
            )
            face, color = (LIGHT_BLUE, BLUE) if original else (LIGHT_ORANGE, "#8A5A00")
            unit_cell(
                ax, c, rows - r - 1, face, f"{values[r, c].item():g}", color=color, fontsize=11
            )
    if inner is not None:
        ax.add_patch(
            Rectangle(
                (inner[2], inner[1]),
                cols - inner[2] - inner[3],
                rows - inner[0] - inner[1],
                fill=False,
                edgecolor=BLUE,
                linewidth=2.0,
            )
        )


def padding_modes() -> Figure:
    """A 3 x 3 input and its five paddings with ``padding=(2, 2, 1, 1)``."""
    x = torch.arange(1.0, 10.0).reshape(1, 3, 3)
    left, right, top, bottom = PADDING
    figure, axes = plt.subplots(2, 3, figsize=(10.5, 5.6))
    axes = axes.ravel()
    _draw_panel(axes[0], x[0], None, "$x$")
    for ax, (name, mode, value) in zip(axes[1:], MODES, strict=True):
        padded = pad(x, PADDING, mode, value)[0]
        _draw_panel(ax, padded, (top, bottom, left, right), name)
    return figure


def _draw_panel(ax, values, inner, title) -> None:
    _draw(ax, values, inner)
    cols = values.shape[1]
    shift = (7 - cols) / 2  # centre the 3 x 3 input in a 7-wide panel
    for patch in ax.patches:
        patch.set_x(patch.get_x() + shift)
    for text in ax.texts:
        x, y = text.get_position()
        text.set_position((x + shift, y))
    ax.text(3.5, 5.3, title, ha="center", va="bottom", fontsize=12)
    ax.set_xlim(-0.2, 7.2)
    ax.set_ylim(-0.2, 6.1)
    ax.set_aspect("equal")
    ax.set_axis_off()


FIGURES = {"padding-modes": padding_modes}
CODE_NAMES = {name for name, _, _ in MODES}
