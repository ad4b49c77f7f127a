"""The cast: who can speak, by which names, and how a name in the prose is recognised.

Either taken from a roster (display name -> aliases) or discovered in the text: names that
speak in dialogue tags or act beside quotations. Each character gets a script-safe id and a
colour readable on the dark text box.
"""

from __future__ import annotations

import bisect
import colorsys
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from vn.script.registry import RESERVED_WORDS

UNKNOWN_ID = "unknown"
UNKNOWN_NAME = "???"
UNKNOWN_COLOR = "#aaaaaa"

#: Words a speaker id must not take: the format's statement words and option keys, and the
#: top-level and scene keys, so an id never reads as something else.
RESERVED_IDS = frozenset(
    (
        *RESERVED_WORDS,
        *("scene", "title", "body", "card", "game", "characters", "scenes", "name", "sprite"),
        UNKNOWN_ID,
    )
)

MALE_TITLES = frozenset(
    [
        "mr",
        "mr.",
        "sir",
        "lord",
        "king",
        "prince",
        "duke",
        "earl",
        "count",
        "baron",
        "master",
        "father",
        "uncle",
    ]
)
FEMALE_TITLES = frozenset(
    [
        "mrs",
        "mrs.",
        "miss",
        "ms",
        "ms.",
        "lady",
        "queen",
        "princess",
        "duchess",
        "countess",
        "madam",
        "mother",
        "aunt",
        "sister",
    ]
)
_HONORIFIC = (
    r"(?:(?:Mr|Mrs|Ms|Dr|St)\.?|Miss|Sir|Lady|Lord|Colonel|Captain|Aunt|Uncle|Professor|"
    r"Father|Mother|Sister|Brother|King|Queen|Prince|Princess|Duke|Duchess)"
)
_CAP_WORD = r"[A-Z][a-z][\w'’-]*"
_NAME = r"(?:" + _HONORIFIC + r"\s+)?" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r"){0,2}"
_NAME_TOKEN = re.compile(
    r"(?<![\w'’])(?:(?P<article>[Tt]he)\s+)?(?P<name>" + _NAME + r")(?![\w'’])"
)
#: Words that start sentences, never names: "On Miss Lucas's persevering" is not a person.
_FUNCTION_WORDS = frozenset(
    [
        "At",
        "To",
        "On",
        "In",
        "Of",
        "For",
        "With",
        "As",
        "If",
        "By",
        "From",
        "After",
        "Before",
        "When",
        "While",
        "Upon",
        "Though",
        "Although",
        "Yet",
        "So",
        "But",
        "And",
        "Or",
        "Nor",
        "Then",
        "There",
        "Here",
        "What",
        "Why",
        "How",
        "Who",
        "Where",
        "Which",
        "That",
        "This",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "You",
        "I",
        "My",
        "His",
        "Her",
        "Their",
        "Our",
        "Your",
        "Its",
        "The",
        "A",
        "An",
        "Not",
        "No",
        "Yes",
        "Oh",
        "Well",
        "Now",
        "Just",
        "Still",
        "Even",
        "Only",
        "Perhaps",
        "Indeed",
        "Do",
        "Did",
        "Does",
        "Is",
        "Was",
        "Are",
        "Were",
        "Be",
        "Let",
        "Good",
        "Poor",
        "Dear",
    ]
)
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")
_NEXT_PRONOUN = re.compile(r"[^.;!?\"“”]*?\b(?P<word>he|she|him|his|her|it|its)\b", re.I)
_PRONOUN_REACH = 60
_OWN_POSSESSIVE = re.compile(
    r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\s+(?:up\s+|down\s+|back\s+|out\s+)?(?P<word>his|her|its)\b"
)

#: Capitalised words that are not names even when they appear mid-sentence.
NOT_NAMES = frozenset(
    [
        "I",
        "I'm",
        "I'll",
        "I've",
        "I'd",
        "Oh",
        "O",
        "Ah",
        "Aye",
        "Yes",
        "No",
        "Sir",
        "Madam",
        "Ma'am",
        "Mama",
        "Papa",
        "Mamma",
        "Mother",
        "Father",
        "God",
        "Heaven",
        "Lord",
        "Christ",
        "Chapter",
        "CHAPTER",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "English",
        "French",
        "Christmas",
        "Mr",
        "Mrs",
        "Miss",
        "Ms",
        "Dr",
        "The",
        "He",
        "She",
        "They",
        "It",
        "We",
        "You",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "Your",
        "This",
        "That",
        "These",
        "Those",
        "Then",
        "There",
        "Here",
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "Who",
        "Well",
        "But",
        "And",
        "Yet",
        "So",
        "Now",
        "Not",
        "Oh",
        "Please",
        "Hey",
        "Okay",
        "Alright",
        "Just",
        "Right",
        "Yeah",
        "Sure",
    ]
)


