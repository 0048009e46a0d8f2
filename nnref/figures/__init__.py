"""Figures drawn by code: deterministic SVGs with no translatable words in them.

Each figure is a function returning a matplotlib ``Figure``. Every module of this package
(one per topic) declares ``FIGURES``, mapping a figure id (the file name under
``docs/en/assets/figures/``) to its function, and may declare ``CODE_NAMES``, the code names its
figures print; this package merges them. Text inside figures is limited to symbols, numbers and
code names, so one SVG serves every language; captions and alt text live in each page's Markdown.

    python -m nnref.figures            # redraw every SVG (make figures)
    python -m nnref.figures --check    # exit 1 if a committed SVG differs from a fresh one
"""

import importlib
import io
import pkgutil
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from nnref.paths import FIGURE_DIR

_HELPER_MODULES = {"palette"}


def _collect() -> tuple[dict[str, Callable[[], Figure]], frozenset[str]]:
    """Merge the ``FIGURES`` and ``CODE_NAMES`` of every topic module, refusing duplicate ids."""
    figures: dict[str, Callable[[], Figure]] = {}
    code_names: set[str] = set()
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if info.name.startswith("_") or info.name in _HELPER_MODULES:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, function in getattr(module, "FIGURES", {}).items():
            if name in figures:
                raise ValueError(f"figure {name!r} declared twice (nnref/figures/{info.name})")
            figures[name] = function
        code_names |= set(getattr(module, "CODE_NAMES", ()))
    return figures, frozenset(code_names)


# FIGURES: figure id -> function. CODE_NAMES: the words a figure may contain (arguments,
# attributes), the same in every language; everything else must be math, numbers or punctuation.
FIGURES, CODE_NAMES = _collect()

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
