"""Figures drawn by code: deterministic SVGs with no translatable words in them.

Each figure is a function returning a matplotlib ``Figure``; ``FIGURES`` maps a figure id
(the file name under ``docs/en/assets/figures/``) to it. Text inside figures is limited to
symbols, numbers and code names, so one SVG serves every language; captions and alt text
live in each page's Markdown.

    python -m nnref.figures            # redraw every SVG (make figures)
    python -m nnref.figures --check    # exit 1 if a committed SVG differs from a fresh one
"""

import io
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from nnref.figures import (
    activations,
    layers,
    losses,
    optim,
)
from nnref.paths import FIGURE_DIR

FIGURES: dict[str, Callable[[], Figure]] = {
    "network": layers.network,
    "linear": layers.linear,
    "relu": activations.relu,
    "mse-loss": losses.mse_loss,
    "sgd-trajectory": optim.sgd_trajectory,
}

# Words a figure may contain: code names (arguments, attributes), the same in every language.
# Everything else in a figure must be math ($...$), numbers or punctuation.
CODE_NAMES = frozenset({"in_features", "out_features", "weight", "bias", "lr", "momentum"})

# Pinned rendering settings: the same bytes on every machine with the locked matplotlib.
STYLE = {
    "svg.hashsalt": "nnref",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
}


def render_svg(name: str) -> bytes:
    """Draw figure ``name`` and return its SVG bytes (no date, fixed ids)."""
    if name not in FIGURES:
        raise KeyError(f"unknown figure {name!r}; known: {sorted(FIGURES)}")
    with plt.rc_context(STYLE):
        figure = FIGURES[name]()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(figure)
    return buffer.getvalue()


def figure_path(name: str) -> Path:
    """Where the committed SVG of figure ``name`` lives."""
    return FIGURE_DIR / f"{name}.svg"