@dataclass(frozen=True)
class Character:
    """A speaker: script id, display name, the names the prose uses, gender if known."""

    id: str
    name: str
    color: str
    aliases: tuple[str, ...]
    gender: str | None = None


@dataclass(frozen=True)
class RosterEntry:
    """One roster row as the author wrote it."""

    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    color: str | None = None
    id: str | None = None


@dataclass
class Cast:
    """The characters and a matcher for their names in prose."""

    characters: dict[str, Character]
    pattern: re.Pattern[str] | None
    alias_ids: dict[str, str | None] = field(default_factory=dict)
    _index: tuple[str, list[int], list[tuple[int, int, str]]] | None = field(
        default=None, repr=False
    )
    neuter: set[str] = field(default_factory=set)

    def lookup(self, words: str) -> str | None:
        """The character a whole phrase names ("Izumo", "the Hatter"), or None."""
        key = _alias_key(words)
        return self.alias_ids.get(key) if key else None

    def mentions(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, id) of every unambiguous name in text[start:end].

        The whole text is scanned once and kept, so asking about many small spans stays linear.
        """
        if self.pattern is None:
            return
        if self._index is None or self._index[0] is not text:
            self._index = self._scan(text)
        _, starts, found = self._index
        index = bisect.bisect_left(starts, start)
        while index < len(found) and found[index][0] < end:
            if found[index][1] <= end:
                yield found[index]
            index += 1

    def _scan(self, text: str) -> tuple[str, list[int], list[tuple[int, int, str]]]:
        assert self.pattern is not None
        found = []
        for match in self.pattern.finditer(text):
            ident = self.alias_ids.get(_alias_key(match.group("alias")))
            if ident is not None:
                found.append((match.start(), match.end(), ident))
        return text, [f[0] for f in found], found

    def family(self, ident: str) -> tuple[str | None, str | None]:
        """(title, family name) read from the aliases: "Mrs. Bennet" -> ("mrs", "Bennet")."""
        title, surname = None, None
        for alias in self.characters[ident].aliases:
            words = alias.replace("_", " ").split()
            if len(words) < 2:
                continue
            first = words[0].lower().rstrip(".")
            if first in {"mr", "mrs", "miss", "ms", "lady", "sir", "lord"} and title is None:
                title = first
            surname = surname or words[-1]
        return title, surname

    def gender(self, ident: str | None) -> str | None:
        character = self.characters.get(ident) if ident else None
        return character.gender if character else None

    def takes_it(self, ident: str) -> bool:
        """The prose may call this character "it": a creature, or one of unknown gender."""
        return ident in self.neuter or self.gender(ident) not in ("male", "female")


def _alias_key(words: str) -> str:
    words = " ".join(words.strip(" ,.;:!?\"“”'’()").split())
    lowered = words.lower()
    for article in ("the ", "a ", "an "):
        if lowered.startswith(article):
            words = words[len(article) :]
            break
    return words


def slug(name: str, taken: set[str]) -> str:
    """A lowercase id for a display name that no other character or statement word uses."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    base = re.sub(r"^(?:the|a|an)_", "", base) or "character"
    if base[0].isdigit():
        base = "c_" + base
    candidate, number = base, 2
    while candidate in taken or candidate in RESERVED_IDS:
        candidate = f"{base}_{number}"
        number += 1
    taken.add(candidate)
    return candidate


def palette(count: int) -> list[str]:
    """Distinct colours, each light enough to read on a dark text box (golden-angle hues)."""
    colours = []
    for index in range(count):
        hue = (0.08 + index * 0.381966) % 1.0
        lightness = 0.62 if index % 2 else 0.68
        while True:
            rgb = colorsys.hls_to_rgb(hue, lightness, 0.62)
            if _contrast(rgb) >= _MIN_CONTRAST or lightness >= 0.9:
                break
            lightness += 0.02
        red, green, blue = (round(c * 255) for c in rgb)
        colours.append(f"#{red:02x}{green:02x}{blue:02x}")
    return colours


