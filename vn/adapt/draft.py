"""`draft(text, roster)`: prose in, a draft scene script out, every line traced to its source."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from vn.adapt import tags as tagging
from vn.adapt.attribute import Attribution, Attributor, Evidence
from vn.adapt.characters import (
    UNKNOWN_COLOR,
    UNKNOWN_ID,
    UNKNOWN_NAME,
    Cast,
    Character,
    RosterEntry,
    build_cast,
    discover,
)
from vn.adapt.refs import DESCRIPTION_IN_TEXT, RELATIONAL, Reference, parse, subject_of
from vn.adapt.salience import Focus, antecedents, focus_events
from vn.adapt.segment import Document, Paragraph, Quote, clean, segment

_NARRATION_CHARS = 320
_EMPHASIS = re.compile(r"(?<![\w*])([_*])(?=\S)(?P<body>[^_*]*?\S)\1(?![\w*])")
_HAS_WORD = re.compile(r"\w")
_ITALIC = re.compile(r"(?<![\w*])([_*])(?=\S)(?P<body>[^_*]+?)(?<=\S)\1(?![\w*])")
_TERMINAL = frozenset(".!?…")
_JOINS = (",", ";", "—", "–", "-", "...", "…")
_THOUGHT_SENTENCE = re.compile(
    r"(?P<body>.+?),\s+(?P<subj>\S+(?:\s+\S+){0,3}?)\s+(?:thought|wondered)\b(?P<tail>[^.!?]*)"
    r"[.!?]?[\"”]?\s*$",
    re.DOTALL,
)
_VOCATIVE_BEFORE = re.compile(r"(?:^|[,;:!?.—–(]|\b(?:dear|oh|hey|o|ah|my|poor|you))\s*$", re.I)
_TO_WHOM = re.compile(r"\bto\s+(?P<whom>[\w'’. ]{1,40})")
_OBJECT_MARKERS = frozenset(("to", "with", "at", "by", "of", "for", "from", "on", "upon", "and"))
_VOCATIVE_AFTER = re.compile(r"\s*(?:[,;:!?.—–)]|$)")


@dataclass(frozen=True)
class DraftLine:
    """One item of the draft.

    kind: "scene" (text is its title), "narration", "dialogue", "thought", "gap" (blank lines
    where a line may be missing) or "break" (a scene break in the prose). `method` says how the
    speaker was found (tag, pronoun, beat, vocative, turn-taking, unknown); `spans` are the
    source offsets of the quoted words (quotation marks excluded).
    """

    kind: str
    text: str = ""
    speaker: str | None = None
    method: str | None = None
    manner: str | None = None
    start: int = 0
    end: int = 0
    spans: tuple[tuple[int, int], ...] = ()
    quoted: bool = False


@dataclass(frozen=True)
class Draft:
    """The converter's result: a title, the characters who speak, and the lines in order."""

    title: str
    characters: tuple[Character, ...]
    lines: tuple[DraftLine, ...]

    def character(self, ident: str | None) -> Character | None:
        return next((c for c in self.characters if c.id == ident), None)


def draft(
    text: str, roster: Iterable[RosterEntry] | None = None, title: str | None = None
) -> Draft:
    """Draft a scene script from a story; `roster` fixes the cast, else it is discovered."""
    doc = segment(text)
    by_paragraph = _quotes_by_paragraph(doc)
    fragments = _fragments(doc, by_paragraph)
    narration = [span for spans in fragments.values() for span in spans]
    found_tags = _find_tags(text, by_paragraph, fragments)
    entries = (
        list(roster)
        if roster is not None
        else _discover(text, narration, found_tags, fragments, by_paragraph)
    )
    cast = build_cast(entries, text, narration)
    learned = _learn_descriptions(text, cast, narration)
    builder = _Builder(doc, cast, learned, by_paragraph, fragments, found_tags)
    lines = builder.run()
    used = []
    for line in lines:
        if line.speaker and line.speaker not in used:
            used.append(line.speaker)
    characters = [cast.characters[i] for i in cast.characters if i in used]
    if UNKNOWN_ID in used:
        characters.append(Character(UNKNOWN_ID, UNKNOWN_NAME, UNKNOWN_COLOR, ()))
    return Draft(title or doc.title or "Untitled", tuple(characters), tuple(lines))


