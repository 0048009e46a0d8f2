"""The site navigation, generated from the concept catalog for one language."""

from nnref.catalog import load
from nnref.i18n import text

REFERENCE_PAGES = (
    "glossary.md",
    "keras.md",
    "exam.md",
    "api.md",
    "api-optim.md",
    "api-training.md",
    "contributing.md",
)


def build_nav(lang: str) -> list:
    """Home, one section per area (concept pages in catalog order), then the reference pages.

    Concepts of one ``group`` form a sub-section where the group's first concept stands.

    Page titles come from each page's own heading, so they are already translated.
    """
    catalog = load()
    nav: list = [{text("home_title", lang): "index.md"}]
    for area in catalog.areas:
        entries: list = []
        groups: dict[str, list[str]] = {}
        for concept in catalog.concepts_in(area.id):
            if concept.group is None:
                entries.append(concept.page)
            elif concept.group in groups:
                groups[concept.group].append(concept.page)
            else:
                groups[concept.group] = [concept.page]
                title = catalog.group(concept.group).title[lang]
                entries.append({title: groups[concept.group]})
        if entries:
            nav.append({area.title[lang]: entries})
    nav.append({text("reference_title", lang): list(REFERENCE_PAGES)})
    return nav