_BOX_LUMINANCE = 0.0144  # the text box, about #202020
_MIN_CONTRAST = 5.0


def _contrast(rgb: tuple[float, float, float]) -> float:
    """WCAG contrast ratio of a colour against the dark text box."""
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return (luminance + 0.05) / (_BOX_LUMINANCE + 0.05)


def build_cast(entries: Iterable[RosterEntry], text: str, narration: list[tuple[int, int]]) -> Cast:
    """Ids, colours and a name matcher for the given entries; genders filled from the text."""
    entries = list(entries)
    taken: set[str] = set()
    colours = palette(len(entries))
    alias_ids: dict[str, str | None] = {}
    characters: dict[str, Character] = {}
    for entry, colour in zip(entries, colours, strict=True):
        ident = entry.id if entry.id and entry.id not in taken else slug(entry.name, taken)
        taken.add(ident)
        aliases = tuple(dict.fromkeys(a for a in (entry.name, *entry.aliases) if _alias_key(a)))
        gender = entry.gender or ("group" if " and " in entry.name else None)
        characters[ident] = Character(ident, entry.name, entry.color or colour, aliases, gender)
        for alias in aliases:
            key = _alias_key(alias)
            alias_ids[key] = ident if alias_ids.get(key, ident) == ident else None
    pattern = _alias_pattern(k for k, v in alias_ids.items() if v is not None)
    cast = Cast(characters, pattern, alias_ids)
    _infer_genders(cast, text, narration)
    return cast


def _alias_pattern(aliases: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(aliases), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in ordered)
    return re.compile(r"(?<![\w'’])(?:[Tt]he\s+)?(?P<alias>" + body + r")(?![\w])")


def _infer_genders(cast: Cast, text: str, narration: list[tuple[int, int]]) -> None:
    """Vote each unknown gender from titles and from "Izumo buried his face" after mentions.

    Only a possessive right after the name's own verb votes: a nearby "she" is as likely to
    be the main character's as this one's.
    """
    votes: dict[str, Counter[str]] = {ident: Counter() for ident in cast.characters}
    for start, end in narration:
        for _, mention_end, ident in cast.mentions(text, start, end):
            own = _OWN_POSSESSIVE.match(text, mention_end, end)
            if own and own.group("word").lower() != "its":
                votes[ident]["male" if own.group("word").lower() == "his" else "female"] += 1
            near = _NEXT_PRONOUN.match(text, mention_end, min(end, mention_end + _PRONOUN_REACH))
            if near:
                votes[ident]["it" if near.group("word").lower() in {"it", "its"} else "person"] += 1
    cast.neuter.update(i for i, v in votes.items() if v["it"] >= 2 and 2 * v["it"] >= v["person"])
    for ident, character in list(cast.characters.items()):
        if character.gender:
            continue
        gender = _title_gender(character.aliases) or _vote(votes[ident])
        if gender:
            cast.characters[ident] = Character(
                character.id, character.name, character.color, character.aliases, gender
            )


def _title_gender(aliases: Iterable[str]) -> str | None:
    for alias in aliases:
        for word in alias.lower().split()[:3]:
            if word in MALE_TITLES:
                return "male"
            if word in FEMALE_TITLES:
                return "female"
    return None


def _vote(counter: Counter[str]) -> str | None:
    male, female = counter["male"], counter["female"]
    if male + female < 1:
        return None
    if male >= 2 * female:
        return "male"
    if female >= 2 * male:
        return "female"
    return None


def normalise_gender(value: object) -> str | None:
    """'he', 'M', 'male' -> 'male'; 'she', 'F', 'female' -> 'female'; anything else -> None."""
    word = str(value or "").strip().lower()
    if word in {"m", "male", "man", "he", "him"}:
        return "male"
    if word in {"f", "female", "woman", "she", "her"}:
        return "female"
    return None


def roster_entries(data: object) -> list[RosterEntry]:
    """Roster entries from parsed YAML; raises ValueError with a message an author can act on."""
    if not isinstance(data, Mapping):
        raise ValueError("the roster must map each display name to its aliases")
    entries = []
    for name, value in data.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a roster name must be text, not {name!r}")
        entries.append(_entry(name.strip(), value))
    return entries


