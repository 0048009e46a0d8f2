"""The three sites build with --strict and no warnings, and the hooks do their jobs."""

import json
import re
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import pytest

from nnref.catalog import LANGUAGES, load
from nnref.site.build import BuildResult, build_language, copy_project


def test_every_language_builds_strict_without_warnings(built_site):
    _, results = built_site
    for result in results:
        assert result.returncode == 0, f"mkdocs build -f {result.lang} failed:\n{result.log}"
        assert not result.warnings, f"{result.lang} build warnings:\n" + "\n".join(result.warnings)
        assert result.fallback_pages == 0, (
            f"{result.lang}: pages fall back to English:\n{result.log}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalog_page_is_built(built_site, lang):
    site, _ = built_site
    for page in load().all_pages():
        url = re.sub(r"(index)?\.(md|ipynb)$", "", page)
        assert (site / lang / url / "index.html").exists(), f"site/{lang}/{url} was not built"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_names_the_installed_torch_version(built_site, lang):
    site, _ = built_site
    home = (site / lang / "index.html").read_text(encoding="utf-8")
    assert version("torch") in home
    assert "{{ torch_version }}" not in home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_selector_links_to_the_same_page(built_site, lang):
    site, _ = built_site
    page = (site / lang / "layers" / "linear" / "index.html").read_text(encoding="utf-8")
    for other in LANGUAGES:
        assert f'href="../../../{other}/layers/linear/" hreflang="{other}" target="_self"' in page


def test_root_page_links_every_language(built_site):
    site, _ = built_site
    root = (site / "index.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f'href="{lang}/"' in root


def test_russian_search_index_spells_yo_words_with_e(built_site):
    site, _ = built_site
    index = json.loads((site / "ru" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["spelling"] == {"boost": 1}
    with_yo = [doc for doc in index["docs"] if "ё" in doc["title"] + doc["text"]]
    assert with_yo, "the Russian pages should contain words with «ё»"
    for doc in with_yo:
        for word in re.findall(r"\w*ё\w*", doc["title"] + " " + doc["text"]):
            assert word.replace("ё", "е") in doc["spelling"].split(), (doc["location"], word)


def test_chinese_search_index_is_segmented_with_the_glossary(built_site):
    site, _ = built_site
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b全连接层\u200b" in text, "jieba did not keep 全连接层 as one word"
    assert index["config"]["pipeline"] == [], "lunr's trimmer would strip Han characters"


def test_built_pages_load_nothing_from_other_hosts(built_site):
    site, _ = built_site
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html):
            pytest.fail(f"{page.relative_to(site)} loads {url}: vendor it instead")


def _build_copy(tmp_path, edit, lang="en") -> BuildResult:
    """Build one language, into tmp_path/out/<lang>, from a copy of the project with edits."""
    copy = copy_project(tmp_path / "project")
    edit(copy)
    return build_language(lang, tmp_path / "out", project=copy, execute_notebooks=False)


BROKEN_CONTENT = [
    (
        "broken include",
        lambda p: _append(
            p / "docs/en/layers/linear.md",
            '\n```python\n--8<-- "snippets/layers/no-such-file.py"\n```\n',
        ),
        "no-such-file.py",
    ),
    (
        "missing figure",
        lambda p: _append(p / "docs/en/layers/linear.md", "\n![x](../assets/figures/nope.svg)\n"),
        "nope.svg",
    ),
    (
        "unknown link",
        lambda p: _append(p / "docs/en/layers/linear.md", "\n[x](../layers/nope.md)\n"),
        "nope.md",
    ),
    (
        "unknown anchor",
        lambda p: _append(p / "docs/en/layers/linear.md", "\n[x](../exam.md#q99)\n"),
        "q99",
    ),
    (
        "unknown link in a notebook",
        lambda p: _append_to_notebook(p / "docs/en/tutorials/xor.ipynb", "[x](../nope.md)"),
        "nope.md",
    ),
]


@pytest.fixture(scope="module")
def broken_builds(tmp_path_factory) -> dict[str, BuildResult]:
    """One build per kind of broken content, two at a time (each is a separate process)."""

    def build(case) -> BuildResult:
        _, edit, _ = case
        return _build_copy(tmp_path_factory.mktemp("broken"), edit)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(build, BROKEN_CONTENT)
        return {case[0]: result for case, result in zip(BROKEN_CONTENT, results, strict=True)}


@pytest.mark.parametrize(
    ("name", "message"), [(name, message) for name, _, message in BROKEN_CONTENT]
)
def test_build_rejects_broken_content(broken_builds, name, message):
    result = broken_builds[name]
    assert result.returncode != 0, f"a {name} did not fail the build:\n{result.log}"
    assert message in result.log


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _append_to_notebook(path, markdown):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": markdown})
    path.write_text(json.dumps(notebook), encoding="utf-8")


def test_notebook_links_to_pages_become_page_addresses(built_site):
    site, _ = built_site
    for lang in LANGUAGES:
        html = (site / lang / "tutorials/digits-cnn/index.html").read_text(encoding="utf-8")
        assert 'href="../../exam/#q17"' in html, f"{lang}: a notebook link to exam.md#q17"
        assert not re.search(r'href="[^":]*\.(md|ipynb)[#"]', html), f"{lang}: .md link left"


def test_outdated_translation_builds_with_a_localized_banner(tmp_path):
    result = _build_copy(
        tmp_path,
        lambda p: _append(p / "docs/en/layers/linear.md", "\nA new sentence.\n"),
        lang="ru",
    )
    assert result.returncode == 0, result.log
    page = (tmp_path / "out" / "ru" / "layers" / "linear" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "nnref-outdated" in page and "Перевод отстаёт от оригинала" in page
    assert 'href="../../../en/layers/linear/"' in page
    other = (tmp_path / "out" / "ru" / "optim" / "sgd" / "index.html").read_text(encoding="utf-8")
    assert "nnref-outdated" not in other


def test_missing_translation_falls_back_to_english_with_a_banner(tmp_path):
    result = _build_copy(tmp_path, lambda p: (p / "docs/zh/losses/mse-loss.md").unlink(), lang="zh")
    assert result.returncode == 0, result.log
    assert result.fallback_pages == 1
    assert "fall back to English: losses/mse-loss.md" in result.log
    page = (tmp_path / "out" / "zh" / "losses" / "mse-loss" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "nnref-fallback" in page and "本页尚未翻译" in page
    assert "The <strong>mean squared error</strong>" in page


def _search_tokens(site: Path, lang: str) -> tuple[re.Pattern, dict[str, set[str]]]:
    """The built index's separator, and each page's lower-case tokens split as Material does."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tokens: dict[str, set[str]] = {}
    for doc in index["docs"]:
        words = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
        page = tokens.setdefault(doc["location"].split("#")[0], set())
        page |= {token for token in separator.split(words) if token}
    return separator, tokens


def _finds(name: str, separator: re.Pattern, tokens: set[str]) -> bool:
    """Material appends * to each query term: a term matches a token it is a prefix of."""
    terms = [term for term in separator.split(name.lower()) if term]
    return all(any(token.startswith(term) for token in tokens) for term in terms)


def _url(page: str) -> str:
    """The index location of a page: ``layers/index.md`` -> ``layers/``, ``index.md`` -> ``""``."""
    path = page.removesuffix(".md").removesuffix(".ipynb").removesuffix("index").rstrip("/")
    return f"{path}/" if path else ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_every_member_by_torch_and_keras_name(built_site, lang):
    separator, tokens = _search_tokens(built_site[0], lang)
    missing = [
        f"{name} -> {concept.page}"
        for concept, member in load().members()
        for name in (member.torch, *member.keras)
        if not _finds(name.split(".")[-1], separator, tokens.get(_url(concept.page), set()))
    ]
    assert not missing, f"{lang} search does not find these names on their pages: {missing}"


# The Keras layer names of the Russian layer overview the project started from (seed 001),
# spelled as it spells them, and the page each must lead to in every language.
SEED_KERAS_NAMES = {
    "Dense": "layers/linear.md",
    "Batchnorm": "layers/batch-norm.md",
    "Dropout": "layers/dropout.md",
    "Input": "layers/containers.md",
    "Activation": "layers/containers.md",
    "Conv2D": "layers/convolution.md",
    "Conv1D": "layers/convolution.md",
    "Maxpooling": "layers/pooling.md",
    "Conv2DTranspose": "layers/transposed-convolution.md",
    "Upsampling": "layers/upsampling.md",
    "Flatten": "layers/reshaping.md",
    "GlobalMaxPooling": "layers/adaptive-pooling.md",
    "GlobalAveragePooling": "layers/adaptive-pooling.md",
    "LSTM": "layers/lstm.md",
    "GRU": "layers/gru.md",
    "Embedding": "layers/embedding.md",
    "SpatialDropout1D": "layers/dropout.md",
    "Reshape": "layers/reshaping.md",
    "Resize": "layers/upsampling.md",
    "Concatenate": "layers/merging.md",
    "Multiply": "layers/merging.md",
    "Add": "layers/merging.md",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_every_keras_name_of_the_seed(built_site, lang):
    separator, tokens = _search_tokens(built_site[0], lang)
    missing = [
        f"{name} -> {page}"
        for name, page in SEED_KERAS_NAMES.items()
        if not _finds(name, separator, tokens.get(_url(page), set()))
    ]
    assert not missing, f"{lang} search does not find these Keras names: {missing}"
