"""Who the narration puts in focus, sentence by sentence, for each gender.

A "he" or "she" at the start of a tag most often means the character the narration was just
about, not the last one named: in "Elizabeth was struck by his deference to Lady Catherine."
the focus is Elizabeth. For each sentence and each gender the highest-ranked reference wins:
a name or a subject pronoun outranks an object pronoun, which outranks a name after a
preposition ("to Mr. Collins", "On Miss Lucas's persevering"); ties go to the earliest. A
pronoun keeps the focus it had, unless a name of its gender came earlier in the same sentence,
which it then stands for ("speak to Mr. Collins ... whether he intended": he is Collins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vn.adapt.characters import Cast
from vn.adapt.tags import sentences

_PRONOUN = re.compile(r"\b(?:(?P<subj>he|she)|(?P<other>him|his|himself|her|hers|herself))\b", re.I)
_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|with|at|by|of|for|from|on|upon|towards?|into|after|about|than|like|"
    r"behind|beside|before|without|against|among|under|over|near|between)\s+(?:the\s+)?$",
    re.I,
)
_LOOKBACK = 14


@dataclass(frozen=True)
class Focus:
    """One sentence's focus for a gender: `ident` None means "whoever it already was"."""

    offset: int
    gender: str
    ident: str | None


def focus_events(cast: Cast, text: str, spans: list[tuple[int, int]]) -> list[Focus]:
    """The focus each sentence of the spans sets, in text order."""
    events: list[Focus] = []
    for start, end in spans:
        for a, b in sentences(text, start, end):
            events.extend(_sentence_focus(cast, text, a, b))
    return events


def _sentence_focus(cast: Cast, text: str, start: int, end: int) -> list[Focus]:
    references: list[tuple[int, str, str | None, int]] = []
    for mention_start, _, ident in cast.mentions(text, start, end):
        gender = cast.gender(ident)
        if gender not in ("male", "female"):
            continue
        head = text[max(start, mention_start - _LOOKBACK) : mention_start]
        rank = 2 if _PREPOSITION_BEFORE.search(head) else 0
        references.append((mention_start, gender, ident, rank))
    for match in _PRONOUN.finditer(text, start, end):
        gender = _PRONOUN_GENDER[match.group().lower()]
        references.append((match.start(), gender, None, 0 if match.group("subj") else 1))
    references.sort()
    best: dict[str, tuple[int, int, str | None]] = {}
    bound: dict[str, str] = {}
    for offset, gender, ident, rank in references:
        if ident is not None:
            bound[gender] = ident
        else:
            ident = bound.get(gender)
        if gender not in best or rank < best[gender][0]:
            best[gender] = (rank, offset, ident)
    return [Focus(offset, gender, ident) for gender, (_, offset, ident) in best.items()]


def antecedents(cast: Cast, text: str, start: int, end: int) -> list[Focus]:
    """The name each pronoun of a tag clause leans on: the nearest one before it that is not
    the object of a preposition ("Kitty did, and she said": Kitty; "turning to Jane, she
    said": not Jane)."""
    nearest: dict[str, Focus] = {}
    for mention_start, _, ident in cast.mentions(text, start, end):
        gender = cast.gender(ident)
        head = text[max(start, mention_start - _LOOKBACK) : mention_start]
        if gender in ("male", "female") and not _PREPOSITION_BEFORE.search(head):
            nearest[gender] = Focus(mention_start, gender, ident)
    return list(nearest.values())
