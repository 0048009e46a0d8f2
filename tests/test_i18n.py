"""Translation bookkeeping: every ru/zh page is current, and bad hashes are caught."""

import json
import subprocess

import pytest

from nnref import i18n
from nnref.i18n import TRANSLATIONS, content_hash, page_status, read_source_hash, status
from nnref.i18n.__main__ import main as i18n_main


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translation_is_present_and_current(lang):
    problems = [s for s in status((lang,)) if s.state != "current"]
    assert not problems, "\n".join(
        f"docs/{s.lang}/{s.page}: {s.state} {s.detail} — translate or update it, then run "
        f"python -m nnref.i18n --stamp docs/{s.lang}/{s.page}"
        for s in problems
    )
    assert not i18n.orphans((lang,)), f"translated pages without an English page: {i18n.orphans()}"


@pytest.fixture
def fake_docs(tmp_path, monkeypatch):
    """A docs/ tree with one English page, for the state machine."""
    (tmp_path / "en").mkdir()
    (tmp_path / "ru").mkdir()
    (tmp_path / "en" / "page.md").write_text("# Page\n\nText.\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "DOCS", tmp_path)
    return tmp_path


def test_missing_outdated_invalid_and_current_states(fake_docs):
    ru = fake_docs / "ru" / "page.md"
    assert page_status("ru", "page.md").state == "missing"
    ru.write_text("# Страница\n", encoding="utf-8")
    assert page_status("ru", "page.md").state == "invalid"
    ru.write_text("---\nsource_hash: 12345\n---\n# Страница\n", encoding="utf-8")
    result = page_status("ru", "page.md")
    assert result.state == "invalid" and "16 hex digits" in result.detail
    ru.write_text("---\nsource_hash: 0123456789abcdef\n---\n# Страница\n", encoding="utf-8")
    assert page_status("ru", "page.md").state == "outdated"
    i18n.write_source_hash(ru, content_hash(fake_docs / "en" / "page.md"))
    assert page_status("ru", "page.md").state == "current"
    assert ru.read_text(encoding="utf-8").endswith("# Страница\n")
    (fake_docs / "en" / "page.md").write_text("# Page\n\nChanged.\n", encoding="utf-8")
    assert page_status("ru", "page.md").state == "outdated"


def test_stamp_adds_front_matter_and_keeps_other_fields(fake_docs):
    ru = fake_docs / "ru" / "page.md"
    ru.write_text("---\ntitle: Страница\n---\n# Страница\n", encoding="utf-8")
    i18n.write_source_hash(ru, "0123456789abcdef")
    assert read_source_hash(ru) == "0123456789abcdef"
    assert "title: Страница" in ru.read_text(encoding="utf-8")


def test_notebook_hash_lives_in_metadata(fake_docs):
    (fake_docs / "en" / "nb.ipynb").write_text('{"cells": [], "metadata": {}}', encoding="utf-8")
    ru = fake_docs / "ru" / "nb.ipynb"
    ru.write_text('{"cells": [], "metadata": {}}', encoding="utf-8")
    assert page_status("ru", "nb.ipynb").state == "invalid"
    i18n.write_source_hash(ru, content_hash(fake_docs / "en" / "nb.ipynb"))
    assert json.loads(ru.read_text(encoding="utf-8"))["metadata"]["nnref"]["source_hash"]
    assert page_status("ru", "nb.ipynb").state == "current"


def test_status_command_lists_problems_and_check_fails(fake_docs, monkeypatch, capsys):
    monkeypatch.setattr("nnref.i18n.__main__.DOCS", fake_docs)
    monkeypatch.setattr("nnref.i18n.__main__.status", lambda: status(("ru",)))
    monkeypatch.setattr("nnref.i18n.__main__.orphans", lambda: [])
    monkeypatch.setattr("nnref.i18n.__main__.TRANSLATIONS", ("ru",))
    assert i18n_main(["status"]) == 0
    assert "missing  docs/ru/page.md" in capsys.readouterr().out
    assert i18n_main(["status", "--check"]) == 1


def test_english_changes_finds_the_translated_version_in_git_history(tmp_path):
    from nnref.i18n.history import english_changes

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "test")
    page = tmp_path / "page.md"
    page.write_text("# Page\n\nFirst version.\n", encoding="utf-8")
    git("add", "page.md")
    git("commit", "-qm", "first")
    recorded = content_hash(page)
    assert english_changes(page, recorded) == ""
    page.write_text("# Page\n\nSecond version.\n", encoding="utf-8")
    git("commit", "-qam", "second")
    diff = english_changes(page, recorded)
    assert "-First version." in diff and "+Second version." in diff
    assert english_changes(page, "0123456789abcdef") is None
