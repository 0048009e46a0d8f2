"""Translation bookkeeping: interface strings and the source hash of each translation.

Every page under ``docs/ru`` and ``docs/zh`` records, in its front matter (notebooks: in
their metadata), the hash of the English page it translates::

    ---
    source_hash: 1f3a5c7e9b2d4f60
    ---

A translation is *current* when that hash equals the hash of today's English page,
*outdated* when it differs, and *invalid* when the field is missing or malformed.
"""

import functools
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from nnref.catalog import LANGUAGES
from nnref.paths import DOCS

TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != "en")
HASH_PATTERN = re.compile(r"^[0-9a-f]{16}$")
PAGE_SUFFIXES = (".md", ".ipynb")
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_HASH_LINE = re.compile(r"^source_hash:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


@functools.cache
def strings() -> dict[str, dict[str, str]]:
    """Interface strings, ``strings()[key][lang]``."""
    path = Path(__file__).with_name("strings.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def text(key: str, lang: str) -> str:
    """One interface string in one language (``KeyError`` names a missing key)."""
    try:
        return strings()[key][lang]
    except KeyError as error:
        raise KeyError(f"nnref/i18n/strings.toml has no {key!r} for {lang!r}") from error


def text_hash(data: bytes) -> str:
    """SHA-256 of a page's bytes with normalised line endings, as 16 hex digits."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:16]


def content_hash(path: Path) -> str:
    """Hash of an English page (the value a translation records as ``source_hash``)."""
    return text_hash(path.read_bytes())


def english_pages() -> list[str]:
    """Paths (relative to ``docs/en``) of every English page."""
    base = DOCS / "en"
    return sorted(
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.suffix in PAGE_SUFFIXES and not p.name.startswith(".")
    )


def read_source_hash(path: Path) -> str | None:
    """The ``source_hash`` recorded in a translated page, or ``None`` when absent."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        value = json.loads(raw).get("metadata", {}).get("nnref", {}).get("source_hash")
        return value if isinstance(value, str) else None
    front = _FRONT_MATTER.match(raw.replace("\r\n", "\n"))
    if not front:
        return None
    line = _HASH_LINE.search(front.group(1))
    return line.group(1).strip("'\"") if line else None


def write_source_hash(path: Path, value: str) -> None:
    """Record ``value`` as the ``source_hash`` of a translated page (front matter/metadata)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        notebook = json.loads(raw)
        notebook.setdefault("metadata", {}).setdefault("nnref", {})["source_hash"] = value
        path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    raw = raw.replace("\r\n", "\n")
    front = _FRONT_MATTER.match(raw)
    if not front:
        path.write_text(f"---\nsource_hash: {value}\n---\n\n{raw}", encoding="utf-8")
        return
    body = front.group(1)
    if _HASH_LINE.search(body):
        body = _HASH_LINE.sub(f"source_hash: {value}", body, count=1)
    else:
        body = f"source_hash: {value}\n{body}"
    path.write_text(f"---\n{body}---\n{raw[front.end() :]}", encoding="utf-8")


@dataclass(frozen=True)
class Status:
    """Translation state of one page in one language."""

    lang: str
    page: str
    state: str  # "current", "outdated", "missing" or "invalid"
    detail: str = ""


def page_status(lang: str, page: str, docs: Path | None = None) -> Status:
    """Compare ``docs/<lang>/<page>`` with ``docs/en/<page>`` (``docs`` defaults to DOCS)."""
    docs = docs or DOCS
    translated = docs / lang / page
    if not translated.exists():
        return Status(lang, page, "missing")
    recorded = read_source_hash(translated)
    if recorded is None:
        return Status(lang, page, "invalid", "no source_hash in the front matter")
    if not HASH_PATTERN.match(recorded):
        return Status(lang, page, "invalid", f"source_hash {recorded!r} is not 16 hex digits")
    current = content_hash(docs / "en" / page)
    if recorded != current:
        return Status(lang, page, "outdated", f"records {recorded}, English is now {current}")
    return Status(lang, page, "current")


def status(langs: tuple[str, ...] = TRANSLATIONS) -> list[Status]:
    """Status of every English page in every translation language."""
    return [page_status(lang, page) for lang in langs for page in english_pages()]


def orphans(langs: tuple[str, ...] = TRANSLATIONS) -> list[str]:
    """Translated pages that have no English page (renamed or deleted originals)."""
    known = set(english_pages())
    found = []
    for lang in langs:
        base = DOCS / lang
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(base).as_posix()
            if path.suffix in PAGE_SUFFIXES and rel not in known:
                found.append(f"docs/{lang}/{rel}")
    return found
