"""The adaptation keeps every word of the story: the script's lines, read in play order, are the
seed word for word, except for dialogue tags the name plate carries and the lines the adaptation
added where the copied text lost some (each at a place the seed marks with two blank lines)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from vn.script import AssetResolver, Line, Script, load_script
from vn.script.dialogue import records

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "i-can-see-the-village.txt"
SCRIPT = ROOT / "script"
ASSETS = ROOT / "assets"

# Words keep their apostrophes and inner dots and hyphens ("can't", "him.Again", "hitai-ate"), so
# a changed spacing shows as a changed word. Em dashes, ellipses, "!" and "?" are tokens of their
# own, so they must survive too. Commas, full stops and quote marks are not compared: a tag's
# comma becomes a full stop when the tag goes ("Right," was the choked reply -> "Right.").
TOKEN = re.compile(r"\.\.\.|…|—|[!?]|\w+(?:['’.\-]\w+)*")
LOST_PLACE = re.compile(r"\n{3,}")
LOST_ID = "lost-"
CONTEXT_TOKENS = 12

# Dialogue tags: who speaks (subject), a speech verb, and how (manner); either order.
SUBJECTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "he",
        "she",
        "kotetsu",
        "izumo",
        "iwashi",
        "genma",
        "raidou",
        "iruka",
        "the other",
        "the other man",
        "the older man",
        "the smaller man",
        "the bandaged shinobi",
    )
)
SPEECH_VERBS = frozenset(
    {
        "said",
        "asked",
        "replied",
        "answered",
        "insisted",
        "grunted",
        "exclaimed",
        "snapped",
        "slurred",
        "whispered",
        "murmured",
        "muttered",
        "screamed",
        "shouted",
        "yelled",
        "inquired",
        "admitted",
        "joked",
        "panted",
        "sobbed",
        "breathed",
    }
)
ADVERBS = frozenset({"again", "alarmed", "suddenly", "softly", "quietly", "weakly", "hoarsely"})
WITH_A_ADJECTIVES = frozenset({"slight", "small", "soft", "low"})
WITH_A_NOUNS = frozenset({"pant", "slur", "growl", "sigh", "sob", "whisper", "croak"})
REPLY_ADJECTIVES = frozenset({"choked", "weak", "quiet", "hoarse", "faint", "soft"})
REPLY_NOUNS = frozenset({"reply", "answer", "response"})


@dataclass(frozen=True)
class Token:
    text: str
    line: int  # index of the line it came from (script side) or -1 (seed side)
    first: bool  # the first word of its line
    start: int  # character offsets in the text it came from
    end: int


def tokenize(text: str, line: int = -1) -> list[Token]:
    return [
        Token(match.group(), line, index == 0, match.start(), match.end())
        for index, match in enumerate(TOKEN.finditer(text))
    ]


def _subject_length(words: Sequence[str], start: int) -> int:
    """Length of the longest subject phrase at `start` (0 when there is none)."""
    best = 0
    for phrase in SUBJECTS:
        if tuple(words[start : start + len(phrase)]) == phrase:
            best = max(best, len(phrase))
    return best


def _manner_end(words: Sequence[str], start: int) -> int:
    """Index after the manner words (adverbs, "with a slight slur", "at him") from `start`."""
    i = start
    while i < len(words):
        if words[i] in ADVERBS:
            i += 1
        elif words[i : i + 2] == ["with", "a"]:
            j = i + 2 + (1 if i + 2 < len(words) and words[i + 2] in WITH_A_ADJECTIVES else 0)
            if j < len(words) and words[j] in WITH_A_NOUNS:
                i = j + 1
            else:
                return i
        elif words[i : i + 2] == ["at", "him"]:
            i += 2
        elif words[i : i + 3] == ["from", "behind", "him"]:
            i += 3
        else:
            return i
    return i


def is_dialogue_tag(span: Sequence[str]) -> bool:
    """True when the words are nothing but a dialogue tag: `Izumo insisted`, `he suddenly
    screamed`, `Izumo admitted with a slight slur`, `said Kotetsu`, `was the choked reply from
    behind him`. Anything carrying action (`He grit his teeth`) is not a tag."""
    words = [word.lower() for word in span]
    if not words:
        return False
    # subject [adverb] verb [manner]
    subject = _subject_length(words, 0)
    if subject:
        i = subject
        while i < len(words) and words[i] in ADVERBS:
            i += 1
        if i < len(words) and words[i] in SPEECH_VERBS and _manner_end(words, i + 1) == len(words):
            return True
    # verb subject [manner]
    if words[0] in SPEECH_VERBS:
        subject = _subject_length(words, 1)
        if subject and _manner_end(words, 1 + subject) == len(words):
            return True
    # was the [adjective] reply [from behind him]
    if words[:2] == ["was", "the"]:
        i = 2 + (1 if len(words) > 2 and words[2] in REPLY_ADJECTIVES else 0)
        if i < len(words) and words[i] in REPLY_NOUNS and _manner_end(words, i + 1) == len(words):
            return True
    return False


@dataclass(frozen=True)
class Seed:
    title: str
    body: str
    tokens: list[Token]
    lost_places: list[int]  # token index where each lost place sits (before that token)


def read_seed(path: Path = SEED) -> Seed:
    text = path.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    tokens = tokenize(body)
    lost = [len(TOKEN.findall(body[: match.start()])) for match in LOST_PLACE.finditer(body)]
    return Seed(title.strip(), body, tokens, lost)


def local_id(statement_id: str) -> str:
    return statement_id.rsplit("/", 1)[-1]


def tokens_of(exported: Sequence[dict]) -> list[Token]:
    """Tokens of the exported lines that are not inferred, in play order."""
    return [
        token
        for index, record in enumerate(exported)
        if not record["inferred"]
        for token in tokenize(record["text"], index)
    ]


def matcher_for(seed: Seed, tokens: Sequence[Token]) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(
        None,
        [token.text.casefold() for token in seed.tokens],
        [token.text.casefold() for token in tokens],
        autojunk=False,
    )


def seed_context(seed: Seed, start: int, end: int) -> str:
    """The seed's own text around tokens start..end, the span in [[ ]]."""
    tokens = seed.tokens
    span_start = tokens[start].start if start < len(tokens) else len(seed.body)
    span_end = tokens[end - 1].end if end > start else span_start
    before = tokens[max(0, start - CONTEXT_TOKENS)].start if tokens else 0
    after = tokens[min(len(tokens), end + CONTEXT_TOKENS) - 1].end if tokens else 0
    text = (
        f"{seed.body[before:span_start]}[[{seed.body[span_start:span_end]}]]"
        f"{seed.body[span_end : max(after, span_end)]}"
    )
    return "..." + " ".join(text.split()) + "..."


