"""Measure the site and the suite (``make bench``); numbers, not pass/fail.

    python -m nnref.bench             # everything, including one full test-suite run
    python -m nnref.bench --no-tests  # skip the test suite

Reports: full ``--strict`` build time per language; the time ``mkdocs serve`` takes to show an
edited page (from the write to the new text being served); the bytes a browser transfers for
the first load of a concept page and for the next page (headless Chromium, cache on); the size
of each search index; the wall time of the test suite. The table is printed and written to
build/bench.json.
"""

import argparse
import gzip
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from nnref.catalog import LANGUAGES
from nnref.paths import ROOT
from nnref.site.build import build_env, build_language, copy_project
from nnref.site.local import CHROMIUM_ARGS, chromium_path, serve_directory

EDITED_PAGE = "layers/linear.md"
FIRST_PAGE, NEXT_PAGE = "layers/linear/", "activations/relu/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def serve_reload_seconds(timeout: float = 120) -> float:
    """Seconds from saving an edit to ``mkdocs serve`` serving it (on a copy of the project)."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=build_env() | {"NNREF_NOTEBOOK_CACHE": "true"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/{FIRST_PAGE}"
        try:
            deadline = time.monotonic() + timeout
            while _fetch(url) is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("mkdocs serve did not start")
                time.sleep(0.2)
            marker = f"bench-marker-{time.time_ns()}"
            page = project / "docs" / "en" / EDITED_PAGE
            start = time.monotonic()
            page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            while marker not in (_fetch(url) or ""):
                if time.monotonic() - start > timeout:
                    raise RuntimeError("mkdocs serve did not show the edit")
                time.sleep(0.05)
            return time.monotonic() - start
        finally:
            server.terminate()
            server.wait(timeout=30)


def page_weights(site: Path) -> dict[str, int] | None:
    """Bytes transferred for the first load of a concept page and for the next page."""
    executable = chromium_path()
    if executable is None:
        return None
    from playwright.sync_api import sync_playwright

    weights = {}
    with (
        serve_directory(site) as base,
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory() as profile,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        transferred = []
        cdp.on("Network.loadingFinished", lambda e: transferred.append(e["encodedDataLength"]))
        for label, path in (("first load", FIRST_PAGE), ("next page", NEXT_PAGE)):
            transferred.clear()
            page.goto(f"{base}/en/{path}", wait_until="networkidle")
            weights[label] = int(sum(transferred))
        context.close()
    return weights


def test_suite_run() -> tuple[float, str]:
    """Wall time of one full ``pytest`` run, and pytest's closing summary line."""
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfE"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    lines = result.stdout.strip().splitlines()
    for line in lines:
        if line.startswith(("FAILED", "ERROR")):
            print(line, file=sys.stderr)
    return time.monotonic() - start, (lines[-1] if lines else "no output").strip("= ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip the test-suite timing")
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        # One language at a time, so that each time is that language's own (make site and
        # the tests build the three side by side).
        for lang in LANGUAGES:
            result = build_language(lang, site)
            if result.returncode != 0:
                print(result.log, file=sys.stderr)
                return 1
            rows.append((f"build --strict, {result.lang}", f"{result.seconds:.1f} s"))
        rows.append(
            (f"mkdocs serve: edit of {EDITED_PAGE} shown", f"{serve_reload_seconds():.1f} s")
        )
        weights = page_weights(site)
        for label, size in (weights or {}).items():
            rows.append((f"page weight, {label} (en)", f"{size / 1024:.0f} KiB"))
        if weights is None:
            rows.append(("page weight", "n/a (no chromium)"))
        for lang in LANGUAGES:
            index = site / lang / "search" / "search_index.json"
            raw = index.read_bytes()
            rows.append(
                (
                    f"search index, {lang}",
                    f"{len(raw) / 1024:.0f} KiB ({len(gzip.compress(raw)) / 1024:.0f} KiB gzip)",
                )
            )
    if not args.no_tests:
        seconds, summary = test_suite_run()
        rows.append(("test suite (make test)", f"{seconds:.0f} s ({summary})"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(dict(rows), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
