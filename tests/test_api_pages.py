"""Every from-scratch module of nnref has its reference on one of the API pages."""

import pkgutil
import re

import nnref
from nnref.paths import DOCS

# Tooling, not reference implementations: the site, figures, catalog, translations, commands.
TOOLING = ("nnref.site", "nnref.figures", "nnref.catalog", "nnref.i18n")
TOOLING_MODULES = {
    "nnref.bench",
    "nnref.snippets",
    "nnref.paths",
    "nnref._checks",
    "nnref._threads",
}


def _documented() -> dict[str, str]:
    """``{module: page}`` for every ``::: module`` line of docs/en/api*.md."""
    documented = {}
    for page in sorted(DOCS.glob("en/api*.md")):
        for module in re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.MULTILINE):
            documented[module] = page.name
    return documented


def test_every_from_scratch_module_is_on_an_api_page():
    packages = set()
    modules = []
    for info in pkgutil.walk_packages(nnref.__path__, "nnref."):
        if info.ispkg:
            packages.add(info.name)
        elif not info.name.startswith(TOOLING) and info.name not in TOOLING_MODULES:
            modules.append(info.name)
    missing = [m for m in modules if m not in _documented()]
    assert not missing, (
        f"modules without an API reference: {missing}; add a `::: <module>` line to "
        "docs/en/api.md, api-optim.md or api-training.md (and the ru/zh copies)"
    )
    unknown = sorted(set(_documented()) - set(modules) - packages)
    assert not unknown, f"docs/en/api*.md document modules that do not exist: {unknown}"
