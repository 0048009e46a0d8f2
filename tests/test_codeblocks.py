"""pytest-codeblocks runs every Python block of the English pages: none is silently skipped.

conftest.py expands the includes of docs/en into tests/_codeblocks/, which pytest-codeblocks
collects. It runs a fence only when its info string is exactly ``python``; a ``py`` fence, a
title or line-number option, or a ``~~~`` fence would be skipped without a word. So this test
counts the Python fences on every page by a broader pattern and requires that pytest-codeblocks
collects exactly as many.
"""

import re

import pytest
from pytest_codeblocks import extract_from_file

from nnref.paths import DOCS, ROOT
from nnref.site.markdown import code_blocks, expand_includes, read_page

EXPANDED = ROOT / "tests" / "_codeblocks"
PAGES = sorted(p.relative_to(DOCS / "en").as_posix() for p in (DOCS / "en").rglob("*.md"))
PYTHON_FENCE = re.compile(r"^(py|python|python3|pycon)\b|^\{\s*\.py", re.IGNORECASE)


def test_expanded_pages_are_current():
    for page in PAGES:
        expanded = EXPANDED / page
        assert expanded.exists(), f"{expanded} missing: run pytest from the repository root"
        body = expanded.read_text(encoding="utf-8").split("\n", 1)[1]
        assert body == expand_includes(read_page(DOCS / "en" / page)), f"{expanded} is stale"


@pytest.mark.parametrize("page", PAGES)
def test_every_python_block_is_collected(page):
    expanded = EXPANDED / page
    on_page = [
        b for b in code_blocks(expanded.read_text(encoding="utf-8")) if PYTHON_FENCE.match(b.info)
    ]
    collected = [b for b in extract_from_file(expanded) if b.syntax == "python"]
    assert len(collected) == len(on_page), (
        f"docs/en/{page}: {len(on_page)} Python blocks on the page, pytest-codeblocks runs "
        f"{len(collected)}. Write every Python fence as a bare ```python (no title=, hl_lines, "
        f"linenums, ```py or ~~~): {[b.info for b in on_page]}"
    )
    assert "~~~" not in expanded.read_text(encoding="utf-8"), f"docs/en/{page}: use ``` fences"


def test_pages_have_python_blocks_to_run():
    total = sum(
        len([b for b in extract_from_file(EXPANDED / page) if b.syntax == "python"])
        for page in PAGES
    )
    assert total >= 14
