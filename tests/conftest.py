"""Shared fixtures: the three sites built once per test session; hypothesis settings."""

from pathlib import Path

import pytest
from hypothesis import settings

from nnref.site.build import BuildResult, build_all

# Property-based tests draw the same examples on every run (no flaky CI, no example
# database on disk) and allow torch's slow first calls.
settings.register_profile("nnref", derandomize=True, database=None, deadline=None)
settings.load_profile("nnref")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, list[BuildResult]]:
    """All three languages built with --strict into a temporary site/ folder."""
    site = tmp_path_factory.mktemp("site")
    return site, build_all(site)
