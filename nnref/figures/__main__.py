"""Redraw the figures (``make figures``, or ``python -m nnref.figures ID ...``) or check them."""

import argparse
import sys

from nnref.figures import FIGURES, figure_path, render_svg
from nnref.paths import FIGURE_DIR, ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the site's SVG figures.")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("names", nargs="*", help="figure ids to draw (default: all)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in FIGURES]
    if unknown:
        parser.error(f"unknown figure ids {unknown}; known: {sorted(FIGURES)}")
    names = args.names or list(FIGURES)
    FIGURE_DIR.mkdir(parents=True, exist_ok=True)
    stale = []
    for name in names:
        svg = render_svg(name)
        path = figure_path(name)
        if args.check:
            if not path.exists() or path.read_bytes() != svg:
                stale.append(path.relative_to(ROOT).as_posix())
        else:
            path.write_bytes(svg)
    for path in stale:
        print(f"stale figure: {path} (run: make figures)", file=sys.stderr)
    if not args.check:
        print(f"wrote {len(names)} figures to {FIGURE_DIR.relative_to(ROOT)}/")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
