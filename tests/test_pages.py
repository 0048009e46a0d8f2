"""Every concept page has the same anatomy, and translations have the same code as English."""

import json
import posixpath
import re

import pytest

from nnref.catalog import LANGUAGES, load
from nnref.i18n import TRANSLATIONS, english_pages, strings
from nnref.paths import DOCS
from nnref.site.markdown import code_blocks, headings, read_page, without_front_matter

CONCEPT_PAGES = [c for c in load().concepts if c.page.endswith(".md")]
MARKDOWN_PAGES = [page for page in english_pages() if page.endswith(".md")]
NOTEBOOKS = [page for page in english_pages() if page.endswith(".ipynb")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("concept", CONCEPT_PAGES, ids=lambda c: c.id)
def test_concept_page_has_every_section_in_order(concept, lang):
    path = DOCS / lang / concept.page
    text = without_front_matter(read_page(path))
    expected = strings()["anatomy"][lang]
    assert len(headings(text, 1)) == 1, f"docs/{lang}/{concept.page}: needs exactly one # title"
    assert headings(text, 2) == expected, (
        f"docs/{lang}/{concept.page}: the ## sections must be exactly {expected} "
        f"(nnref/i18n/strings.toml [anatomy]), found {headings(text, 2)}"
    )
    definition = text.split("\n## ", 1)[0].split("\n", 1)[1].strip()
    assert len(definition) > 150, f"docs/{lang}/{concept.page}: the definition paragraph is missing"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("concept", CONCEPT_PAGES, ids=lambda c: c.id)
def test_concept_page_shows_its_figures_snippets_and_questions(concept, lang):
    text = read_page(DOCS / lang / concept.page)
    where = f"docs/{lang}/{concept.page}"
    for figure in concept.figures:
        assert f"/assets/figures/{figure}.svg)" in text, f"{where}: figure {figure}.svg not shown"
        assert f"![](../assets/figures/{figure}.svg)" not in text, (
            f"{where}: {figure} lacks alt text"
        )
    for snippet in concept.snippets:
        assert f'--8<-- "snippets/{snippet}.py"' in text, (
            f"{where}: snippet {snippet}.py not included"
        )
        assert f'--8<-- "snippets/{snippet}.out"' in text, (
            f"{where}: output {snippet}.out not included"
        )
    for number in concept.questions:
        assert f"exam.md#q{number})" in text, f"{where}: no link to exam question {number}"
    see_also = text.rsplit("\n## ", 1)[1]
    for related in concept.related:
        target = load().concept(related).page
        link = posixpath.relpath(target, posixpath.dirname(concept.page))
        assert f"]({link})" in see_also, (
            f"{where}: the last section should link to the related concept {related!r} ({link})"
        )


MEMBERS = load().members()


def _section(text: str, anchor: str) -> tuple[str, str] | None:
    """The heading line carrying ``{#anchor}`` and the text up to the next heading as high."""
    match = re.search(rf"^(#{{2,6}}) (.*\{{#{re.escape(anchor)}\}}.*)$", text, re.MULTILINE)
    if not match:
        return None
    level = len(match[1])
    rest = text[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return match[2], rest[: end.start()] if end else rest


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("concept", "member"), MEMBERS, ids=[m.anchor for _, m in MEMBERS])
def test_member_has_its_own_section_and_example(concept, member, lang):
    where = f"docs/{lang}/{concept.page}"
    text = read_page(DOCS / lang / concept.page)
    found = _section(text, member.anchor)
    assert found, (
        f"{where}: no heading with {{#{member.anchor}}} for {member.torch}; give its section "
        f"an explicit id, e.g. '### `{member.torch.split('.')[-1]}` {{#{member.anchor}}}'"
    )
    heading, body = found
    short_name = member.torch.split(".")[-1]
    assert short_name in heading, f"{where}: the heading {heading!r} should name {short_name}"
    for suffix in (".py", ".out"):
        assert f'--8<-- "snippets/{member.snippet}{suffix}"' in body, (
            f"{where}: the section of {member.torch} (#{member.anchor}) must include "
            f"snippets/{member.snippet}{suffix}"
        )
    for keras in member.keras:
        assert keras.split(".")[-1] in text, f"{where}: the Keras name {keras} is not on the page"


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("page", MARKDOWN_PAGES)
def test_translation_has_exactly_the_english_code_blocks(page, lang):
    english = code_blocks(read_page(DOCS / "en" / page))
    path = DOCS / lang / page
    assert path.exists(), f"docs/{lang}/{page} is missing (python -m nnref.i18n status)"
    translated = code_blocks(read_page(path))
    for index, (ours, theirs) in enumerate(zip(translated, english, strict=False)):
        assert (ours.info, ours.body) == (theirs.info, theirs.body), (
            f"docs/{lang}/{page}:{ours.line}: "
            f"code block {index + 1} differs from docs/en/{page}:{theirs.line}; "
            "copy the English block unchanged (code is shared between languages)"
        )
    assert len(translated) == len(english), (
        f"docs/{lang}/{page} has {len(translated)} code blocks, docs/en/{page} has {len(english)}"
    )


def _cells(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [
        (cell["cell_type"], "".join(cell["source"]) if cell["cell_type"] == "code" else "")
        for cell in notebook["cells"]
    ]


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("page", NOTEBOOKS)
def test_translated_notebook_has_the_english_cells(page, lang):
    english, translated = _cells(DOCS / "en" / page), _cells(DOCS / lang / page)
    assert translated == english, (
        f"docs/{lang}/{page}: cells must match docs/en/{page} one to one, code cells unchanged"
    )
