"""What a few words of prose refer to: a named character, a pronoun, a description.

"Izumo" names a character; "he" and "the older man" must be resolved against who is
present; "someone" is honestly nobody we know. Descriptions that recur ("the bandaged
shinobi") are learned as standing for the character in focus when they first appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vn.adapt.characters import Cast
from vn.adapt.tags import NEW_VOICE

_PRONOUNS = {
    "he": "male",
    "him": "male",
    "she": "female",
    "her": "female",
    "it": None,
    "they": None,
    "i": "self",
}
MALE_NOUNS = frozenset(
    [
        "man",
        "boy",
        "gentleman",
        "husband",
        "father",
        "brother",
        "son",
        "uncle",
        "king",
        "prince",
        "lord",
        "lad",
        "fellow",
        "guy",
        "nephew",
        "grandfather",
        "sir",
        "monk",
        "priest",
        "papa",
    ]
)
FEMALE_NOUNS = frozenset(
    [
        "woman",
        "girl",
        "lady",
        "wife",
        "mother",
        "sister",
        "daughter",
        "aunt",
        "queen",
        "princess",
        "duchess",
        "maid",
        "lass",
        "niece",
        "grandmother",
        "mistress",
        "nun",
        "mamma",
    ]
)
OTHER_NOUNS = frozenset(
    [
        "shinobi",
        "ninja",
        "child",
        "kid",
        "stranger",
        "person",
        "soldier",
        "knight",
        "guard",
        "officer",
        "doctor",
        "teacher",
        "friend",
        "companion",
        "visitor",
        "cousin",
        "servant",
        "creature",
        "figure",
        "youngster",
        "elder",
        "captain",
        "warrior",
        "medic",
        "youth",
        "student",
        "master",
        "boss",
        "driver",
        "pilot",
        "merchant",
        "traveller",
        "traveler",
        "newcomer",
        "chuunin",
        "jounin",
        "genin",
        "nin",
        "bird",
        "animal",
    ]
)
#: Family words: "his wife" is found through the family name of the man meant by "his".
KIN_NOUNS = frozenset(
    [
        "wife",
        "husband",
        "mother",
        "father",
        "sister",
        "brother",
        "daughter",
        "son",
        "aunt",
        "uncle",
        "niece",
        "nephew",
        "cousin",
        "lady",
        "mamma",
        "papa",
    ]
)
MARRIED_KIN = frozenset(
    ["wife", "husband", "mother", "father", "lady", "mamma", "papa", "aunt", "uncle"]
)
SPOUSES = frozenset(["wife", "husband", "lady"])
#: An aunt or uncle may be of either side of the family: the family name does not find them.
PARENTS_SIBLINGS = frozenset(["aunt", "uncle"])
RELATIONAL = frozenset(
    [
        "other",
        "older",
        "younger",
        "elder",
        "smaller",
        "taller",
        "bigger",
        "larger",
        "shorter",
        "first",
        "second",
        "third",
        "last",
        "former",
        "latter",
        "same",
        "new",
        "two",
        "both",
        "another",
    ]
)
_INDEFINITE = frozenset(
    [
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "one",
        "voice",
        "a",
        "another",
        "nobody",
        "everyone",
        "everybody",
    ]
)
_PERSON_NOUN = "|".join(sorted(MALE_NOUNS | FEMALE_NOUNS | OTHER_NOUNS, key=len, reverse=True))
_DESCRIPTION = re.compile(
    r"(?P<det>the|his|her|their|a|an|this|that)\s+(?:(?P<adj>[a-z][a-z-]*)\s+)?"
    r"(?:(?P<adj2>[a-z][a-z-]*)\s+)?(?P<noun>" + _PERSON_NOUN + r"|other|one)",
    re.IGNORECASE,
)
DESCRIPTION_IN_TEXT = re.compile(
    r"\b[Tt]he\s+(?P<adj>[a-z][a-z-]+)\s+(?P<noun>" + _PERSON_NOUN + r")(?:'s)?\b"
)
_LEADING = re.compile(
    r"^(?:(?:and|but|then|so|still|now|suddenly|finally|again|yet|here|there|at\s+last)\b[\s,]*)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?P<name>.+?)['’]s?\b(?:\s+\w+)?$")


@dataclass(frozen=True)
class Reference:
    """What some words point at.

    kind: "name" (ident set), "pronoun", "description", "other" ("the other"),
    "self" (first person), or "unknown" (someone we cannot name).
    """

    kind: str
    ident: str | None = None
    gender: str | None = None
    key: str | None = None
    owner: str | None = None


def parse(words: str, cast: Cast, learned: dict[str, str]) -> Reference | None:
    """The reference made by a whole phrase, or None when it refers to no one."""
    phrase = " ".join(_LEADING.sub("", words.strip(' ,.;:!?—–-"“”()'), count=1).split())
    if not phrase:
        return None
    ident = cast.lookup(phrase)
    if ident:
        return Reference("name", ident)
    lowered = phrase.lower()
    if lowered == NEW_VOICE:
        return Reference("unknown", key=NEW_VOICE)
    if lowered in _PRONOUNS:
        gender = _PRONOUNS[lowered]
        if gender == "self":
            return Reference("self")
        return Reference("pronoun", gender=gender, key=lowered)
    if lowered in _INDEFINITE or lowered.split()[0] in {"someone", "somebody", "a", "an"}:
        if lowered.split()[0] in {"a", "an"} and not _DESCRIPTION.fullmatch(phrase):
            return None
        return Reference("unknown")
    return _description(phrase, learned)


def _description(phrase: str, learned: dict[str, str]) -> Reference | None:
    match = _DESCRIPTION.fullmatch(phrase)
    if not match:
        return None
    det, noun = match.group("det").lower(), match.group("noun").lower()
    adjectives = [a.lower() for a in (match.group("adj"), match.group("adj2")) if a]
    gender = "male" if noun in MALE_NOUNS else "female" if noun in FEMALE_NOUNS else None
    if det in {"a", "an"}:
        return Reference("unknown", gender=gender)
    if det in {"his", "her", "their"} and noun in KIN_NOUNS:
        owner = {"his": "male", "her": "female"}.get(det)
        return Reference("kin", gender=gender, key=noun, owner=owner)
    if noun in {"other", "one"} or "other" in adjectives:
        return Reference("other", gender=gender)
    for adjective in adjectives:
        if adjective in learned:
            return Reference("name", learned[adjective])
    return Reference("description", gender=gender, key=adjectives[0] if adjectives else None)


def subject_of(sentence: str, cast: Cast, learned: dict[str, str]) -> Reference | None:
    """Who a sentence starts with as its subject: "Izumo coughed", "Iwashi's voice broke"."""
    body = _LEADING.sub("", sentence.lstrip(" \"“”'’—–-"), count=1)
    words = body.split()[:5]
    for count in range(min(len(words), 4), 0, -1):
        phrase = " ".join(words[:count])
        possessive = _POSSESSIVE.fullmatch(phrase) if count <= 3 else None
        if possessive and ("'" in phrase or "’" in phrase):
            ident = cast.lookup(possessive.group("name"))
            if ident:
                return Reference("name", ident)
        reference = parse(phrase, cast, learned)
        if reference is not None and reference.kind != "self":
            if reference.kind == "pronoun" and phrase.lower() in {"him", "her", "it", "they"}:
                return None
            return reference
    return None


def fits(reference: Reference, gender: str | None) -> bool:
    """A character of this gender could be what the reference points at."""
    return reference.gender is None or gender is None or reference.gender == gender
