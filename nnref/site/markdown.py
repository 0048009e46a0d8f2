"""Reading the Markdown sources of pages: includes, fenced code blocks and headings."""

import re
from dataclasses import dataclass
from pathlib import Path

import markdown

from nnref.paths import ROOT

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class CodeBlock:
    """One fenced code block: its info string (``python``, ``text``...), body and line."""

    info: str
    body: str
    line: int


def expand_includes(text: str) -> str:
    """Expand ``--8<--`` includes exactly as the site build does (pymdownx.snippets).

    A missing file raises ``pymdownx.snippets.SnippetMissingError``.
    """
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def code_blocks(text: str) -> list[CodeBlock]:
    """Every fenced code block of a Markdown text, with its dedented body."""
    blocks = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        body, start = [], index + 1
        index += 1
        while index < len(lines) and not re.match(
            rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", lines[index]
        ):
            line = lines[index]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            index += 1
        blocks.append(CodeBlock(opening["info"].strip(), "\n".join(body), start))
        index += 1
    return blocks


def strip_code(text: str) -> str:
    """The text with fenced code blocks blanked out (to find headings outside code)."""
    lines = text.split("\n")
    for block in code_blocks(text):
        count = block.body.count("\n") + 1 if block.body else 0
        for offset in range(-1, count + 1):
            position = block.line - 1 + offset
            if 0 <= position < len(lines):
                lines[position] = ""
    return "\n".join(lines)


def headings(text: str, level: int) -> list[str]:
    """The headings of one level (``#`` count), in order, outside code blocks."""
    prefix = "#" * level + " "
    return [
        line[len(prefix) :].strip()
        for line in strip_code(text).split("\n")
        if line.startswith(prefix)
    ]


def without_front_matter(text: str) -> str:
    """The page text after its YAML front matter, if any."""
    match = re.match(r"\A---\n.*?\n---\n", text, re.DOTALL)
    return text[match.end() :] if match else text


def read_page(path: Path) -> str:
    """A page's text with Unix line endings."""
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")
