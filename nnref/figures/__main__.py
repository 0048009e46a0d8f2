"""Redraw every figure (``make figures``) or check that the committed ones are fresh."""

import argparse
import sys

from nnref.figures import FIGURES, figure_path, render_svg
from nnref.paths import FIGURE_DIR, ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the site's SVG figures.")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    FIGURE_DIR.mkdir(parents=True, exist_ok=True)
    stale = []
    for name in FIGURES:
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
        print(f"wrote {len(FIGURES)} figures to {FIGURE_DIR.relative_to(ROOT)}/")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
