"""Pages generated from the catalog in each language: glossary, Keras table, exam index.

Also the jieba user dictionary, so that Chinese search segments the site's terms as words.
"""

import re

from nnref.catalog import LANGUAGES, Catalog, Concept, load
from nnref.i18n import text

GENERATED_PAGES = ("glossary.md", "keras.md", "exam.md")


def _link(concept: Concept, lang: str) -> str:
    return f"[{concept.term[lang]}]({concept.page})"


def _cell(value: str) -> str:
    return value.replace("|", r"\|")


def glossary(lang: str, catalog: Catalog | None = None) -> str:
    """Markdown of the glossary page: every term in the three languages, with its page."""
    catalog = catalog or load()
    others = [other for other in LANGUAGES if other != lang]
    header = [text("column_term", lang)] + [text("language_name", o) for o in others]
    header.append(text("column_page", lang))
    rows = []
    for term in sorted(catalog.all_terms(), key=lambda t: t.term[lang].casefold()):
        concept = catalog.concept(term.concept)
        cells = [f"**{term.term[lang]}**"] + [term.term[o] for o in others]
        cells.append(_link(concept, lang))
        rows.append(cells)
    return _page(text("glossary_title", lang), text("glossary_intro", lang), header, rows)


def keras(lang: str, catalog: Catalog | None = None) -> str:
    """Markdown of the Keras ↔ PyTorch table: each member's (or concept's) torch and Keras names.

    A concept with members gets one row per member, linked to the member's anchor.
    """
    catalog = catalog or load()
    header = [text("column_pytorch", lang), text("column_keras", lang), text("column_page", lang)]
    rows = []
    for concept in catalog.concepts:
        if concept.area == "tutorials":
            continue
        if concept.members:
            for member in concept.members:
                keras_names = "<br>".join(f"`{name}`" for name in member.keras)
                link = f"[{concept.term[lang]}]({concept.page}#{member.anchor})"
                rows.append([f"`{member.torch}`", keras_names or text("keras_none", lang), link])
            continue
        torch_names = "<br>".join(f"`{name}`" for name in concept.torch)
        keras_names = "<br>".join(f"`{name}`" for name in concept.keras)
        rows.append([torch_names, keras_names or text("keras_none", lang), _link(concept, lang)])
    return _page(text("keras_title", lang), text("keras_intro", lang), header, rows)


def exam(lang: str, catalog: Catalog | None = None) -> str:
    """Markdown of the study guide: each exam question, its model answer and the pages on it.

    Each question is a section with the explicit id ``q<number>`` (pages link to
    ``exam.md#q8``). The Russian wording is the exam's own; en and zh quote it under their
    translation. A question without an answer or a page says so (the tests forbid both).
    """
    catalog = catalog or load()
    lines = [f"# {text('exam_title', lang)}", "", text("exam_intro", lang), ""]
    for question in catalog.questions:
        lines += [f"## {question.number}. {question.text[lang]} {{#q{question.number}}}", ""]
        if lang != "ru":
            lines += [f"*{question.text['ru']}*", ""]
        lines += [question.answer.get(lang, text("exam_pending", lang)), ""]
        # Concept pages first, then the tutorials that illustrate the question.
        answering = sorted(catalog.answering(question.number), key=lambda c: c.area == "tutorials")
        pages = [_link(concept, lang) for concept in answering]
        if pages:
            lines += [f"**{text('exam_read_more', lang)}** " + " · ".join(pages), ""]
    return "\n".join(lines)


def _page(title: str, intro: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [
        f"# {title}",
        "",
        intro,
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def jieba_userdict(catalog: Catalog | None = None) -> str:
    """One Chinese term a line (jieba's user-dictionary format), from every glossary term."""
    catalog = catalog or load()
    words = set()
    for term in catalog.all_terms():
        for part in re.split(r"[（）()\s]+", term.term["zh"]):
            if re.search(r"[\u4e00-\u9fff]", part):
                words.add(part)
    return "".join(f"{word}\n" for word in sorted(words))


def render(page: str, lang: str) -> str:
    """Markdown of one generated page."""
    builders = {"glossary.md": glossary, "keras.md": keras, "exam.md": exam}
    return builders[page](lang)