def line_at(exported: Sequence[dict], tokens: Sequence[Token], token_index: int) -> str:
    if not tokens:
        return "(no lines)"
    record = exported[tokens[min(token_index, len(tokens) - 1)].line]
    return f"{record['id']}: {record['text']!r}"


def fidelity_problems(seed: Seed, exported: Sequence[dict]) -> list[str]:
    """Every difference between the story and the lines that are not inferred, except the
    dialogue tags the adaptation may drop, each shown in the seed's context."""
    tokens = tokens_of(exported)
    matcher = matcher_for(seed, tokens)
    problems = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        where = line_at(exported, tokens, j1)
        if op in ("delete", "replace") and not is_dialogue_tag(
            [t.text for t in seed.tokens[i1:i2]]
        ):
            problems.append(f"dropped near {where}\n    seed: {seed_context(seed, i1, i2)}")
        if op in ("insert", "replace"):
            words = [t.text for t in tokens[j1:j2]]
            problems.append(f"{where} adds {words}\n    seed: {seed_context(seed, i1, i2)}")
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            ours, theirs = tokens[block.b + k], seed.tokens[block.a + k]
            # Only a line's first word may gain a capital (a kept tag opening a narration line).
            if ours.text != theirs.text and not (ours.first and ours.text[1:] == theirs.text[1:]):
                problems.append(
                    f"{line_at(exported, tokens, block.b + k)} writes {ours.text!r} for "
                    f"{theirs.text!r}\n    seed: {seed_context(seed, block.a + k, block.a + k + 1)}"
                )
    return problems


def lost_markers(script: Script) -> list[tuple[str, int]]:
    """(statement id, token index in `tokens_of(records(script))`) of each `lost-` statement."""
    markers: list[tuple[str, int]] = []
    count = 0
    for scene in script.scenes:
        for statement in scene.body:
            if local_id(statement.id).startswith(LOST_ID):
                markers.append((statement.id, count))
            if isinstance(statement, Line) and not statement.inferred:
                count += len(tokenize(statement.text))
    return markers


@pytest.fixture(scope="module")
def script() -> Script:
    return load_script(SCRIPT, assets=AssetResolver(ASSETS))


@pytest.fixture(scope="module")
def seed() -> Seed:
    return read_seed()


@pytest.fixture(scope="module")
def exported(script: Script) -> list[dict]:
    return list(records(script))


# The recogniser itself: it has to be strict, or the fidelity test below proves nothing.
@pytest.mark.parametrize(
    "span",
    [
        "Izumo insisted",
        "Kotetsu grunted",
        "the other replied",
        "Kotetsu exclaimed alarmed",
        "Izumo admitted with a slight slur",
        "Izumo replied again",
        "he slurred",
        "he suddenly screamed",
        "Kotetsu whispered",
        "Kotetsu asked with a pant",
        "was the choked reply from behind him",
        "said Kotetsu",
    ],
)
def test_dialogue_tags_are_recognised(span: str) -> None:
    assert is_dialogue_tag(span.split())


