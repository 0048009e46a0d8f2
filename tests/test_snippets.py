"""Every snippet, run as __main__ in a fresh namespace, prints exactly its golden output."""

import pytest

from nnref.paths import ROOT
from nnref.snippets import diff, golden_path, golden_text, run_snippet, snippet_paths

SNIPPETS = snippet_paths()


def test_there_are_snippets():
    assert len(SNIPPETS) >= 10


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_snippet_output_equals_its_golden(snippet):
    golden = golden_path(snippet)
    name = golden.relative_to(ROOT).as_posix()
    assert golden.exists(), f"{name} is missing: run `make goldens` and commit it"
    expected = golden.read_text(encoding="utf-8")
    actual = golden_text(run_snippet(snippet))
    assert actual == expected, (
        f"{name} is stale: {snippet.relative_to(ROOT)} now prints something else.\n"
        f"{diff(expected, actual, name)}\nIf the change is intended, run `make goldens`."
    )