def _quotes_by_paragraph(doc: Document) -> dict[int, list[Quote]]:
    result: dict[int, list[Quote]] = {}
    for quote in doc.quotes:
        result.setdefault(quote.paragraph, []).append(quote)
    return result


def _fragments(
    doc: Document, by_paragraph: dict[int, list[Quote]]
) -> dict[int, list[tuple[int, int]]]:
    """The narration spans of each text paragraph: everything outside its quotations."""
    result: dict[int, list[tuple[int, int]]] = {}
    for para in doc.paragraphs:
        if para.kind != "text":
            continue
        spans, position = [], para.start
        for quote in by_paragraph.get(para.index, []):
            spans.append((position, quote.outer_start))
            position = quote.outer_end
        spans.append((position, para.end))
        result[para.index] = spans
    return result


@dataclass(frozen=True)
class _Tags:
    after: tagging.Tag | None
    before: tagging.Tag | None


def _find_tags(
    text: str, by_paragraph: dict[int, list[Quote]], fragments: dict[int, list[tuple[int, int]]]
) -> dict[Quote, _Tags]:
    result = {}
    for index, quotes in by_paragraph.items():
        spans = fragments[index]
        for number, quote in enumerate(quotes):
            before_span, after_span = spans[number], spans[number + 1]
            after = tagging.after_tag(text, *after_span) if after_span[0] < after_span[1] else None
            before = (
                tagging.before_tag(text, *before_span) or tagging.voice_before(text, *before_span)
                if before_span[0] < before_span[1]
                else None
            )
            if before is None and number == 0 and index - 1 in fragments:
                before = _introduced(text, index - 1, by_paragraph, fragments, quote)
            result[quote] = _Tags(after, before)
    return result


_INTRODUCES = re.compile(r":\s*(?:--|[—–])?\s*$")


def _introduced(
    text: str,
    previous: int,
    by_paragraph: dict[int, list[Quote]],
    fragments: dict[int, list[tuple[int, int]]],
    quote: Quote,
) -> tagging.Tag | None:
    """A paragraph of narration ending in a colon introduces the speech that follows it:
    "Lady Catherine began in the following manner: --". Its words stay narration."""
    if previous in by_paragraph:
        return None
    start, end = fragments[previous][-1]
    if not _INTRODUCES.search(text, max(start, end - 8), end):
        return None
    tag = tagging.before_tag(text, start, end)
    if tag is None:
        return None
    return dataclasses.replace(tag, start=quote.outer_start, end=quote.outer_start, removable=False)


def _discover(
    text: str,
    narration: list[tuple[int, int]],
    found: dict[Quote, _Tags],
    fragments: dict[int, list[tuple[int, int]]],
    by_paragraph: dict[int, list[Quote]],
) -> list[RosterEntry]:
    subjects = []
    for pair in found.values():
        for tag in (pair.after, pair.before):
            if tag is not None and tag.candidates:
                subjects.extend(tag.candidates[-3:])
    beats = []
    for index, quotes in by_paragraph.items():
        spans = fragments[index]
        for number in range(len(quotes)):
            for sentence in _adjacent_sentences(text, spans[number], spans[number + 1]):
                words = sentence.lstrip(" \"“”'’").split()[:3]
                beats.extend(" ".join(words[:n]).split("'")[0].split("’")[0] for n in (1, 2, 3))
    entries = discover(text, narration, subjects, beats)
    if any(s.strip() == "I" for s in subjects):
        entries.append(RosterEntry("Narrator", ("I",)))
    return entries


def _adjacent_sentences(text: str, before: tuple[int, int], after: tuple[int, int]) -> list[str]:
    result = []
    after_sentences = tagging.sentences(text, *after)
    if after_sentences:
        result.append(text[slice(*after_sentences[0])])
    before_sentences = tagging.sentences(text, *before)
    if before_sentences:
        result.append(text[slice(*before_sentences[-1])])
    return result


