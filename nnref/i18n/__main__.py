"""Translation status and stamping.

python -m nnref.i18n status            missing, outdated and invalid pages per language
python -m nnref.i18n status --check    the same, exit 1 if anything is not current
python -m nnref.i18n --diff docs/ru/layers/linear.md
                                       what changed in the English page since this
                                       translation was made (found in git history)
python -m nnref.i18n --stamp docs/ru/layers/linear.md [...]
                                       record that these translations follow the
                                       current English pages (after you updated them)
"""

import argparse
import sys
from pathlib import Path

from nnref.i18n import (
    DOCS,
    TRANSLATIONS,
    content_hash,
    orphans,
    read_source_hash,
    status,
    write_source_hash,
)
from nnref.i18n.history import english_changes
from nnref.paths import ROOT


def _print_status(check: bool) -> int:
    results = status()
    problems = 0
    for lang in TRANSLATIONS:
        rows = [s for s in results if s.lang == lang]
        counts = {
            state: sum(s.state == state for s in rows)
            for state in ("current", "outdated", "missing", "invalid")
        }
        summary = ", ".join(f"{n} {state}" for state, n in counts.items())
        print(f"{lang}: {summary} (of {len(rows)} English pages)")
        for row in rows:
            if row.state != "current":
                problems += 1
                detail = f" — {row.detail}" if row.detail else ""
                print(f"  {row.state:<8} docs/{lang}/{row.page}{detail}")
    for path in orphans():
        problems += 1
        print(f"  orphan   {path} — no English page of that name")
    return 1 if check and problems else 0


def _translation_and_source(name: str) -> tuple[Path, Path]:
    """``docs/<ru|zh>/<page>`` and its English page, or ``ValueError`` saying what is wrong."""
    path = Path(name).resolve()
    try:
        lang, *rest = path.relative_to(DOCS).parts
    except ValueError:
        raise ValueError(f"{name} is not under {DOCS.relative_to(ROOT)}/") from None
    if lang not in TRANSLATIONS or not path.exists():
        raise ValueError(f"{name} is not an existing ru/zh page")
    source = DOCS / "en" / Path(*rest)
    if not source.exists():
        raise ValueError(f"no English page {source.relative_to(ROOT)}")
    return path, source


def _stamp(paths: list[str]) -> int:
    for name in paths:
        path, source = _translation_and_source(name)
        value = content_hash(source)
        write_source_hash(path, value)
        print(f"stamped {path.relative_to(ROOT)} with {value}")
    return 0


def _diff(name: str) -> int:
    path, source = _translation_and_source(name)
    recorded = read_source_hash(path)
    if recorded is None:
        print(f"error: {name} records no source_hash", file=sys.stderr)
        return 2
    changes = english_changes(source, recorded)
    if changes is None:
        print(
            f"error: no committed version of {source.relative_to(ROOT)} has hash {recorded}",
            file=sys.stderr,
        )
        return 1
    print(changes or f"{name} is current: the English page has not changed since.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m nnref.i18n",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", nargs="?", choices=["status"], default="status")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every page is current")
    parser.add_argument(
        "--stamp",
        nargs="+",
        metavar="PAGE",
        help="mark these docs/ru/... or docs/zh/... pages as current",
    )
    parser.add_argument(
        "--diff", metavar="PAGE", help="show how the English page changed since this translation"
    )
    args = parser.parse_args(argv)
    try:
        if args.diff:
            return _diff(args.diff)
        if args.stamp:
            return _stamp(args.stamp)
    except ValueError as error:  # a page argument that is not an existing ru/zh translation
        print(f"error: {error}", file=sys.stderr)
        return 2
    return _print_status(args.check)


if __name__ == "__main__":
    sys.exit(main())