@pytest.mark.parametrize(
    "span",
    [
        "He grit his teeth",
        "He grit his teeth not wanting to listen to the other argue with him.Again",
        "Kotetsu asked with a pant as he moved through the trees",
        "Izumo swallowed hard",
        "He attempted a joke",
        "Kotetsu was not leaving Izumo behind",
        "Kotetsu thought with a growl",
        "screamed",
        "Kotetsu",
        "he said nothing",
        "the other replied the other replied and left",
        "",
    ],
)
def test_other_spans_are_not_dialogue_tags(span: str) -> None:
    assert not is_dialogue_tag(span.split())


def test_seed_title_is_the_game_title(script: Script, seed: Seed) -> None:
    assert script.game.title == seed.title


def test_the_script_is_the_story_word_for_word(seed: Seed, exported: list[dict]) -> None:
    problems = fidelity_problems(seed, exported)
    assert not problems, "the script differs from the story:\n" + "\n".join(problems)


def _edit(exported: list[dict], old: str, new: str, inferred: bool | None = None) -> list[dict]:
    """A copy of the export with one line's text replaced (the check must see it)."""
    edited = [dict(record) for record in exported]
    hits = [record for record in edited if old in record["text"]]
    assert hits, f"no line holds {old!r}"
    hits[0]["text"] = hits[0]["text"].replace(old, new)
    if inferred is not None:
        hits[0]["inferred"] = inferred
    return edited


@pytest.mark.parametrize(
    ("old", "new", "inferred"),
    [
        ("with him.Again.", "with him. Again.", None),  # odd spacing fixed
        ("they'd madeit!", "they'd made it!", None),  # typo fixed
        ("He grit his teeth, ", "", None),  # action beat dropped
        ("minutes—well", "minutes, well", None),  # em dash lost
        ("about the way he ate...", "about the way he ate.", None),  # ellipsis lost
        ("Are you okay?!", "Are you okay?", None),  # "!" lost
        ("Shut up, Izumo.", "Shut up, Izumo, please.", None),  # word added
        ("Put me down.", "Put me down.", False),  # an added line not marked inferred
        ("I can see the village", "i can see the village", None),  # case changed
    ],
)
def test_the_check_sees_a_changed_word(
    seed: Seed, exported: list[dict], old: str, new: str, inferred: bool | None
) -> None:
    assert fidelity_problems(seed, _edit(exported, old, new, inferred))


def test_every_lost_place_is_marked(seed: Seed, script: Script) -> None:
    assert len(seed.lost_places) == 8, "the seed has eight runs of two blank lines"
    markers = lost_markers(script)
    assert len(markers) == len(seed.lost_places), (
        f"the seed lost lines in {len(seed.lost_places)} places; the script marks "
        f"{[marker for marker, _ in markers]}"
    )


def misplaced_markers(
    seed: Seed, exported: Sequence[dict], markers: Sequence[tuple[str, int]]
) -> list[str]:
    """Markers that do not sit where the seed's lost place maps to in the script, in order."""
    blocks = matcher_for(seed, tokens_of(exported)).get_matching_blocks()

    def script_position(seed_index: int) -> int | None:
        for block in blocks:
            if block.a <= seed_index < block.a + block.size:
                return block.b + seed_index - block.a
        return None

    misplaced = []
    for (marker, at), place in zip(markers, seed.lost_places, strict=False):
        expected = script_position(place)
        if expected is None and place > 0:
            previous = script_position(place - 1)
            expected = None if previous is None else previous + 1
        if expected != at:
            misplaced.append(f"{marker}: belongs at {seed_context(seed, place, place)}")
    return misplaced


def test_each_marker_sits_where_its_line_was_lost(
    seed: Seed, script: Script, exported: list[dict]
) -> None:
    misplaced = misplaced_markers(seed, exported, lost_markers(script))
    assert not misplaced, "lost-place markers out of place:\n" + "\n".join(misplaced)


def test_the_check_sees_a_misplaced_marker(
    seed: Seed, script: Script, exported: list[dict]
) -> None:
    markers = lost_markers(script)
    moved = [(marker, at + (5 if i == 3 else 0)) for i, (marker, at) in enumerate(markers)]
    assert len(misplaced_markers(seed, exported, moved)) == 1


def test_inferred_lines_are_only_at_lost_places(script: Script) -> None:
    unmarked = [
        line.id
        for line in script.lines()
        if line.inferred and not local_id(line.id).startswith(LOST_ID)
    ]
    assert not unmarked, f"inferred lines outside the lost places: {unmarked}"
    markers_that_say_nothing = [
        statement.id
        for scene in script.scenes
        for statement in scene.body
        if local_id(statement.id).startswith(LOST_ID)
        and isinstance(statement, Line)
        and not statement.inferred
    ]
    assert not markers_that_say_nothing, (
        f"lines at lost places must be inferred: {markers_that_say_nothing}"
    )