def _entry(name: str, value: object) -> RosterEntry:
    if value is None:
        return RosterEntry(name)
    if isinstance(value, str):
        return RosterEntry(name, (value,))
    if isinstance(value, list):
        return RosterEntry(name, _aliases(name, value))
    if isinstance(value, Mapping):
        unknown = set(value) - {"aliases", "gender", "color", "id"}
        if unknown:
            raise ValueError(f"{name}: unknown key {sorted(map(str, unknown))[0]!r}")
        color = value.get("color")
        if color is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", str(color)):
            raise ValueError(f'{name}: color must be "#rrggbb"')
        ident = value.get("id")
        if ident is not None and (
            not re.fullmatch(r"[a-z0-9_]+", str(ident)) or str(ident) in RESERVED_IDS
        ):
            raise ValueError(f"{name}: id {ident!r} is not a usable speaker id")
        return RosterEntry(
            name,
            _aliases(name, value.get("aliases") or []),
            normalise_gender(value.get("gender")),
            str(color) if color else None,
            str(ident) if ident else None,
        )
    raise ValueError(f"{name}: expected a list of aliases or a mapping")


def _aliases(name: str, values: object) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{name}: aliases must be a list of names")
    return tuple(v.strip() for v in values if v.strip())


def discover(
    text: str,
    narration: list[tuple[int, int]],
    tag_subjects: Iterable[str],
    beat_subjects: Iterable[str],
) -> list[RosterEntry]:
    """Characters found in the prose: names that speak in tags, or act beside quotations twice.

    A name counts only if it also appears capitalised mid-sentence or never in lower case,
    which keeps out words capitalised merely for starting a sentence. "the Hatter" keeps its
    article.
    """
    mid, article = _name_counts(text, narration)
    lower = set(_LOWER_WORD.findall(text))
    speaking = Counter(_core(s) for s in tag_subjects)
    acting = Counter(_core(s) for s in beat_subjects)
    chosen = [
        name
        for name in dict.fromkeys([*speaking, *acting])
        if name
        and name not in NOT_NAMES
        and name.split()[0] not in _FUNCTION_WORDS
        and (name in mid or name.split()[-1].lower() not in lower)
        and (speaking[name] >= 1 or acting[name] >= 2)
    ]
    return _merge(chosen, mid, article)


def _core(words: str) -> str:
    match = _NAME_TOKEN.fullmatch(" ".join(words.split()).strip(" ,.;:!?"))
    return match.group("name") if match else ""


def _name_counts(text: str, narration: list[tuple[int, int]]) -> tuple[Counter[str], Counter[str]]:
    """Capitalised names seen mid-sentence, and how often each follows 'the'."""
    mid: Counter[str] = Counter()
    article: Counter[str] = Counter()
    for start, end in narration:
        for match in _NAME_TOKEN.finditer(text, start, end):
            name = match.group("name")
            if match.group("article"):
                article[name] += 1
                mid[name] += 1
                continue
            before = text[max(start, match.start() - 3) : match.start()].rstrip()
            if before and before[-1] not in '.!?"“”' and match.start() > start:
                mid[name] += 1
    return mid, article


def _merge(names: list[str], mid: Counter[str], article: Counter[str]) -> list[RosterEntry]:
    """One entry per person: 'Darcy' joins 'Mr. Darcy', 'Rabbit' joins 'White Rabbit'."""
    names = list(dict.fromkeys(names))
    longer: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        for other in names:
            if (
                other != name
                and len(other.split()) > len(words)
                and other.split()[-len(words) :] == words
            ) or (other != name and other.split()[0] == name and other.split()[0] not in NOT_NAMES):
                longer.setdefault(name, []).append(other)
    entries: dict[str, list[str]] = {}
    for name in names:
        homes = longer.get(name, [])
        if len(homes) == 1 and homes[0] not in longer:
            entries.setdefault(homes[0], []).append(name)
        elif not homes:
            entries.setdefault(name, [])
    result = []
    for name, aliases in entries.items():
        display = f"The {name}" if article[name] * 2 >= mid[name] > 0 else name
        result.append(RosterEntry(display, tuple(aliases)))
    return result
