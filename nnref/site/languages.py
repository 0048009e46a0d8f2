"""Links from a page to the same page in every language, computed at build time.

Relative links work under ``mkdocs serve``, ``make preview`` on any port and the deployed
site alike, unlike a lookup through ``sitemap.xml``.
"""

from nnref.catalog import LANGUAGES
from nnref.i18n import text


def alternate_links(page_url: str, base_url: str, current: str) -> list[dict[str, str | bool]]:
    """Links for the language selector of the page at ``page_url`` (site-relative URL).

    ``base_url`` is MkDocs' relative path from the page to its language root (``..`` etc.);
    the language roots are siblings (``site/en``, ``site/ru``, ``site/zh``).
    """
    links = []
    for lang in LANGUAGES:
        link = f"{base_url}/../{lang}/{page_url}"
        links.append(
            {
                "name": text("language_name", lang),
                "lang": lang,
                "link": link,
                "current": lang == current,
            }
        )
    return links
