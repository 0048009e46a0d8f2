"""Translation status and stamping.

python -m nnref.i18n status            missing, outdated and invalid pages per language
python -m nnref.i18n status --check    the same, exit 1 if anything is not current
python -m nnref.i18n --stamp docs/ru/layers/linear.md [...]
                                       record that these translations follow the
                                       current English pages (after you updated them)
"""

import argparse
import sys
from pathlib import Path

from nnref.i18n import DOCS, ROOT, TRANSLATIONS, content_hash, orphans, status, write_source_hash


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


def _stamp(paths: list[str]) -> int:
    for name in paths:
        path = Path(name).resolve()
        try:
            lang, *rest = path.relative_to(DOCS).parts
        except ValueError:
            print(f"error: {name} is not under {DOCS.relative_to(ROOT)}/", file=sys.stderr)
            return 2
        if lang not in TRANSLATIONS or not path.exists():
            print(f"error: {name} is not an existing ru/zh page", file=sys.stderr)
            return 2
        source = DOCS / "en" / Path(*rest)
        if not source.exists():
            print(f"error: no English page {source.relative_to(ROOT)}", file=sys.stderr)
            return 2
        value = content_hash(source)
        write_source_hash(path, value)
        print(f"stamped {path.relative_to(ROOT)} with {value}")
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
    args = parser.parse_args(argv)
    if args.stamp:
        return _stamp(args.stamp)
    return _print_status(args.check)


if __name__ == "__main__":
    sys.exit(main())
