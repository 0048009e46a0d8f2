"""The code is ruff-clean and ruff-formatted (a missing ruff is a failure, not a skip)."""

import shutil
import subprocess
import sys

from nnref.paths import ROOT


def test_ruff_check_passes():
    ruff = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or shutil.which("ruff")
    assert ruff, "ruff is not installed: make install (it is in the test extra)"
    result = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"ruff check found problems (fix or `ruff check --fix`):\n{result.stdout}"
    )
    result = subprocess.run(
        [ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, (
        f"files ruff would reformat (run `ruff format <file>`):\n{result.stdout}"
    )
    assert sys.version_info >= (3, 11)