def _learn_descriptions(text: str, cast: Cast, narration: list[tuple[int, int]]) -> dict[str, str]:
    """'the bandaged shinobi', seen twice or more, stands for whoever was in focus at first use."""
    counts: dict[str, int] = {}
    first_focus: dict[str, str | None] = {}
    focus: str | None = None
    for start, end in narration:
        events = [(s, "name", i) for s, _, i in cast.mentions(text, start, end)]
        events += [
            (m.start(), "desc", m.group("adj"))
            for m in DESCRIPTION_IN_TEXT.finditer(text, start, end)
        ]
        for offset, kind, value in sorted(events):
            if kind == "name":
                if _sentence_initial(text, start, offset):
                    focus = value
                continue
            if value in RELATIONAL:
                continue
            counts[value] = counts.get(value, 0) + 1
            first_focus.setdefault(value, focus)
    return {adj: who for adj, who in first_focus.items() if who and counts[adj] >= 2}


def _sentence_initial(text: str, start: int, offset: int) -> bool:
    before = text[start:offset].rstrip(" \"“”'’")
    return not before or before[-1] in ".!?"


class _Builder:
    """Walks the paragraphs once, attributing quotations and laying out the lines."""

    def __init__(
        self,
        doc: Document,
        cast: Cast,
        learned: dict[str, str],
        by_paragraph: dict[int, list[Quote]],
        fragments: dict[int, list[tuple[int, int]]],
        found: dict[Quote, _Tags],
    ) -> None:
        self.doc, self.text, self.cast, self.learned = doc, doc.text, cast, learned
        self.by_paragraph, self.fragments, self.found = by_paragraph, fragments, found
        self.attributor = Attributor(cast, protagonist=_protagonist(doc.text, cast, fragments))
        self.lines: list[DraftLine] = []
        self.scene_open = False
        self.previous_kind = "title"

    def run(self) -> list[DraftLine]:
        for para in self.doc.paragraphs:
            self._paragraph(para)
            self.previous_kind = para.kind
        return self.lines

    def _paragraph(self, para: Paragraph) -> None:
        text = self.text
        if para.kind == "title":
            return
        if para.kind == "heading":
            title = clean(text[para.start : para.end])
            self.lines.append(DraftLine("scene", title, start=para.start, end=para.end))
            self.scene_open = True
            self.attributor.reset()
            return
        if not self.scene_open:
            self.lines.append(
                DraftLine("scene", self.doc.title or "", start=para.start, end=para.start)
            )
            self.scene_open = True
        if para.kind == "break":
            self.lines.append(DraftLine("break", start=para.start, end=para.end))
            self.attributor.reset()
            return
        if para.gap_before >= 2 and self.previous_kind == "text":
            self.lines.append(DraftLine("gap", start=para.start, end=para.start))
            self.attributor.gap()
        quotes = self.by_paragraph.get(para.index, [])
        spans = self.fragments[para.index]
        mentions = self._mentions(spans)
        if not quotes:
            self._narration_only(para, spans, mentions)
            return
        focus = focus_events(self.cast, self.text, spans)
        evidence, used, trailing = self._evidence(quotes, spans, mentions, focus)
        attributions = self.attributor.paragraph(evidence)
        for _, ident in mentions:
            if ident and _ > quotes[-1].outer_end:
                self.attributor.mention(ident)
        self.attributor.focus(trailing)
        self._layout(quotes, spans, attributions, used)

    def _mentions(self, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
        events = []
        for start, end in spans:
            events += [(s, i) for s, _, i in self.cast.mentions(self.text, start, end)]
            for match in DESCRIPTION_IN_TEXT.finditer(self.text, start, end):
                ident = self.learned.get(match.group("adj"))
                if ident:
                    events.append((match.start(), ident))
        events.sort()
        return events

    def _narration_only(
        self, para: Paragraph, spans: list[tuple[int, int]], mentions: list[tuple[int, str]]
    ) -> None:
        focus = focus_events(self.cast, self.text, spans)
        self.attributor.narration([i for _, i in mentions], focus)
        self._emit_narration(para.start, para.end, [])

    def _evidence(
        self,
        quotes: list[Quote],
        spans: list[tuple[int, int]],
        mentions: list[tuple[int, str]],
        focus: list[Focus],
    ) -> tuple[list[Evidence], list[tagging.Tag], list[Focus]]:
        """Evidence for each quotation, the tags used, and the focus the narration sets.

        A tag's own sentence sets no focus: its subject is the speaker, already counted.
        """
        chosen = []
        for number, quote in enumerate(quotes):
            found = self.found[quote]
            tag, reference = self._choose_tag(found, self._vocatives(quote))
            clause = self._tag_sentence(tag, found, spans[number], spans[number + 1], quote)
            chosen.append((tag, reference, clause))
            focus = [f for f in focus if not clause[0] <= f.offset < clause[1]]
        result, used = [], []
        previous_end = spans[0][0]
        for number, quote in enumerate(quotes):
            found = self.found[quote]
            tag, reference, clause = chosen[number]
            leans = []
            if tag is not None and tag is found.before and tag.subject_span is not None:
                leans = antecedents(self.cast, self.text, clause[0], tag.subject_span[1])
            if tag is not None and (reference is not None or tag.subject is None):
                used.append(tag)
            beats = self._beats(
                spans[number], spans[number + 1], tag is not None and tag is found.after
            )
            before = tuple(i for s, i in mentions if previous_end <= s < quote.outer_start)
            before_start, previous_end = previous_end, quote.outer_end
            continues = quote.utterance in self.attributor.utterances
            addressed = self._vocatives(quote) | self._addressee(tag)
            result.append(
                Evidence(
                    tag=tag,
                    tag_ref=reference,
                    beats=beats,
                    vocatives=addressed,
                    mentions_before=before,
                    continues=continues,
                    utterance=quote.utterance,
                    focus=(
                        *(f for f in focus if before_start <= f.offset < quote.outer_start),
                        *leans,
                    ),
                    clause=frozenset(
                        i for s, _, i in self.cast.mentions(self.text, *clause)
                    ).difference(f.ident for f in leans),
                    addressed_gender=_spoken_to(self.text, *clause),
                )
            )
        trailing = [f for f in focus if f.offset > quotes[-1].outer_end]
        return result, used, trailing

    def _tag_sentence(
        self,
        tag: tagging.Tag | None,
        found: _Tags,
        before: tuple[int, int],
        after: tuple[int, int],
        quote: Quote,
    ) -> tuple[int, int]:
        """The sentence holding the tag (empty without one), cut at the quotation; after the
        quotation, only up to a semicolon ("said he; and his wife went out" is narration)."""
        span = after if tag is not None and tag is found.after else before
        sentences = tagging.sentences(self.text, *span) if tag is not None else []
        if not sentences:
            return (quote.outer_start, quote.outer_start)
        if tag is not found.after:
            return sentences[-1]
        start, end = sentences[0]
        semicolon = self.text.find(";", start, end)
        return (start, semicolon) if semicolon > 0 else (start, end)

    def _choose_tag(
        self, found: _Tags, addressed: frozenset[str]
    ) -> tuple[tagging.Tag | None, Reference | None]:
        for tag in (found.after, found.before):
            if tag is None:
                continue
            if tag.subject is None:
                return tag, None
            for candidate in tag.candidates:
                reference = parse(candidate, self.cast, self.learned)
                if reference is not None and reference.kind != "self":
                    if reference.ident in addressed:
                        continue
                    return tag, reference
            if tag.subject_span is not None:
                reference = self._clause_subject(*tag.subject_span)
                if reference is not None:
                    return tag, reference
        return None, None

    def _clause_subject(self, start: int, end: int) -> Reference | None:
        """The subject of "Lady Catherine approached, and ... said to Darcy," : its first name."""
        reference = subject_of(self.text[start:end], self.cast, self.learned)
        if reference is not None and reference.kind != "unknown":
            return reference
        for mention_start, _, ident in self.cast.mentions(self.text, start, end):
            before = self.text[max(start, mention_start - 6) : mention_start].split()
            if not before or before[-1].lower() not in _OBJECT_MARKERS:
                return Reference("name", ident)
        return None

    def _beats(
        self, before: tuple[int, int], after: tuple[int, int], after_is_tag: bool
    ) -> tuple[tuple[Reference, bool], ...]:
        """Subjects of the sentences touching the quotation, each flagged if it comes after."""
        beats = []
        if not after_is_tag:
            sentences = tagging.sentences(self.text, *after)
            if sentences:
                found = subject_of(self.text[slice(*sentences[0])], self.cast, self.learned)
                if found:
                    beats.append((found, True))
        sentences = tagging.sentences(self.text, *before)
        if sentences:
            last = self.text[slice(*sentences[-1])]
            found = subject_of(last, self.cast, self.learned)
            if found and not last.rstrip().endswith((",", ":")):
                beats.append((found, False))
        return tuple(beats)

    def _addressee(self, tag: tagging.Tag | None) -> frozenset[str]:
        """Whom a tag says the line is for: "said Mrs. Bennet to her husband"."""
        if tag is None:
            return frozenset()
        span = tag.subject_span or (tag.start, max(tag.end, tag.start))
        words = self.text[span[0] : max(span[1], tag.end)]
        match = _TO_WHOM.search(words)
        if match is None:
            return frozenset()
        phrase = match.group("whom").split()
        for count in range(min(len(phrase), 3), 0, -1):
            reference = parse(" ".join(phrase[:count]), self.cast, self.learned)
            if reference is not None and reference.kind == "name" and reference.ident:
                return frozenset((reference.ident,))
        return frozenset()

    def _vocatives(self, quote: Quote) -> frozenset[str]:
        """Characters the quotation calls by name: "Shut up, Izumo." """
        text, found = self.text, set()
        for start, end, ident in self.cast.mentions(text, quote.start, quote.end):
            head = text[max(quote.start, start - 12) : start]
            tail = text[end : min(quote.end, end + 3)] if end < quote.end else ""
            opens = start == quote.start or _VOCATIVE_BEFORE.search(head)
            if opens and _VOCATIVE_AFTER.match(tail):
                found.add(ident)
        return frozenset(found)

    def _layout(
        self,
        quotes: list[Quote],
        spans: list[tuple[int, int]],
        attributions: list[Attribution],
        used: list[tagging.Tag],
    ) -> None:
        removed = sorted((t.start, t.end) for t in used if t.removable and t.start < t.end)
        pending: DraftLine | None = None
        for number, quote in enumerate(quotes):
            line = self._quote_line(quote, attributions[number])
            alone = pending is not None and not self._kept(spans[number], removed)
            if alone and pending is not None and self._joinable(pending, line):
                pending = _join(pending, line)
                continue
            if pending is not None:
                self.lines.append(_finish(pending))
            self._emit_narration(*spans[number], removed)
            pending = line
        if pending is not None:
            self.lines.append(_finish(pending))
        self._emit_narration(*spans[-1], removed)

    def _kept(self, span: tuple[int, int], removed: list[tuple[int, int]]) -> bool:
        return any(_HAS_WORD.search(self.text[a:b]) for a, b in _subtract(span, removed))

    def _joinable(self, first: DraftLine, second: DraftLine) -> bool:
        if first.speaker != second.speaker or first.kind != second.kind:
            return False
        original = self.text[first.spans[-1][0] : first.spans[-1][1]].rstrip()
        following = self.text[second.spans[0][0] : second.spans[0][1]]
        return original.endswith(_JOINS) or following[:1].islower()

    def _quote_line(self, quote: Quote, attribution: Attribution) -> DraftLine:
        words = _strip_emphasis(clean(self.text[quote.start : quote.end]))
        return DraftLine(
            "thought" if attribution.thought else "dialogue",
            words,
            attribution.speaker,
            attribution.method,
            attribution.manner,
            quote.start,
            quote.end,
            ((quote.start, quote.end),),
            True,
        )

    def _emit_narration(self, start: int, end: int, removed: list[tuple[int, int]]) -> None:
        for a, b in _subtract((start, end), removed):
            self._narration_span(a, b)

    def _narration_span(self, start: int, end: int) -> None:
        """Narration, with "..., X thought." sentences and italic sentences made thoughts."""
        for italic in _ITALIC.finditer(self.text, start, end):
            if not self._italic_thought(italic, start):
                continue
            self._plain_span(start, italic.start())
            ident = self.attributor.recency[-1] if self.attributor.recency else None
            body = clean(italic.group("body"))
            self.lines.append(
                DraftLine(
                    "thought",
                    body,
                    ident or UNKNOWN_ID,
                    "beat" if ident else "unknown",
                    None,
                    italic.start(),
                    italic.end(),
                    ((italic.start("body"), italic.end("body")),),
                )
            )
            start = italic.end()
        self._plain_span(start, end)

    def _italic_thought(self, italic: re.Match[str], start: int) -> bool:
        """An italic stretch that is a whole sentence of two words or more."""
        body = italic.group("body")
        before = self.text[start : italic.start()].rstrip()
        after = self.text[italic.end() : italic.end() + 1]
        opens = not before or before[-1] in '.!?"”'
        closes = body.rstrip()[-1:] in _TERMINAL or after in _TERMINAL
        return opens and closes and len(body.split()) >= 2

    def _plain_span(self, start: int, end: int) -> None:
        for a, b in tagging.sentences(self.text, start, end):
            thought = _THOUGHT_SENTENCE.fullmatch(self.text, a, b)
            if thought:
                reference = parse(thought.group("subj"), self.cast, self.learned)
                ident = self._thinker(reference)
                if ident:
                    self._append_narration(start, a)
                    body = _strip_emphasis(clean(thought.group("body"))).rstrip(",;") + "."
                    method = "tag" if reference and reference.kind == "name" else "pronoun"
                    self.lines.append(
                        DraftLine(
                            "thought", body, ident, method, None, a, b, ((a, thought.end("body")),)
                        )
                    )
                    start = b
        self._append_narration(start, end)

    def _thinker(self, reference: Reference | None) -> str | None:
        if reference is None:
            return None
        if reference.kind == "name":
            return reference.ident
        if reference.kind in {"pronoun", "description"}:
            return self.attributor.resolve(reference, frozenset(), None, False)
        return None

    def _append_narration(self, start: int, end: int) -> None:
        if not _HAS_WORD.search(self.text, start, end):
            return
        chunk_start = None
        chunk_end = start
        for a, b in tagging.sentences(self.text, start, end):
            if chunk_start is None:
                chunk_start = a
            elif b - chunk_start > _NARRATION_CHARS:
                self._narration_line(chunk_start, chunk_end)
                chunk_start = a
            chunk_end = b
        if chunk_start is not None:
            self._narration_line(chunk_start, chunk_end)

    def _narration_line(self, start: int, end: int) -> None:
        words = _strip_emphasis(clean(self.text[start:end])).strip()
        words = words.lstrip(",;:—–- ")
        if not _HAS_WORD.search(words):
            return
        words = words[0].upper() + words[1:]
        self.lines.append(DraftLine("narration", words, start=start, end=end))


def _protagonist(text: str, cast: Cast, fragments: dict[int, list[tuple[int, int]]]) -> str | None:
    """The most mentioned character: who "she" means when nobody nearer fits."""
    counts: dict[str, int] = {}
    for spans in fragments.values():
        for start, end in spans:
            for _, _, ident in cast.mentions(text, start, end):
                counts[ident] = counts.get(ident, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


_TO_PRONOUN = re.compile(
    r"\b(?:to|joined|addressed|addressing|approached|approaching|towards|at)\s+"
    r"(?P<pronoun>him|her)\b(?=\s*(?:[,;:.!?—–-]|$|(?:and|as|with|in|when|while|but|again)\b))",
    re.IGNORECASE,
)


def _spoken_to(text: str, start: int, end: int) -> str | None:
    """The gender of a listener a tag names by pronoun: "said he, as he joined her"."""
    match = _TO_PRONOUN.search(text, start, end)
    if match is None:
        return None
    return "male" if match.group("pronoun").lower() == "him" else "female"


def _subtract(span: tuple[int, int], removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    for a, b in removed:
        if b <= start or a >= end:
            continue
        if a > start:
            pieces.append((start, a))
        start = max(start, b)
    if start < end:
        pieces.append((start, end))
    return pieces


def _strip_emphasis(words: str) -> str:
    return _EMPHASIS.sub(lambda m: m.group("body"), words)


def _join(first: DraftLine, second: DraftLine) -> DraftLine:
    text = first.text.rstrip() + " " + second.text.lstrip()
    return DraftLine(
        first.kind,
        text,
        first.speaker,
        first.method,
        first.manner or second.manner,
        first.start,
        second.end,
        first.spans + second.spans,
        True,
    )


def _finish(line: DraftLine) -> DraftLine:
    """A quotation cut off by its tag ends in a comma; on its own it ends a sentence."""
    if not line.text.endswith(","):
        return line
    return DraftLine(
        line.kind,
        line.text[:-1] + ".",
        line.speaker,
        line.method,
        line.manner,
        line.start,
        line.end,
        line.spans,
        line.quoted,
    )
