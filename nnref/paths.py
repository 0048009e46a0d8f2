"""Where the project's files live, relative to this checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
FIGURE_DIR = DOCS / "en" / "assets" / "figures"
