"""Links between pages inside notebooks.

MkDocs rewrites ``[text](page.md)`` links of Markdown pages to page addresses and warns about
unknown targets, but mkdocs-jupyter renders notebook Markdown itself, so a notebook's
``../training/validation.md`` would reach the browser as it is and lead nowhere. This module
does for notebook pages what MkDocs does for the others.
"""

import posixpath
import re

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# href="target.md#anchor" (or .ipynb) that is relative: no scheme, no leading slash.
_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#]+\.(?:md|ipynb))(#[^"]*)?"')


def rewrite(html: str, page: Page, files: Files) -> tuple[str, list[str]]:
    """Return ``html`` with relative page links turned into page addresses, and the links
    whose target is not a page of the site."""
    unknown: list[str] = []

    def replace(match: re.Match) -> str:
        target, anchor = match.group(1), match.group(2) or ""
        src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), target))
        file = files.get_file_from_path(src)
        if file is None or not file.is_documentation_page():
            unknown.append(target + anchor)
            return match.group(0)
        return f'href="{file.url_relative_to(page.file)}{anchor}"'

    return _HREF.sub(replace, html), unknown
