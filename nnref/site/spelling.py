"""Russian spelling variants for search: words written with «ё» are also indexed with «е».

Russian text may or may not print «ё»; readers almost always type «е». Each search entry
gets a ``spelling`` field (declared in the search plugin's ``fields``) holding the «е» form
of every word that has «ё», so a query typed either way finds the page.
"""

import re

_WORD_WITH_YO = re.compile(r"\w*[ёЁ]\w*")


def yo_variants(text: str) -> str:
    """The distinct «е» spellings of the words of ``text`` that contain «ё», space-separated."""
    seen: dict[str, None] = {}
    for word in _WORD_WITH_YO.findall(text):
        seen[word.replace("ё", "е").replace("Ё", "Е")] = None
    return " ".join(seen)


def add_spelling_field(entries: list[dict]) -> int:
    """Add the ``spelling`` field to search entries in place; return how many got one."""
    count = 0
    for entry in entries:
        variants = yo_variants(f"{entry.get('title', '')} {entry.get('text', '')}")
        if variants:
            entry["spelling"] = variants
            count += 1
    return count
