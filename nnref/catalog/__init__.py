"""The concept catalog: areas, concepts, site pages, glossary terms and exam questions.

Loaded from ``concepts.toml`` (plus the files its ``include`` list names, in order) and
``questions.toml`` (with the study guide's model answers in ``answers/*.toml``) beside this
module, and checked on load: unknown areas or groups, duplicate
ids or anchors, dangling ``related`` ids and out-of-range question numbers raise ``ValueError``
naming the entry.
"""

import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("en", "ru", "zh")
QUESTION_COUNT = 41
_HERE = Path(__file__).parent


@dataclass(frozen=True)
class Localized:
    """A string in every site language."""

    en: str
    ru: str
    zh: str

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
        return getattr(self, lang)


@dataclass(frozen=True)
class Area:
    id: str
    title: Localized


@dataclass(frozen=True)
class Group:
    """A sub-section of an area in the navigation (for example "Convolution" in "Layers")."""

    id: str
    title: Localized


@dataclass(frozen=True)
class Member:
    """One class or function a concept page covers, with its own anchor and checked example."""

    torch: str
    anchor: str
    keras: tuple[str, ...]
    snippet: str


@dataclass(frozen=True)
class Excluded:
    """A public ``torch.nn`` class the site deliberately does not cover, and why."""

    torch: str
    reason: str


@dataclass(frozen=True)
class Concept:
    id: str
    area: str
    page: str
    torch: tuple[str, ...]
    keras: tuple[str, ...]
    snippets: tuple[str, ...]
    figures: tuple[str, ...]
    related: tuple[str, ...]
    questions: tuple[int, ...]
    term: Localized
    group: str | None = None
    members: tuple[Member, ...] = ()


@dataclass(frozen=True)
class SitePage:
    id: str
    page: str
    generated: bool = False


@dataclass(frozen=True)
class Term:
    term: Localized
    concept: str


@dataclass(frozen=True)
class Question:
    """An exam question: its wording, its search key term and its model answer per language.

    ``search`` and ``answer`` map a language to its text; a language without one is missing
    (the tests name it).
    """

    number: int
    text: Localized
    search: dict[str, str]
    answer: dict[str, str]


@dataclass(frozen=True)
class Catalog:
    areas: tuple[Area, ...]
    concepts: tuple[Concept, ...]
    pages: tuple[SitePage, ...]
    terms: tuple[Term, ...]
    questions: tuple[Question, ...]
    groups: tuple[Group, ...] = ()
    excluded: tuple[Excluded, ...] = ()

    def group(self, group_id: str) -> Group:
        """Return the navigation group with this id, or raise ``KeyError``."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(f"no group {group_id!r} in the catalog")

    def members(self) -> list[tuple[Concept, Member]]:
        """Every member of every concept, with its concept, in catalog order."""
        return [(concept, member) for concept in self.concepts for member in concept.members]

    def concept(self, concept_id: str) -> Concept:
        """Return the concept with this id, or raise ``KeyError``."""
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(f"no concept {concept_id!r} in the catalog")

    def concepts_in(self, area_id: str) -> list[Concept]:
        """Concepts of one area, in catalog order."""
        return [concept for concept in self.concepts if concept.area == area_id]

    def answering(self, number: int) -> list[Concept]:
        """Concepts whose page answers exam question ``number``."""
        return [concept for concept in self.concepts if number in concept.questions]

    def all_terms(self) -> list[Term]:
        """Every glossary term: each concept's own term, then the extra terms."""
        own = [Term(term=concept.term, concept=concept.id) for concept in self.concepts]
        return own + list(self.terms)

    def all_pages(self) -> list[str]:
        """Every page path of the site (concept pages and site pages)."""
        return [concept.page for concept in self.concepts] + [page.page for page in self.pages]


def _localized(entry: dict, key: str, where: str) -> Localized:
    value = entry.get(key)
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise ValueError(f"{where}: {key} must have exactly the keys {LANGUAGES}, got {value!r}")
    if not all(isinstance(text, str) and text.strip() for text in value.values()):
        raise ValueError(f"{where}: every language of {key} must be a non-empty string")
    return Localized(**value)


def _answers() -> dict[str, dict[int, str]]:
    """The study guide's model answers, ``{lang: {question number: Markdown}}``, read from
    every ``answers/*.toml`` (``[[answer]]`` tables: ``number`` and one text per language).
    """
    answers: dict[str, dict[int, str]] = {lang: {} for lang in LANGUAGES}
    for path in sorted((_HERE / "answers").glob("*.toml")):
        name = f"answers/{path.name}"
        for entry in _read(name).get("answer", []):
            number = entry.get("number")
            if number not in range(1, QUESTION_COUNT + 1):
                raise ValueError(f"nnref/catalog/{name}: no question numbered {number!r}")
            unknown = set(entry) - {"number", *LANGUAGES}
            if unknown:
                raise ValueError(f"nnref/catalog/{name}: answer {number} has keys {unknown}")
            for lang in LANGUAGES:
                if lang not in entry:
                    continue
                if number in answers[lang]:
                    raise ValueError(f"nnref/catalog/{name}: question {number} answered twice")
                answers[lang][number] = entry[lang].strip()
    return answers


def _question(entry: dict, answers: dict[str, dict[int, str]]) -> Question:
    number = entry["number"]
    where = f"questions.toml question {number}"
    search = entry.get("search", {})
    if set(search) - set(LANGUAGES):
        raise ValueError(f"{where}: search has unknown languages {sorted(set(search))}")
    return Question(
        number=number,
        text=_localized({"text": {k: entry.get(k) for k in LANGUAGES}}, "text", where),
        search=dict(search),
        answer={lang: answers[lang][number] for lang in LANGUAGES if number in answers[lang]},
    )


