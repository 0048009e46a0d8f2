"""Before collection, expand the English pages' snippet includes into tests/_codeblocks/.

pytest-codeblocks (enabled by ``--codeblocks`` in pyproject.toml) then collects those files
and runs every ``python`` block exactly as the built page shows it, and checks every output
block marked ``<!--pytest-codeblocks:expected-output-->``.
"""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).parent
EXPANDED = ROOT / "tests" / "_codeblocks"


def pytest_configure(config):
    if not config.getoption("codeblocks", default=False):
        return
    from pymdownx.snippets import SnippetMissingError

    from nnref.paths import DOCS
    from nnref.site.markdown import expand_includes, read_page

    shutil.rmtree(EXPANDED, ignore_errors=True)
    for page in sorted((DOCS / "en").rglob("*.md")):
        relative = page.relative_to(DOCS / "en").as_posix()
        try:
            expanded = expand_includes(read_page(page))
        except SnippetMissingError as error:
            raise pytest.UsageError(f"docs/en/{relative}: broken include: {error}") from None
        target = EXPANDED / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        header = f"<!-- docs/en/{relative} with its includes expanded: edit that file -->\n"
        target.write_text(header + expanded, encoding="utf-8")
