"""Shared fixtures: the three sites built once per test session."""

from pathlib import Path

import pytest

from nnref.site.build import BuildResult, build_all


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, list[BuildResult]]:
    """All three languages built with --strict into a temporary site/ folder."""
    site = tmp_path_factory.mktemp("site")
    return site, build_all(site)