def _member(entry: dict, where: str) -> Member:
    required = {"torch", "anchor", "keras", "snippet"}
    if set(entry) != required:
        raise ValueError(f"{where}: a member needs exactly the keys {sorted(required)}: {entry}")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", entry["anchor"]):
        raise ValueError(f"{where}: anchor {entry['anchor']!r} must be lower-case ASCII")
    return Member(
        torch=entry["torch"],
        anchor=entry["anchor"],
        keras=tuple(entry["keras"]),
        snippet=entry["snippet"],
    )


def _concept(entry: dict) -> Concept:
    where = f"concepts.toml concept {entry.get('id')!r}"
    required = {"id", "area", "page", "torch", "keras", "snippets", "figures", "related"}
    missing = required - set(entry)
    if missing:
        raise ValueError(f"{where}: missing keys {sorted(missing)}")
    return Concept(
        id=entry["id"],
        area=entry["area"],
        page=entry["page"],
        torch=tuple(entry["torch"]),
        keras=tuple(entry["keras"]),
        snippets=tuple(entry["snippets"]),
        figures=tuple(entry["figures"]),
        related=tuple(entry["related"]),
        questions=tuple(entry.get("questions", ())),
        term=_localized(entry, "term", where),
        group=entry.get("group"),
        members=tuple(_member(member, where) for member in entry.get("members", ())),
    )


def _validate(catalog: Catalog) -> None:
    area_ids = [area.id for area in catalog.areas]
    concept_ids = [concept.id for concept in catalog.concepts]
    group_ids = [group.id for group in catalog.groups]
    torch_names = [member.torch for _, member in catalog.members()]
    torch_names += [excluded.torch for excluded in catalog.excluded]
    unique = {
        "area": area_ids,
        "concept": concept_ids,
        "page": catalog.all_pages(),
        "group": group_ids,
        "member or excluded name": torch_names,
    }
    for lang in LANGUAGES:
        unique[f"glossary term ({lang})"] = [t.term[lang].casefold() for t in catalog.all_terms()]
    for kind, values in unique.items():
        duplicates = sorted(value for value, count in Counter(values).items() if count > 1)
        if duplicates:
            raise ValueError(f"catalog: duplicate {kind} {duplicates}")
    for concept in catalog.concepts:
        where = f"concepts.toml concept {concept.id!r}"
        if concept.area not in area_ids:
            raise ValueError(f"{where}: unknown area {concept.area!r}; add an [[area]] first")
        if concept.group is not None and concept.group not in group_ids:
            raise ValueError(f"{where}: unknown group {concept.group!r}; add a [[group]] first")
        anchors = [member.anchor for member in concept.members]
        if len(set(anchors)) != len(anchors):
            raise ValueError(f"{where}: two members share an anchor in {anchors}")
        unknown = [related for related in concept.related if related not in concept_ids]
        if unknown:
            raise ValueError(f"{where}: related lists unknown concept ids {unknown}")
        bad = [n for n in concept.questions if not 1 <= n <= QUESTION_COUNT]
        if bad:
            raise ValueError(f"{where}: question numbers {bad} are outside 1..{QUESTION_COUNT}")
    for term in catalog.terms:
        if term.concept not in concept_ids:
            raise ValueError(f"concepts.toml term {term.term.en!r}: unknown concept")
    numbers = [question.number for question in catalog.questions]
    if numbers != list(range(1, QUESTION_COUNT + 1)):
        raise ValueError(f"questions.toml must number the questions 1..{QUESTION_COUNT} in order")


def _read(name: str) -> dict:
    path = _HERE / name
    if not path.exists():
        raise ValueError(f"nnref/catalog/{name} does not exist (named by concepts.toml include)")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"nnref/catalog/{name}: {error}") from error


def _merged() -> dict:
    """``concepts.toml`` with the tables of each included file appended, in the listed order."""
    data = _read("concepts.toml")
    for name in data.pop("include", []):
        part = _read(name)
        unknown = set(part) - {"concept", "term", "excluded"}
        if unknown:
            raise ValueError(f"nnref/catalog/{name}: only [[concept]], [[term]] and [[excluded]]")
        for key, values in part.items():
            data.setdefault(key, []).extend(values)
    return data


@functools.cache
def load() -> Catalog:
    """Read and validate the catalog (cached: it does not change while a process runs)."""
    data = _merged()
    questions = _read("questions.toml")
    answers = _answers()
    catalog = Catalog(
        areas=tuple(
            Area(id=a["id"], title=_localized(a, "title", f"area {a['id']!r}"))
            for a in data["area"]
        ),
        concepts=tuple(_concept(entry) for entry in data["concept"]),
        pages=tuple(SitePage(**entry) for entry in data["page"]),
        terms=tuple(
            Term(term=_localized(t, "term", "concepts.toml [[term]]"), concept=t["concept"])
            for t in data.get("term", [])
        ),
        questions=tuple(_question(q, answers) for q in questions["question"]),
        groups=tuple(
            Group(id=g["id"], title=_localized(g, "title", f"group {g['id']!r}"))
            for g in data.get("group", [])
        ),
        excluded=tuple(
            Excluded(torch=e["torch"], reason=e["reason"]) for e in data.get("excluded", [])
        ),
    )
    _validate(catalog)
    return catalog
