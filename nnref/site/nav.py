"""The site navigation, generated from the concept catalog for one language."""

from nnref.catalog import load
from nnref.i18n import text

REFERENCE_PAGES = ("glossary.md", "keras.md", "exam.md", "api.md", "contributing.md")


def build_nav(lang: str) -> list:
    """Home, one section per area (concept pages in catalog order), then the reference pages.

    Page titles come from each page's own heading, so they are already translated.
    """
    catalog = load()
    nav: list = [{text("home_title", lang): "index.md"}]
    for area in catalog.areas:
        pages = [concept.page for concept in catalog.concepts_in(area.id)]
        if pages:
            nav.append({area.title[lang]: pages})
    nav.append({text("reference_title", lang): list(REFERENCE_PAGES)})
    return nav
