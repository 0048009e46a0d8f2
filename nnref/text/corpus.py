"""The site's own English text as a corpus: prose extracted from ``docs/en/**/*.md``.

The word-vector pages train on the prose of this site. Because the pages change all the time and
the snippets' goldens must not, the snippets and tests read a committed **snapshot**,
``nnref/text/site_corpus.txt`` (one tokenised sentence per line, tokens separated by spaces),
which this module writes:

    python -m nnref.text.corpus            # statistics of the committed snapshot and of the pages
    python -m nnref.text.corpus --write    # rewrite the snapshot from the current English pages

Extraction drops front matter, fenced and indented code, snippet includes, display and inline
math, HTML tags and comments, link and image targets, and table pipes; what is left is split into
sentences, lower-cased and tokenised into words (``[a-z][a-z0-9]*`` joined by ``-`` or ``_``, so
``nn.ReLU`` gives ``nn`` and ``relu``, ``conv2d`` and ``skip-gram`` stay whole).
"""

import argparse
import re
from collections import Counter
from pathlib import Path

from nnref.paths import DOCS

SNAPSHOT = Path(__file__).with_name("site_corpus.txt")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^( *)(```|~~~).*?^\1\2[ \t]*$", re.DOTALL | re.MULTILINE)
_DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{[#.][^}\n]*\}")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s+[—–]\s+|:\s+(?=[A-Z])")
_TOKEN = re.compile(r"(?<![\w])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
_POSSESSIVE = re.compile(r"(?<=[a-z])['’]s\b")


def extract_prose(markdown: str) -> str:
    """The prose of one Markdown page, one block (paragraph, list item, heading, row) a line.

    Args:
        markdown: The page's Markdown source.

    Returns:
        The text with code, math, HTML, link targets and table syntax removed; the lines of a
        paragraph are joined into one line.
    """
    if not isinstance(markdown, str):
        raise TypeError(f"markdown must be a str, got {type(markdown).__name__}")
    text = _FRONT_MATTER.sub("", markdown)
    text = _FENCE.sub("\n", text)
    text = _HTML_COMMENT.sub(" ", text)
    text = _DISPLAY_MATH.sub("\n", text)
    text = _INLINE_MATH.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = _TABLE_RULE.sub("", text)
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if "--8<--" in stripped:
            stripped = ""
        starts_block = (
            not stripped
            or stripped.startswith(("#", "- ", "* ", "|"))
            or re.match(r"\d+\. ", stripped)
        )
        if starts_block and current:
            blocks.append(" ".join(current))
            current = []
        if stripped.startswith("|"):
            blocks.extend(cell.strip() for cell in stripped.strip("|").split("|"))
            continue
        if stripped:
            current.append(re.sub(r"^(#+|[-*]|\d+\.)\s+", "", stripped))
    if current:
        blocks.append(" ".join(current))
    return "\n".join(block for block in blocks if block.strip())


def split_sentences(prose: str) -> list[str]:
    """Split prose (one block a line) into sentences at ``. ! ? ;``, dashes and colons."""
    sentences: list[str] = []
    for block in prose.splitlines():
        sentences.extend(part.strip() for part in _SENTENCE_END.split(block) if part.strip())
    return sentences


def tokenize(sentence: str) -> list[str]:
    """Lower-case a sentence and return its word tokens (no numbers, no punctuation)."""
    text = _POSSESSIVE.sub("", sentence.replace("`", " ").lower())
    return _TOKEN.findall(text)


def page_sentences(markdown: str, min_tokens: int = 3) -> list[list[str]]:
    """The tokenised sentences of one page that have at least ``min_tokens`` tokens."""
    if min_tokens < 1:
        raise ValueError(f"min_tokens must be at least 1, got {min_tokens}")
    tokenised = (tokenize(sentence) for sentence in split_sentences(extract_prose(markdown)))
    return [tokens for tokens in tokenised if len(tokens) >= min_tokens]


def site_sentences(docs: Path = DOCS / "en", min_tokens: int = 3) -> list[list[str]]:
    """The tokenised sentences of every English page (``docs/en/**/*.md``), in path order."""
    paths = sorted(docs.rglob("*.md"))
    if not paths:
        raise ValueError(f"docs has no Markdown pages: {docs}")
    sentences: list[list[str]] = []
    for path in paths:
        sentences.extend(page_sentences(path.read_text(encoding="utf-8"), min_tokens))
    return sentences


def write_snapshot(path: Path = SNAPSHOT, docs: Path = DOCS / "en") -> int:
    """Write the snapshot of the site's sentences to ``path``; return its size in bytes."""
    text = "".join(" ".join(tokens) + "\n" for tokens in site_sentences(docs))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def load_corpus(path: Path = SNAPSHOT, max_sentences: int | None = None) -> list[list[str]]:
    """Read a snapshot: a list of sentences, each a list of tokens.

    Args:
        path: The snapshot file (default: the committed ``site_corpus.txt``).
        max_sentences: Keep only the first this many sentences (``None``: all).
    """
    if max_sentences is not None and max_sentences < 1:
        raise ValueError(f"max_sentences must be positive or None, got {max_sentences}")
    lines = path.read_text(encoding="utf-8").splitlines()
    sentences = [line.split() for line in lines if line.strip()]
    return sentences if max_sentences is None else sentences[:max_sentences]


def describe(sentences: list[list[str]]) -> str:
    """One line of statistics: sentences, tokens, distinct words, the most frequent words."""
    counts = Counter(token for sentence in sentences for token in sentence)
    top = ", ".join(word for word, _ in counts.most_common(8))
    tokens = sum(counts.values())
    return f"{len(sentences)} sentences, {tokens} tokens, {len(counts)} distinct words; top: {top}"


def main(argv: list[str] | None = None) -> None:
    """Command line: print statistics, or ``--write`` the snapshot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite site_corpus.txt")
    args = parser.parse_args(argv)
    if args.write:
        size = write_snapshot()
        print(f"wrote {SNAPSHOT} ({size} bytes)")
    if SNAPSHOT.exists():
        print("snapshot:", describe(load_corpus()))
    print("pages now:", describe(site_sentences()))


if __name__ == "__main__":
    main()
