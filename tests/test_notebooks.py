"""Every tutorial notebook runs top to bottom without errors, in < 60 s, in every language.

The notebooks are stored without outputs, so what the site shows comes from a fresh run. The
English notebook is executed here, with its time measured; the Russian and Chinese ones have the
same code cells (tests/test_pages.py) and are executed by the site build of the tests
(mkdocs-jupyter, ``allow_errors: false``), whose pages must show the same outputs.
"""

import json
import re
import time

import nbformat
import pytest
from nbclient import NotebookClient

from nnref.catalog import LANGUAGES
from nnref.i18n import english_pages
from nnref.paths import DOCS

NOTEBOOKS = [page for page in english_pages() if page.endswith(".ipynb")]
# One output area per code cell that printed or plotted something (a cell's printed text may
# arrive as one stream output or several, depending on timing: count cells, not outputs).
OUTPUT = re.compile(r'class="[^"]*\bjp-Cell-outputArea\b')


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_notebook_executes_within_a_minute(page):
    path = DOCS / "en" / page
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        notebook,
        timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    seconds = time.perf_counter() - start
    assert seconds < 60, f"docs/en/{page} takes {seconds:.0f} s on CPU; the limit is 60 s"
    errors = [
        o
        for cell in notebook.cells
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, f"docs/en/{page}: {errors[0]['ename']}: {errors[0]['evalue']}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", NOTEBOOKS)
def test_notebook_is_stored_without_outputs(page, lang):
    cells = json.loads((DOCS / lang / page).read_text(encoding="utf-8"))["cells"]
    stale = [i + 1 for i, cell in enumerate(cells) if cell.get("outputs")]
    assert not stale, (
        f"docs/{lang}/{page}: cells {stale} store outputs, which would go stale; clear them "
        "(the site executes the notebook at build time)"
    )


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_built_notebook_shows_the_same_outputs_in_every_language(page, built_site):
    site, _ = built_site
    html = page.removesuffix(".ipynb") + "/index.html"
    counts = {
        lang: len(OUTPUT.findall((site / lang / html).read_text(encoding="utf-8")))
        for lang in LANGUAGES
    }
    assert counts["en"] > 0, f"site/en/{html} shows no outputs: the build did not execute it"
    assert len(set(counts.values())) == 1, f"{page}: cells with outputs differ: {counts}"
