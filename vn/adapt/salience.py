"""Who the narration puts in focus, sentence by sentence, for each gender.

A "he" or "she" at the start of a tag most often means the character the narration was just
about, not the last one named: in "Elizabeth was struck by his deference to Lady Catherine."
the focus is Elizabeth. For each sentence and each gender the highest-ranked reference wins:
a name or a subject pronoun outranks the subject of a subordinate clause ("when Ino had
gone") and an object pronoun, which outrank a name after a preposition ("to Mr. Collins",
"On Miss Lucas's persevering"); ties go to the earliest, except that a name opening a later
independent clause ("...; and Lydia ... was telling") takes over. A
pronoun keeps the focus it had, unless a name of its gender came earlier in the same sentence,
which it then stands for ("speak to Mr. Collins ... whether he intended": he is Collins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vn.adapt.characters import Cast
from vn.adapt.refs import FEMALE_NOUNS, MALE_NOUNS
from vn.adapt.tags import sentences

_PRONOUN = re.compile(
    r"\b(?:(?P<subj>he|she)|(?P<other>him|his|himself|her|hers|herself|it|its|itself))\b", re.I
)
#: The focus kept for "it": creatures and characters of unknown gender.
NEUTER = "neuter"
_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
    "it": NEUTER,
    "its": NEUTER,
    "itself": NEUTER,
}
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|with|at|by|of|for|from|on|upon|in|towards?|into|after|about|than|like|"
    r"behind|beside|before|without|against|among|under|over|near|between)\s+(?:the\s+)?$",
    re.I,
)
#: A subject right after one of these heads a subordinate clause: "before she had gone, her
#: mother followed her" is about the mother.
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?i:when|whenever|while|whilst|if|though|although|because|since|until|till|that|"
    r"unless|lest|whether)\s+(?:(?:[A-Z][\w.'’-]*\s+){1,3}and\s+)?$"
)
#: A pronoun in a clause of content ("she found that he had gone") keeps its weight.
_ADVERBIAL_BEFORE = re.compile(
    r"\b(?:when|whenever|while|whilst|though|although|because|since|until|till|unless|lest)\s+$",
    re.I,
)
_LOOKBACK = 14
_SUBORDINATE_LOOKBACK = 40
#: Close family only: an uncle or a cousin seldom shares the family name.
_CLOSE_KIN = ("father", "mother", "husband", "wife", "son", "daughter", "brother", "sister")
_KIN = re.compile(r"\b(?P<owner>his|her)\s+(?P<noun>" + "|".join(_CLOSE_KIN) + r")\b", re.I)


@dataclass(frozen=True)
class Focus:
    """One sentence's focus for a gender: `ident` None means "whoever it already was".

    A family word ("her father") sets `kin` and the owner's gender, and `ident` to the owner
    when a name of that gender came earlier in the sentence: the attributor finds the relative.
    """

    offset: int
    gender: str
    ident: str | None
    kin: str | None = None
    owner_gender: str | None = None


def focus_events(cast: Cast, text: str, spans: list[tuple[int, int]]) -> list[Focus]:
    """The focus each sentence of the spans sets, in text order.

    Each span is scanned once for names, pronouns and family words; the references are then
    taken sentence by sentence.
    """
    events: list[Focus] = []
    for start, end in spans:
        references = _references(cast, text, start, end)
        if not references:
            continue
        position = 0
        for sentence_start, sentence_end in sentences(text, start, end):
            first = position
            while position < len(references) and references[position][0] < sentence_end:
                position += 1
            if position > first:
                clauses = [
                    m.start() for m in _CLAUSE_BREAK.finditer(text, sentence_start, sentence_end)
                ]
                events.extend(_sentence_focus(references[first:position], clauses))
    return events


#: Independent clauses: each sets its own focus, the last one's counting most.
_CLAUSE_BREAK = re.compile(r";")


def _references(cast: Cast, text: str, start: int, end: int) -> list[tuple[int, int, Focus]]:
    """(offset, rank, focus) of every reference to a person in text[start:end], in order."""
    references: list[tuple[int, int, Focus]] = []
    for mention_start, _, ident in cast.mentions(text, start, end):
        gender = cast.gender(ident)
        rank = _rank(text, start, mention_start)
        if gender in ("male", "female"):
            references.append((mention_start, rank, Focus(mention_start, gender, ident)))
        if cast.takes_it(ident):
            references.append((mention_start, rank, Focus(mention_start, NEUTER, ident)))
    references += _former_latter(cast, text, start, end, [r[2] for r in references])
    for match in _PRONOUN.finditer(text, start, end):
        gender = _PRONOUN_GENDER[match.group().lower()]
        rank = _rank(text, start, match.start(), _ADVERBIAL_BEFORE) if match.group("subj") else 1
        references.append((match.start(), rank, Focus(match.start(), gender, None)))
    for match in _KIN.finditer(text, start, end):
        noun = match.group("noun").lower()
        gender = "male" if noun in MALE_NOUNS else "female" if noun in FEMALE_NOUNS else None
        if gender is not None:
            owner = _PRONOUN_GENDER[match.group("owner").lower()]
            focus = Focus(match.start(), gender, None, noun, owner)
            references.append((match.start() + 1, _rank(text, start, match.start()), focus))
    references.sort(key=lambda r: r[0])
    return references


def _former_latter(
    cast: Cast, text: str, start: int, end: int, named: list[Focus]
) -> list[tuple[int, int, Focus]]:
    """ "Jane and Elizabeth ..., the former": the earlier or later of the last two named."""
    found = []
    for match in _FORMER_LATTER.finditer(text, start, end):
        before = [f.ident for f in named if f.offset < match.start() and f.gender != NEUTER]
        pair = [i for n, i in enumerate(before) if i not in before[n + 1 :]][-2:]
        if len(pair) < 2:
            continue
        ident = pair[0] if match.group(1).lower() == "former" else pair[1]
        gender = cast.gender(ident)
        if gender in ("male", "female"):
            rank = _rank(text, start, match.start())
            found.append((match.start(), rank, Focus(match.start(), gender, ident)))
    return found


_FORMER_LATTER = re.compile(r"\b[Tt]he\s+(former|latter)\b")


def _sentence_focus(
    references: list[tuple[int, int, Focus]], clauses: list[int] | None = None
) -> list[Focus]:
    """The best reference of each gender in the sentence, ties to the earliest; but a name
    as the subject of a later independent clause ("...; and Lydia, in a loud voice, was
    telling") takes the focus from the clauses before it."""
    best: dict[str, tuple[int, int, Focus]] = {}
    bound: dict[str, Focus] = {}
    breaks = list(clauses or ())
    fresh: set[str] = set()
    later = False
    for offset, rank, focus in references:
        if breaks and offset > breaks[0]:
            while breaks and offset > breaks[0]:
                breaks.pop(0)
            fresh, later = set(), True
        named = focus.ident is not None and focus.kin is None
        if focus.kin is not None:
            owner = bound.get(focus.owner_gender or "")
            focus = Focus(
                focus.offset,
                focus.gender,
                owner.ident if owner and owner.kin is None else None,
                focus.kin,
                focus.owner_gender,
            )
            bound[focus.gender] = focus
        elif focus.ident is not None:
            bound[focus.gender] = focus
        elif focus.gender in bound:
            focus = bound[focus.gender]
        gender = focus.gender
        takes_over = named and rank == 0 and gender not in fresh and later
        if gender not in best or rank < best[gender][0] or takes_over:
            best[gender] = (rank, offset, focus)
        fresh.add(gender)
    return [focus for _, _, focus in sorted(best.values(), key=lambda b: b[1])]


def _rank(
    text: str, start: int, offset: int, subordinate: re.Pattern[str] = _SUBORDINATE_BEFORE
) -> int:
    """0 for a subject or plain object, 1 for the subject of a subordinate clause, 2 for the
    object of a preposition."""
    head = text[max(start, offset - _LOOKBACK) : offset]
    if _PREPOSITION_BEFORE.search(head):
        return 2
    head = text[max(start, offset - _SUBORDINATE_LOOKBACK) : offset]
    return 1 if subordinate.search(head) else 0


def antecedents(cast: Cast, text: str, start: int, end: int) -> list[Focus]:
    """The name each pronoun of a tag clause leans on: the nearest one before it that is not
    the object of a preposition ("Kitty did, and she said": Kitty; "turning to Jane, she
    said": not Jane)."""
    nearest: dict[str, Focus] = {}
    for mention_start, _, ident in cast.mentions(text, start, end):
        if _rank(text, start, mention_start) != 0:
            continue
        gender = cast.gender(ident)
        if gender in ("male", "female"):
            nearest[gender] = Focus(mention_start, gender, ident)
        if cast.takes_it(ident):
            nearest[NEUTER] = Focus(mention_start, NEUTER, ident)
    return list(nearest.values())
