"""Run the page snippets and keep their golden outputs.

Every ``snippets/<area>/<id>.py`` is run as ``__main__`` in a fresh namespace, with every
random generator seeded and torch's print options reset, and its printed output is compared
with (or written to) ``snippets/<area>/<id>.out``. Pages include both files, so the output a
reader sees is the output the tests saw.

A golden is stored without the final newline of the output: pymdownx.snippets turns a file's
final newline into an empty last line, which would make the page's expected-output block
differ from what pytest-codeblocks sees the code print.

    python -m nnref.snippets            # compare; exit 1 and list the stale goldens
    python -m nnref.snippets --write    # rewrite every golden (make goldens)
    python -m nnref.snippets --write layers/conv2d layers/conv1d   # only these snippets
"""

import argparse
import contextlib
import difflib
import io
import random
import runpy
import sys
import warnings
from pathlib import Path

import numpy as np
import torch

from nnref.paths import ROOT, SNIPPETS


def snippet_paths() -> list[Path]:
    """Every snippet file, sorted."""
    return sorted(SNIPPETS.glob("*/*.py"))


def golden_path(snippet: Path) -> Path:
    """The golden output file that belongs to ``snippet``."""
    return snippet.with_suffix(".out")


def snippet_id(snippet: Path) -> str:
    """``snippets/layers/linear.py`` -> ``layers/linear`` (the id the catalog uses)."""
    return snippet.relative_to(SNIPPETS).with_suffix("").as_posix()


def run_snippet(snippet: Path) -> str:
    """Run ``snippet`` as ``__main__`` and return everything it printed."""
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    torch.set_printoptions(profile="default")
    buffer = io.StringIO()
    with (
        contextlib.redirect_stdout(buffer),
        warnings.catch_warnings(),
        torch.random.fork_rng(),
    ):
        warnings.simplefilter("default")
        runpy.run_path(str(snippet), run_name="__main__")
    return buffer.getvalue()


def golden_text(output: str) -> str:
    """What the golden file of an output holds: the output without its final newline."""
    return output.removesuffix("\n")


def diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of two outputs, for test failure messages."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{name} (committed golden)",
        tofile=f"{name} (fresh run)",
    )
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the golden files")
    parser.add_argument("ids", nargs="*", help="snippet ids such as layers/linear (default: all)")
    args = parser.parse_args(argv)
    snippets = snippet_paths()
    if args.ids:
        known = {snippet_id(path): path for path in snippets}
        unknown = [name for name in args.ids if name not in known]
        if unknown:
            parser.error(f"unknown snippet ids {unknown}; ids look like layers/linear")
        snippets = [known[name] for name in args.ids]
    stale = []
    for snippet in snippets:
        output = golden_text(run_snippet(snippet))
        golden = golden_path(snippet)
        if args.write:
            golden.write_text(output, encoding="utf-8")
        elif not golden.exists() or golden.read_text(encoding="utf-8") != output:
            stale.append(golden.relative_to(ROOT).as_posix())
    if args.write:
        print(f"wrote {len(snippets)} golden files under {SNIPPETS.relative_to(ROOT)}/")
        return 0
    for path in stale:
        print(f"stale golden: {path} (run: make goldens)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
