"""The catalog and the site agree: every entry has its pages and files, every page an entry."""

import importlib
import inspect
import tomllib

import pytest
import torch

from nnref.catalog import LANGUAGES, QUESTION_COUNT, Catalog, load
from nnref.figures import FIGURES
from nnref.i18n import english_pages
from nnref.paths import DOCS, ROOT
from nnref.site import generated
from nnref.snippets import SNIPPETS, snippet_id, snippet_paths

CATALOG = load()
CONCEPTS = CATALOG.concepts


def _resolve(dotted: str) -> object:
    """Import ``torch.nn.Linear`` style names: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[split:]:
            obj = getattr(obj, attribute)
        return obj
    raise ModuleNotFoundError(dotted)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.id)
def test_every_concept_has_its_page_in_every_language(concept, lang):
    path = DOCS / lang / concept.page
    assert path.exists(), (
        f"docs/{lang}/{concept.page} is missing: concept {concept.id!r} "
        f"(nnref/catalog/concepts.toml) needs its page in {lang}"
    )


def test_every_english_page_is_in_the_catalog():
    listed = set(CATALOG.all_pages())
    unlisted = [page for page in english_pages() if page not in listed]
    assert not unlisted, (
        f"docs/en pages not in nnref/catalog/concepts.toml: {unlisted}; add a [[concept]] "
        "or [[page]] entry for each"
    )


def test_every_catalog_page_exists_or_is_generated():
    for page in CATALOG.pages:
        exists = (DOCS / "en" / page.page).exists()
        assert exists != page.generated, (
            f"concepts.toml page {page.id!r}: generated={page.generated} but "
            f"docs/en/{page.page} {'exists' if exists else 'does not exist'}"
        )


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.id)
def test_every_listed_torch_name_exists(concept):
    for name in concept.torch:
        try:
            obj = _resolve(name)
        except (ModuleNotFoundError, AttributeError) as error:
            pytest.fail(f"concepts.toml concept {concept.id!r}: {name} does not exist ({error})")
        assert callable(obj), f"{name} is not a class or function"


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.id)
def test_snippets_and_figures_of_each_concept_exist(concept):
    for snippet in concept.snippets:
        path = SNIPPETS / f"{snippet}.py"
        assert path.exists(), f"concept {concept.id!r} lists snippet {snippet!r}: no {path}"
        assert path.with_suffix(".out").exists(), f"{path.with_suffix('.out')}: run make goldens"
    for figure in concept.figures:
        assert figure in FIGURES, f"concept {concept.id!r} lists figure {figure!r}: not in FIGURES"


MEMBERS = CATALOG.members()


@pytest.mark.parametrize(("concept", "member"), MEMBERS, ids=[m.anchor for _, m in MEMBERS])
def test_every_member_exists_and_has_its_example(concept, member):
    where = f"concepts.toml concept {concept.id!r} member {member.torch}"
    try:
        obj = _resolve(member.torch)
    except (ModuleNotFoundError, AttributeError) as error:
        pytest.fail(f"{where}: does not exist in torch {torch.__version__} ({error})")
    assert callable(obj) or inspect.ismodule(obj), f"{where}: not a class, function or module"
    path = SNIPPETS / f"{member.snippet}.py"
    assert path.exists(), f"{where}: snippet {member.snippet!r} has no {path}"
    assert path.with_suffix(".out").exists(), f"{path.with_suffix('.out')}: run make goldens"


def _public_nn_classes() -> list[str]:
    return [
        f"torch.nn.{name}"
        for name in dir(torch.nn)
        if not name.startswith("_") and inspect.isclass(getattr(torch.nn, name))
    ]


def test_every_public_nn_class_is_covered_or_excluded():
    covered = {member.torch for _, member in MEMBERS}
    excluded = {entry.torch for entry in CATALOG.excluded}
    missing = [name for name in _public_nn_classes() if name not in covered | excluded]
    assert not missing, (
        f"torch {torch.__version__} has public torch.nn classes the catalog neither covers nor "
        f"excludes: {missing}. Add a [[concept.members]] entry (nnref/catalog/<area>/*.toml) "
        "or an [[excluded]] entry with its reason (nnref/catalog/layers/excluded.toml)"
    )
    public = set(_public_nn_classes()) | set(_public_optim_classes())
    stale = sorted(name for name in excluded if name not in public)
    assert not stale, f"excluded names that torch.nn and torch.optim no longer have: {stale}"
    assert all(entry.reason.strip() for entry in CATALOG.excluded)


def _public_optim_classes() -> list[str]:
    """The classes that torch.optim and its lr_scheduler and swa_utils modules export."""
    names = []
    for module in (torch.optim, torch.optim.lr_scheduler, torch.optim.swa_utils):
        names += [
            f"{module.__name__}.{name}"
            for name in module.__all__
            if inspect.isclass(getattr(module, name))
        ]
    return names


def test_every_public_optim_class_is_covered_or_excluded():
    covered = {member.torch for _, member in MEMBERS}
    excluded = {entry.torch for entry in CATALOG.excluded}
    missing = [name for name in _public_optim_classes() if name not in covered | excluded]
    assert not missing, (
        f"torch {torch.__version__} has public optimizer and scheduler classes the catalog "
        f"neither covers nor excludes: {missing}. Add a [[concept.members]] entry "
        "(nnref/catalog/optim/*.toml) or an [[excluded]] entry with its reason"
    )


def test_every_snippet_and_figure_belongs_to_a_concept():
    used_snippets = {s for c in CONCEPTS for s in c.snippets}
    used_snippets |= {member.snippet for _, member in MEMBERS}
    orphans = [snippet_id(p) for p in snippet_paths() if snippet_id(p) not in used_snippets]
    assert not orphans, f"snippets no concept lists (concepts.toml snippets = [...]): {orphans}"
    used_figures = {f for c in CONCEPTS for f in c.figures}
    assert set(FIGURES) <= used_figures, f"figures no concept lists: {set(FIGURES) - used_figures}"


def test_exam_questions_are_the_41_of_the_guide():
    assert [q.number for q in CATALOG.questions] == list(range(1, QUESTION_COUNT + 1))
    for question in CATALOG.questions:
        for lang in LANGUAGES:
            assert question.text[lang].strip(), f"question {question.number} has no {lang} text"
    # The Russian wording is the exam's own (seed 003), kept verbatim.
    assert (
        CATALOG.questions[6].text["ru"]
        == "Преобразование Softmax и функция потерь Cross Entropy loss."
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_pages_cover_the_catalog(lang):
    glossary = generated.glossary(lang)
    for term in CATALOG.all_terms():
        assert term.term[lang] in glossary
    keras = generated.keras(lang)
    assert "`keras.layers.Dense`" in keras and "`torch.nn.Linear`" in keras
    exam = generated.exam(lang)
    for question in CATALOG.questions:
        assert f"## {question.number}. {question.text[lang]} {{#q{question.number}}}" in exam
        assert question.answer.get(lang, "") in exam
    assert "](layers/linear.md)" in exam


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("question", CATALOG.questions, ids=lambda q: f"q{q.number}")
def test_study_guide_answers_every_question(question, lang):
    where = f"question {question.number} ({question.text['en'][:40]}...)"
    answer = question.answer.get(lang, "")
    assert len(answer) >= 200, (
        f"nnref/catalog/answers/*.toml: {where} needs a model answer in {lang} of a few "
        f"sentences (has {len(answer)} characters): the [[answer]] with number = "
        f"{question.number}, key {lang}"
    )
    assert CATALOG.answering(question.number), (
        f"{where}: no page answers it; add {question.number} to `questions` of the concepts "
        "that explain it (nnref/catalog/*/*.toml)"
    )
    assert question.search.get(lang, "").strip(), (
        f"nnref/catalog/questions.toml: {where} needs search.{lang}, the key term a reader "
        "would type (tests/test_browser.py searches it and expects a page that answers)"
    )


def test_jieba_dictionary_holds_every_chinese_term():
    words = generated.jieba_userdict().splitlines()
    assert "全连接层" in words and "随机梯度下降" in words and "异或" in words
    assert all("（" not in w and " " not in w for w in words)


def test_catalog_validation_rejects_broken_entries(tmp_path, monkeypatch):
    from nnref import catalog as module

    data = tomllib.loads((ROOT / "nnref/catalog/concepts.toml").read_text(encoding="utf-8"))
    data["concept"][1]["related"] = ["no-such-concept"]
    broken = Catalog(
        areas=load().areas,
        concepts=tuple(module._concept(entry) for entry in data["concept"]),
        pages=load().pages,
        terms=load().terms,
        questions=load().questions,
    )
    with pytest.raises(ValueError, match="unknown concept ids"):
        module._validate(broken)


def test_catalog_validation_rejects_duplicates():
    from dataclasses import replace

    from nnref import catalog as module

    with pytest.raises(ValueError, match=r"duplicate glossary term \(en\)"):
        module._validate(replace(CATALOG, terms=CATALOG.terms + CATALOG.terms[:1]))
    with pytest.raises(ValueError, match="duplicate member or excluded name"):
        module._validate(replace(CATALOG, excluded=CATALOG.excluded + CATALOG.excluded[:1]))
