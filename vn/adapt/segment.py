"""Cut prose into paragraphs and quotations, keeping source offsets for every piece.

Offsets index the original text, so the scorer and the author can find any line's source.
One pass over the text; every pattern is compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_RUN = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)+")
_NEWLINE = re.compile(r"\r?\n")
_HEADING = re.compile(
    r"(?:chapter|book|part|volume|prologue|epilogue|interlude)\b|[IVXLC]+\.?$|\d{1,3}\.?$",
    re.IGNORECASE,
)
_ASTERISM = re.compile(r"(?:[*#~]\s*){3,}|-{3,}|_{3,}")
_DOUBLE_MARKS = re.compile(r"[\"“”]")
_SINGLE_MARKS = re.compile(r"[‘’]")
_OPENERS = frozenset("“‘")
_CLOSERS = frozenset("”’")
_WORD = re.compile(r"[\w'’-]+")
_SPEECH_END = re.compile(r"[.!?,;:—–…\-]\W*$")


@dataclass(frozen=True)
class Paragraph:
    """A block of text between blank lines.

    `gap_before` counts the blank lines before it: two or more suggest a lost line.
    `kind` is "text", "title", "heading" (a chapter line) or "break" (an asterism).
    """

    index: int
    start: int
    end: int
    gap_before: int
    kind: str


@dataclass(frozen=True)
class Quote:
    """One quoted stretch inside one paragraph.

    `start`/`end` span the words inside the marks; `outer_start`/`outer_end` include the marks.
    Pieces of one utterance that runs over several paragraphs share `utterance`.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    utterance: int
    closed: bool


@dataclass(frozen=True)
class Document:
    """The segmented story: its title (if the first line is one), paragraphs and quotations."""

    text: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    quotes: tuple[Quote, ...]


def segment(text: str) -> Document:
    """Segment a story into paragraphs and quotations."""
    paragraphs = _paragraphs(text)
    title = None
    if paragraphs and paragraphs[0].kind == "title":
        title = clean(text[paragraphs[0].start : paragraphs[0].end]).rstrip(".")
    single = _uses_single_marks(text)
    quotes = _quotes(text, paragraphs, single)
    return Document(text=text, title=title, paragraphs=tuple(paragraphs), quotes=tuple(quotes))


def clean(fragment: str) -> str:
    """Collapse line breaks and runs of spaces, the way a text box shows prose."""
    return " ".join(fragment.split())


def _uses_single_marks(text: str) -> bool:
    """British-style texts quote with ‘…’; decide by which opening mark dominates."""
    doubles = text.count("“") + text.count('"')
    return text.count("‘") > 3 * doubles


def _paragraph_bounds(text: str) -> list[tuple[int, int, int]]:
    """(start, end, blank lines before) for each block; one block a line if no blank lines."""
    separators = list(_BLANK_RUN.finditer(text))
    lines = text.count("\n")
    if not separators and lines > 3:
        pattern, blanks = _NEWLINE, None
        separators = list(pattern.finditer(text))
    else:
        blanks = True
    bounds: list[tuple[int, int, int]] = []
    position, gap = 0, 0
    for match in separators:
        bounds.append((position, match.start(), gap))
        position = match.end()
        gap = match.group().count("\n") - 1 if blanks else 0
    bounds.append((position, len(text), gap))
    return bounds


def _paragraphs(text: str) -> list[Paragraph]:
    result: list[Paragraph] = []
    for start, end, gap in _paragraph_bounds(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        kind = _kind(text[start:end], first=not result)
        result.append(Paragraph(len(result), start, end, gap, kind))
    if len(result) == 1 and result[0].kind == "title":
        only = result[0]
        result[0] = Paragraph(0, only.start, only.end, only.gap_before, "text")
    return result


def _kind(block: str, first: bool) -> str:
    first_line = block.split("\n", 1)[0].strip()
    if _ASTERISM.fullmatch(block.strip()):
        return "break"
    short = block.count("\n") <= 2 and len(block) <= 120
    if short and _HEADING.match(first_line) and not _DOUBLE_MARKS.search(block):
        return "heading"
    if first and _looks_like_title(block):
        return "title"
    return "text"


def _looks_like_title(block: str) -> bool:
    """A short first line in title case or capitals, with no quotation marks."""
    if "\n" in block.strip() or len(block) > 100 or _DOUBLE_MARKS.search(block):
        return False
    if block.rstrip().endswith((",", ";", ":")):
        return False
    words = [w for w in _WORD.findall(block) if len(w) >= 3]
    if not words:
        return bool(block.strip())
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _quotes(text: str, paragraphs: list[Paragraph], single: bool) -> list[Quote]:
    marks = _SINGLE_MARKS if single else _DOUBLE_MARKS
    quotes: list[Quote] = []
    utterance = -1
    carried = False
    for para in paragraphs:
        if para.kind != "text":
            carried = False
            continue
        opens_with_mark = bool(marks.match(text, para.start))
        continues = carried and opens_with_mark
        pieces = _scan(text, para, marks, single)
        carried = bool(pieces) and not pieces[-1][2]
        for number, (open_at, close_at, closed) in enumerate(pieces):
            if not (number == 0 and continues and open_at == para.start):
                utterance += 1
            quote = _make_quote(text, para.index, open_at, close_at, closed, utterance)
            if quote is not None and not _is_scare_quote(text, para, quote):
                quotes.append(quote)
    return quotes


def _scan(
    text: str, para: Paragraph, marks: re.Pattern[str], single: bool
) -> list[tuple[int, int, bool]]:
    """(opening mark, closing mark or paragraph end, closed?) for each quotation."""
    pieces: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for match in marks.finditer(text, para.start, para.end):
        position, mark = match.start(), match.group()
        if single and mark == "’" and _between_letters(text, position):
            continue
        if open_at is None:
            if mark not in _CLOSERS:
                open_at = position
            continue
        if mark in _OPENERS:
            pieces.append((open_at, position, False))
            open_at = position
            continue
        pieces.append((open_at, position, True))
        open_at = None
    if open_at is not None:
        pieces.append((open_at, para.end, False))
    return pieces


def _between_letters(text: str, position: int) -> bool:
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _make_quote(
    text: str, paragraph: int, open_at: int, close_at: int, closed: bool, utterance: int
) -> Quote | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    outer_end = close_at + 1 if closed else close_at
    return Quote(start, end, open_at, outer_end, paragraph, utterance, closed)


def _is_scare_quote(text: str, para: Paragraph, quote: Quote) -> bool:
    """A short quoted name inside a sentence ('labelled "ORANGE MARMALADE", but') is not speech."""
    if not quote.closed or quote.outer_start == para.start:
        return False
    before = text[para.start : quote.outer_start].rstrip()
    if not before or not before[-1].isalnum():
        return False
    content = text[quote.start : quote.end]
    words = content.split()
    if len(words) > 4 or content.rstrip()[-1:] in "!?":
        return False
    label = len(words) <= 2 or not any(c.islower() for c in content)
    return label or not _SPEECH_END.search(content)
