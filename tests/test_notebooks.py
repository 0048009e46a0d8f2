"""Every tutorial notebook runs top to bottom without errors, in every language, in < 60 s."""

import time

import nbformat
import pytest
from nbclient import NotebookClient

from nnref.catalog import LANGUAGES
from nnref.i18n import english_pages
from nnref.paths import DOCS

NOTEBOOKS = [page for page in english_pages() if page.endswith(".ipynb")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", NOTEBOOKS)
def test_notebook_executes(page, lang):
    path = DOCS / lang / page
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        notebook,
        timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    assert time.perf_counter() - start < 60, f"docs/{lang}/{page} takes over 60 s on CPU"
    errors = [
        o
        for cell in notebook.cells
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, f"docs/{lang}/{page}: {errors[0]['ename']}: {errors[0]['evalue']}"
