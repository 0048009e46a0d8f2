"""Figures of the attention pages: attention weights, the sinusoidal table, the Transformer."""

import math

import matplotlib.pyplot as plt
import torch
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, RED
from nnref.layers.attention import attention_weights
from nnref.layers.positional_encoding import sinusoidal_positional_encoding


def _weights_panel(ax, weights: torch.Tensor, title: str) -> None:
    """One heat-map of an (L, S) weight matrix, each cell labelled with its value."""
    length, source = weights.shape
    ax.imshow(weights.numpy(), cmap="Blues", vmin=0.0, vmax=1.0)
    for i in range(length):
        for j in range(source):
            value = float(weights[i, j])
            text = "0" if value == 0 else f"{value:.2f}".lstrip("0")
            color = "white" if value > 0.6 else ("#999999" if value == 0 else "black")
            ax.text(j, i, text, ha="center", va="center", fontsize=9, color=color)
    ax.set_xticks(range(source), [str(j) for j in range(source)])
    ax.set_yticks(range(length), [str(i) for i in range(length)])
    ax.set_xlabel("$j$")
    ax.set_ylabel("$i$")
    ax.xaxis.set_label_position("top")
    ax.xaxis.tick_top()
    ax.grid(False)
    ax.set_title(title, y=-0.16, fontsize=12)
    for spine in ax.spines.values():
        spine.set_visible(False)


def attention() -> Figure:
    """Self-attention weights of 6 tokens: unmasked and with the causal mask."""
    generator = torch.Generator().manual_seed(3)
    length, d_k = 6, 4
    q = torch.randn(length, d_k, generator=generator)
    k = torch.randn(length, d_k, generator=generator)
    full = attention_weights(q, k)
    causal = attention_weights(q, k, is_causal=True)
    for row in (full, causal):
        if not torch.allclose(row.sum(dim=-1), torch.ones(length)):
            raise AssertionError("attention weights must sum to 1 in every row")
    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 4.4))
    _weights_panel(left, full, r"$\mathrm{softmax}(QK^{\top}/\sqrt{d_k})$")
    _weights_panel(
        right, causal, r"$\mathrm{softmax}(QK^{\top}/\sqrt{d_k} + M),\ M_{ij} = -\infty,\ j > i$"
    )
    figure.tight_layout()
    return figure


def positional_encoding() -> Figure:
    """The sinusoidal table (positions x features) and three of its columns."""
    length, d_model = 64, 64
    table = sinusoidal_positional_encoding(length, d_model)
    figure, (heat, curves) = plt.subplots(
        1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": [1.05, 1]}
    )
    image = heat.imshow(table.numpy(), cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto")
    heat.set_xlabel(r"$j$  ($2i$: $\sin$, $2i+1$: $\cos$)")
    heat.set_ylabel("$pos$")
    heat.grid(False)
    figure.colorbar(image, ax=heat, fraction=0.046, pad=0.03)
    fine = torch.linspace(0, length - 1, 8 * (length - 1) + 1, dtype=torch.float64)
    for column, color in ((0, BLUE), (6, ORANGE), (16, GREEN)):
        i = column // 2
        omega = 10000.0 ** (-2 * i / d_model)
        curves.plot(fine, torch.sin(omega * fine), color=color, linewidth=1.3, alpha=0.6)
        curves.plot(
            torch.arange(length),
            table[:, column],
            "o",
            color=color,
            markersize=3,
            label=(
                rf"$PE_{{(pos,\,{column})}} = \sin(pos/{1 / omega:.3g}),"
                rf"\ \lambda \approx {2 * math.pi / omega:.1f}$"
            ),
        )
    curves.set_xlabel("$pos$")
    curves.set_ylim(-1.15, 1.75)
    curves.legend(loc="upper right", fontsize=9, ncol=1, frameon=False)
    figure.tight_layout()
    return figure


def _box(ax, center, text, color, width=3.9, height=0.5, fontsize=9) -> None:
    x, y = center
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor=color,
            edgecolor="#333333",
            linewidth=0.9,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)


def _arrow(ax, points, color="#333333", head=True) -> None:
    """A polyline through ``points``, with an arrow head on its last segment."""
    xs, ys = zip(*points, strict=True)
    ax.plot(xs[:-1], ys[:-1], color=color, linewidth=1.0, solid_capstyle="butt")
    ax.add_patch(
        FancyArrowPatch(
            points[-2],
            points[-1],
            arrowstyle="-|>" if head else "-",
            mutation_scale=10,
            color=color,
            linewidth=1.0,
            shrinkA=0,
            shrinkB=0,
        )
    )


def _add(ax, center, radius=0.17) -> None:
    ax.add_patch(plt.Circle(center, radius, facecolor="white", edgecolor="#333333", linewidth=0.9))
    ax.text(*center, "+", ha="center", va="center", fontsize=11)


_ATTENTION, _CROSS, _FFN, _NORM = "#DCEAF7", "#F6DDE8", "#DDF2EA", "#FFF1D6"


def _layer(ax, x, y0, sublayers, side) -> float:
    """Post-LN sublayers from ``y0`` upwards, residuals on ``side`` (-1 left, +1 right).

    Each sublayer: its box, the residual sum, then its LayerNorm. Returns the top of the
    last norm box.
    """
    y = y0
    for text, color, norm in sublayers:
        fork = y - 0.55  # where the residual leaves the trunk
        _box(ax, (x, y), text, color)
        add_y, norm_y = y + 0.7, y + 1.25
        _arrow(ax, [(x, fork), (x, y - 0.25)])
        _arrow(ax, [(x, y + 0.25), (x, add_y - 0.17)])
        edge = x + side * 2.2
        _arrow(ax, [(x, fork), (edge, fork), (edge, add_y), (x + side * 0.17, add_y)])
        _add(ax, (x, add_y))
        _box(ax, (x, norm_y), norm, _NORM, width=2.2, height=0.4)
        _arrow(ax, [(x, add_y + 0.17), (x, norm_y - 0.2)])
        next_y = y + 2.05
        if (text, color, norm) != sublayers[-1]:
            _arrow(ax, [(x, norm_y + 0.2), (x, next_y - 0.25)], head=False)
        y = next_y
    return y - 2.05 + 1.45


