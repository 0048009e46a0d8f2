"""Every committed SVG equals a fresh rendering and contains no translatable words."""

import re

import pytest

from nnref.figures import CODE_NAMES, FIGURES, figure_path, render_svg
from nnref.paths import ROOT


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_committed_figure_is_fresh(name):
    path = figure_path(name)
    relative = path.relative_to(ROOT).as_posix()
    assert path.exists(), f"{relative} is missing: run `make figures` and commit it"
    assert path.read_bytes() == render_svg(name), (
        f"{relative} differs from what nnref/figures draws now: run `make figures` "
        "(never edit an SVG by hand)"
    )


def test_rendering_is_deterministic():
    assert render_svg("relu") == render_svg("relu")


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_has_no_words_to_translate(name):
    svg = render_svg(name).decode("utf-8")
    assert "<dc:date>" not in svg, "SVG metadata must carry no date"
    texts = re.findall(r"<!-- (.*?) -->", svg)
    assert texts, "matplotlib writes each text as a comment; none found"
    for label in texts:
        outside_math = re.sub(r"\$[^$]*\$", " ", label)
        words = re.findall(r"[^\W\d_][\w.]*", outside_math)
        unknown = [w for w in words if len(w) > 1 and w not in CODE_NAMES]
        assert not unknown, (
            f"figure {name!r} has the words {unknown} in {label!r}: figures carry only math, "
            "numbers and code names (nnref.figures.CODE_NAMES); put words in the caption"
        )
