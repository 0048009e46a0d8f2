"""Vendor KaTeX from the npm registry into docs/en/assets/katex/ (``make katex``).

The site loads nothing from a CDN: the math renderer, its stylesheet and its woff2 fonts are
committed. Bump ``VERSION`` and run this to refresh them.
"""

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from nnref.paths import DOCS, ROOT

VERSION = "0.19.1"
TARGET = DOCS / "en" / "assets" / "katex"
FILES = ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            ["npm", "pack", f"katex@{VERSION}", "--json", "--pack-destination", tmp],
            check=True,
            capture_output=True,
            text=True,
        )
        tarball = Path(tmp) / json.loads(result.stdout)[0]["filename"]
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        dist = Path(tmp) / "package" / "dist"
        shutil.rmtree(TARGET, ignore_errors=True)
        for name in FILES:
            (TARGET / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(dist / name, TARGET / name)
        (TARGET / "fonts").mkdir()
        for font in sorted((dist / "fonts").glob("*.woff2")):
            shutil.copy(font, TARGET / "fonts" / font.name)
        # Only woff2 fonts are vendored: drop the woff/ttf fallbacks from @font-face rules.
        css = TARGET / "katex.min.css"
        text = re.sub(
            r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)',
            "",
            css.read_text(encoding="utf-8"),
        )
        css.write_text(text, encoding="utf-8")
        license_file = Path(tmp) / "package" / "LICENSE"
        shutil.copy(license_file, TARGET / "LICENSE")
    (TARGET / "VERSION").write_text(f"katex {VERSION} (npm)\n", encoding="utf-8")
    print(f"vendored KaTeX {VERSION} into {TARGET.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
