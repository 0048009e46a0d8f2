"""Find, in git history, the English text a translation was made from.

A translation records the hash of the English page it follows; when the English page has
changed since, the translator needs the difference between that old English text and today's.
"""

import difflib
import subprocess
from pathlib import Path

from nnref.i18n import text_hash


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True).stdout


def english_text_with_hash(source: Path, recorded: str) -> str | None:
    """The committed version of ``source`` whose hash is ``recorded``, or ``None``."""
    repo = Path(_git(source.parent, "rev-parse", "--show-toplevel").decode().strip())
    relative = source.resolve().relative_to(repo.resolve()).as_posix()
    for commit in _git(repo, "log", "--format=%H", "--", relative).decode().split():
        data = _git(repo, "show", f"{commit}:{relative}")
        if text_hash(data) == recorded:
            return data.decode("utf-8").replace("\r\n", "\n")
    return None


def english_changes(source: Path, recorded: str) -> str | None:
    """Unified diff from the English text a translation follows to today's English page.

    Returns ``""`` when the translation is current and ``None`` when no committed version of
    the English page has the recorded hash.
    """
    current = source.read_text(encoding="utf-8").replace("\r\n", "\n")
    if text_hash(current.encode("utf-8")) == recorded:
        return ""
    old = english_text_with_hash(source, recorded)
    if old is None:
        return None
    name = source.name
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            current.splitlines(keepends=True),
            fromfile=f"{name} (translated version {recorded})",
            tofile=f"{name} (now)",
        )
    )
