"""Figures of the dropout and embedding pages: dropout masks, and an embedding lookup.

Every number drawn is computed by the functions the pages document (``nnref.layers.dropout``,
``nnref.layers.embedding``), from a fixed seed.
"""

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from nnref.figures._drawing import unit_cell
from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE
from nnref.layers.dropout import bernoulli_mask, dropout, feature_dropout
from nnref.layers.embedding import embedding

LIGHT_BLUE = "#E8F1FA"
DROPPED = "#F2F2F2"
ROW_COLOURS = [BLUE, PURPLE, PURPLE, ORANGE, PURPLE, GREEN]  # rows 0, 3, 5 are looked up


def _draw_channels(ax, values: torch.Tensor, top: float) -> None:
    """Draw a (C, H, W) tensor as C grids side by side; zeros grey, kept values blue."""
    channels, height, width = values.shape
    for c in range(channels):
        left = c * (width + 1.2)
        for r in range(height):
            for k in range(width):
                value = values[c, r, k].item()
                face = DROPPED if value == 0 else LIGHT_BLUE
                color = GREY if value == 0 else BLUE
                unit_cell(ax, left + k, top - r - 1, face, f"{value:g}", color=color)
        ax.text(left + width / 2, top + 0.35, f"$c = {c + 1}$", ha="center", va="bottom")


def dropout_masks() -> Figure:
    """Element-wise ``Dropout`` vs channel-wise ``Dropout2d`` on a (C, H, W) = (3, 4, 4) input.

    The input is all ones, so each cell shows its mask value times ``1 / (1 - p)``: 2 or 0.
    """
    p = 0.5
    ones = torch.ones(1, 3, 4, 4)
    generator = torch.Generator().manual_seed(7)
    elementwise = dropout(ones, p, mask=bernoulli_mask(ones.shape, p, generator=generator))
    generator = torch.Generator().manual_seed(2)
    channel_mask = bernoulli_mask((1, 3, 1, 1), p, generator=generator)
    channelwise = feature_dropout(ones, p, mask=channel_mask)

    figure, axes = plt.subplots(1, 2, figsize=(10.5, 2.9))
    for ax, values, title in (
        (axes[0], elementwise[0], "nn.Dropout"),
        (axes[1], channelwise[0], "nn.Dropout2d"),
    ):
        _draw_channels(ax, values, top=4)
        ax.text(7.7, 5.35, f"{title}$(p = {p})$", ha="center", va="bottom", fontsize=12)
        ax.set_xlim(-0.2, 15.6)
        ax.set_ylim(-0.2, 6.2)
        ax.set_aspect("equal")
        ax.set_axis_off()
    return figure


def embedding_lookup() -> Figure:
    """Indices ``x`` select rows of the weight ``W`` (6 x 4); the output stacks those rows."""
    generator = torch.Generator().manual_seed(0)
    weight = torch.randn(6, 4, generator=generator).mul(10).round().div(10)
    indices = torch.tensor([3, 0, 3, 5])
    output = embedding(indices, weight)

    figure, ax = plt.subplots(figsize=(10, 4.2))
    top = 6.0
    # The indices, one per row, on the left.
    for r, index in enumerate(indices.tolist()):
        unit_cell(
            ax, 0, top - r - 1.0 - 1, "white", f"{index}", edge=ROW_COLOURS[index], fontsize=12
        )
    ax.text(0.5, top - 0.6, "$x$", ha="center", va="bottom", fontsize=13)
    # The weight matrix W, rows numbered.
    w_left = 3.5
    for r in range(weight.shape[0]):
        ax.text(w_left - 0.3, top - r - 0.5, f"{r}", ha="right", va="center", color=GREY)
        for k in range(weight.shape[1]):
            face = ROW_COLOURS[r] if r in indices.tolist() else "white"
            alpha_text = "white" if r in indices.tolist() else "black"
            unit_cell(
                ax,
                w_left + k,
                top - r - 1,
                face,
                f"{weight[r, k].item():.1f}",
                color=alpha_text,
                fontsize=9,
                alpha=0.85 if r in indices.tolist() else 1.0,
            )
    ax.text(w_left + 2, top + 0.4, r"$W \in \mathbb{R}^{6 \times 4}$", ha="center", va="bottom")
    # The output E = W[x]: one copied row per index.
    o_left = 10.5
    for r, index in enumerate(indices.tolist()):
        for k in range(output.shape[1]):
            unit_cell(
                ax,
                o_left + k,
                top - r - 2,
                ROW_COLOURS[index],
                f"{output[r, k].item():.1f}",
                color="white",
                fontsize=9,
                alpha=0.85,
            )
    ax.text(o_left + 2, top - 0.6, r"$W[x] \in \mathbb{R}^{4 \times 4}$", ha="center", va="bottom")
    # Arrows: index -> its row of W -> its output row.
    for r, index in enumerate(indices.tolist()):
        y_index = top - r - 1.5
        y_row = top - index - 0.5
        for start, end in (
            ((1.05, y_index), (w_left - 0.8, y_row)),
            ((w_left + 4.05, y_row), (o_left - 0.05, y_index)),
        ):
            ax.add_patch(
                FancyArrowPatch(
                    start,
                    end,
                    arrowstyle="-|>",
                    mutation_scale=11,
                    color=ROW_COLOURS[index],
                    linewidth=1.3,
                    shrinkA=0,
                    shrinkB=0,
                )
            )
    ax.set_xlim(-0.3, 15)
    ax.set_ylim(-0.3, 7.2)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return figure


FIGURES = {"dropout-masks": dropout_masks, "embedding-lookup": embedding_lookup}
CODE_NAMES = {"nn.Dropout", "nn.Dropout2d"}
