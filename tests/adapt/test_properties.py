"""The converter never loses text, and never writes a file YAML cannot read."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vn.adapt import RosterEntry, draft
from vn.adapt.emit import emit

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WORDS = st.sampled_from(
    [
        "river",
        "stone",
        "light",
        "walked",
        "under",
        "slowly",
        "trees",
        "gate",
        "cold",
        "morning",
        "road",
        "the",
        "a",
        "and",
        "of",
        "blood",
        "tired",
        "village",
        "far",
        "near",
        "home",
    ]
)
_TAGS = st.sampled_from(["said Kotetsu", "Izumo asked", "he whispered", "she said", "Anko shouted"])
_ROSTER = [
    RosterEntry("Kotetsu", (), "male"),
    RosterEntry("Izumo", (), "male"),
    RosterEntry("Anko", (), "female"),
]


def _sentence(words: list[str], end: str) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + end


_NARRATION = st.builds(_sentence, st.lists(_WORDS, min_size=2, max_size=8), st.just("."))
_QUOTE = st.builds(
    _sentence, st.lists(_WORDS, min_size=1, max_size=8), st.sampled_from([".", "!", "?", ","])
)


@st.composite
def _paragraph(draw) -> tuple[str, list[str]]:
    """A paragraph and its words that must survive (everything but the tags)."""
    parts: list[str] = []
    kept: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["narration", "quote", "tagged"]))
        if kind == "narration":
            sentence = draw(_NARRATION)
            parts.append(sentence)
            kept.append(sentence)
        else:
            quote = draw(_QUOTE)
            parts.append(f'"{quote}"')
            kept.append(quote)
            if kind == "tagged":
                parts.append(draw(_TAGS) + ".")
    return " ".join(parts), kept


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(word in remaining for word in needle)


@settings(max_examples=150, deadline=None)
@given(st.lists(_paragraph(), min_size=1, max_size=6), st.sampled_from(["\n\n", "\n\n\n"]))
def test_no_word_of_quotations_or_narration_is_lost(paragraphs, separator) -> None:
    text = separator.join(p for p, _ in paragraphs)
    expected = [w for _, kept in paragraphs for piece in kept for w in _words(piece)]
    result = draft(text, _ROSTER)
    produced = _words(result.title)  # a first line that reads as a title becomes the title
    produced += [w for line in result.lines for w in _words(line.text) if line.kind != "scene"]
    assert _is_subsequence(expected, produced)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400),
        st.text(alphabet=st.sampled_from(list("ab AB\"“”‘’'_*.,!?:#-\n\t")), max_size=400),
        st.lists(st.sampled_from(['"Hi,"', "said", "Anko", "he", "ran", ".", "\n\n", "_x_"])).map(
            " ".join
        ),
    )
)
def test_any_text_gives_a_readable_script(text) -> None:
    result = draft(text)
    data = yaml.load(emit(result), Loader=_LOADER)
    assert set(data) == {"game", "characters", "scenes"}
    body = [item for scene in data["scenes"] for item in scene["body"]]
    texts = [next(iter(item.values())) if isinstance(item, dict) else item for item in body]
    assert all(isinstance(t, (str, float, int)) and str(t).strip() for t in texts)
    assert len(body) == len(result.lines)  # one item a line, a `bg` for each scene
