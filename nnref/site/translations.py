"""Fallback pages and translation banners for the ru/zh builds.

A file of ``docs/en`` that a language lacks is served from ``docs/en`` in that language's
build: figures and vendored assets exist once, and a page that is not translated yet shows
the English text under a localized banner instead of a 404.
"""

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from nnref.i18n import text


def english_dir(config: MkDocsConfig) -> Path:
    """``docs/en`` beside this build's ``docs/<lang>`` folder."""
    return Path(config.docs_dir).parent / "en"


def add_fallbacks(files: Files, config: MkDocsConfig) -> list[str]:
    """Add every English file that ``files`` lacks; return the fallback page paths."""
    english = english_dir(config)
    pages = []
    for path in sorted(english.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        src_uri = path.relative_to(english).as_posix()
        if files.get_file_from_path(src_uri) is not None:
            continue
        fallback = File.generated(config, src_uri, abs_src_path=str(path))
        files.append(fallback)
        if path.suffix in (".md", ".ipynb"):
            pages.append(src_uri)
    return pages


def banner(kind: str, lang: str, english_url: str) -> str:
    """HTML of the localized admonition shown above a fallback or outdated page."""
    title = text(f"{kind}_title", lang)
    body = text(f"{kind}_banner", lang)
    link = f'<a href="{html.escape(english_url)}" hreflang="en">{text("english_version", lang)}</a>'
    return (
        f'<div class="admonition warning nnref-{kind}">'
        f'<p class="admonition-title">{html.escape(title)}</p>'
        f"<p>{html.escape(body)} → {link}</p></div>\n"
    )


def english_url(base_url: str, page_url: str) -> str:
    """Relative URL of the English version of the page at ``page_url``."""
    return f"{base_url}/../en/{page_url}"


def is_english_page(config: MkDocsConfig, src_uri: str) -> bool:
    """Whether ``docs/en/<src_uri>`` exists (generated pages have no source file)."""
    return (english_dir(config) / src_uri).is_file()