def _frame(ax, x, bottom, top, color, side) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (x - 2.45, bottom),
            4.9,
            top - bottom,
            boxstyle="round,pad=0.02,rounding_size=0.15",
            facecolor="none",
            edgecolor=color,
            linewidth=1.3,
            linestyle="--",
        )
    )
    label_x = x + side * 2.6
    ax.text(
        label_x,
        (bottom + top) / 2,
        r"$\times N$",
        ha="left" if side > 0 else "right",
        va="center",
        fontsize=13,
        color=color,
    )


def transformer() -> Figure:
    """The encoder-decoder Transformer with torch's attribute names (post-LN, the default)."""
    figure, ax = plt.subplots(figsize=(9.6, 7.9))
    enc_x, dec_x = 2.9, 9.1
    ax.set_xlim(-0.4, 12.4)
    ax.set_ylim(-0.5, 10.0)
    ax.set_aspect("equal")
    ax.set_axis_off()

    for x, name in ((enc_x, "src"), (dec_x, "tgt")):
        ax.text(x, -0.2, f"{name}  $(N, L, d_{{model}})$", ha="center", va="center", fontsize=10)
        _add(ax, (x, 0.55))
        _arrow(ax, [(x, 0.0), (x, 0.38)])
        ax.text(x - 1.25, 0.55, "$PE$", ha="center", va="center", fontsize=10, color=PURPLE)
        _arrow(ax, [(x - 0.95, 0.55), (x - 0.17, 0.55)], color=PURPLE)
        _arrow(ax, [(x, 0.72), (x, 1.25)], head=False)

    first = 1.8
    encoder_top = _layer(
        ax,
        enc_x,
        first,
        [
            ("self_attn: MultiheadAttention", _ATTENTION, "norm1: LayerNorm"),
            ("linear1 $\\to$ ReLU $\\to$ linear2", _FFN, "norm2: LayerNorm"),
        ],
        side=-1,
    )
    _frame(ax, enc_x, 1.0, encoder_top + 0.25, BLUE, side=-1)
    _box(ax, (enc_x, encoder_top + 0.8), "norm: LayerNorm", _NORM, width=2.2, height=0.4)
    _arrow(ax, [(enc_x, encoder_top), (enc_x, encoder_top + 0.6)])
    memory_y = encoder_top + 1.65
    ax.text(enc_x, memory_y, "memory", ha="center", va="center", fontsize=10, color=RED)
    _arrow(ax, [(enc_x, encoder_top + 1.0), (enc_x, memory_y - 0.2)])

    decoder_top = _layer(
        ax,
        dec_x,
        first,
        [
            ("self_attn: MultiheadAttention", _ATTENTION, "norm1: LayerNorm"),
            ("multihead_attn: MultiheadAttention", _CROSS, "norm2: LayerNorm"),
            ("linear1 $\\to$ ReLU $\\to$ linear2", _FFN, "norm3: LayerNorm"),
        ],
        side=1,
    )
    _frame(ax, dec_x, 1.0, decoder_top + 0.25, GREEN, side=1)
    ax.text(dec_x - 2.75, first + 0.3, "tgt_mask", ha="center", va="bottom", fontsize=9, color=RED)
    _arrow(
        ax, [(dec_x - 2.75, first + 0.3), (dec_x - 2.75, first), (dec_x - 1.95, first)], color=RED
    )

    cross_y = first + 2.05
    middle = (enc_x + dec_x) / 2 + 0.3
    _arrow(
        ax,
        [(enc_x + 0.65, memory_y), (middle, memory_y), (middle, cross_y), (dec_x - 1.95, cross_y)],
        color=RED,
    )
    ax.text(middle - 0.12, cross_y + 0.12, "$K, V$", ha="right", va="bottom", fontsize=9, color=RED)
    ax.text(dec_x - 0.35, cross_y - 0.42, "$Q$", ha="right", va="center", fontsize=9, color=GREY)

    _box(ax, (dec_x, decoder_top + 0.8), "norm: LayerNorm", _NORM, width=2.2, height=0.4)
    _arrow(ax, [(dec_x, decoder_top), (dec_x, decoder_top + 0.6)])
    _box(ax, (dec_x, decoder_top + 1.55), "Linear", "#EEEEEE", width=2.2, height=0.4)
    _arrow(ax, [(dec_x, decoder_top + 1.0), (dec_x, decoder_top + 1.35)])
    ax.text(
        dec_x,
        decoder_top + 2.3,
        r"$\mathrm{softmax} \to p(y_t \mid y_{<t},\, x)$",
        ha="center",
        va="center",
        fontsize=10,
    )
    _arrow(ax, [(dec_x, decoder_top + 1.75), (dec_x, decoder_top + 2.08)])
    return figure


FIGURES = {
    "attention": attention,
    "positional-encoding": positional_encoding,
    "transformer": transformer,
}
CODE_NAMES = {
    "src",
    "tgt",
    "memory",
    "tgt_mask",
    "self_attn",
    "multihead_attn",
    "MultiheadAttention",
    "LayerNorm",
    "Linear",
    "ReLU",
    "linear1",
    "linear2",
    "norm",
    "norm1",
    "norm2",
    "norm3",
}
