"""The cast: roster files, discovery in the text, ids and colours."""

from __future__ import annotations

import pytest

from vn.adapt import draft
from vn.adapt.characters import RESERVED_IDS, palette, roster_entries, slug


def test_roster_lists_and_mappings() -> None:
    entries = roster_entries(
        {
            "Elizabeth Bennet": ["Elizabeth", "Lizzy", "Miss Eliza"],
            "Mr. Darcy": {
                "aliases": ["Darcy"],
                "gender": "male",
                "color": "#7fa7c9",
                "id": "darcy",
            },
            "Voice": None,
        }
    )
    assert [e.name for e in entries] == ["Elizabeth Bennet", "Mr. Darcy", "Voice"]
    assert entries[0].aliases == ("Elizabeth", "Lizzy", "Miss Eliza")
    assert (entries[1].gender, entries[1].color, entries[1].id) == ("male", "#7fa7c9", "darcy")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["Izumo"], "must map"),
        ({"Izumo": 3}, "expected a list"),
        ({"Izumo": {"alias": []}}, "unknown key"),
        ({"Izumo": {"color": "red"}}, "#rrggbb"),
        ({"Izumo": {"id": "music"}}, "not a usable speaker id"),
        ({"Izumo": [1, 2]}, "list of names"),
    ],
)
def test_bad_rosters_say_what_is_wrong(data, message) -> None:
    with pytest.raises(ValueError, match=message):
        roster_entries(data)


def test_ids_are_slugs_that_never_collide_with_statement_words() -> None:
    taken: set[str] = set()
    ids = [
        slug(name, taken) for name in ["Music", "Show", "The Hatter", "Mr. Bennet", "2B", "Music"]
    ]
    assert ids == ["music_2", "show_2", "hatter", "mr_bennet", "c_2b", "music_3"]
    assert not set(ids) & RESERVED_IDS


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_colours_are_distinct_and_readable_on_a_dark_box() -> None:
    colours = palette(24)
    assert len(set(colours)) == 24
    box = _luminance("#202020")
    for colour in colours:
        assert (_luminance(colour) + 0.05) / (box + 0.05) >= 4.5, colour


def test_discovery_finds_names_that_speak_and_act() -> None:
    text = (
        "Kotetsu walked with Izumo toward Konoha.\n\n"
        '"Leave me," Izumo said.\n\n'
        '"No." Kotetsu shook his head.\n\n'
        "Kotetsu thought of Konoha and of Genma.\n\n"
        '"Why?" asked Izumo. Kotetsu shrugged.\n\n'
        '"Because." Kotetsu smiled.'
    )
    names = {c.name for c in draft(text).characters}
    assert names == {"Izumo", "Kotetsu"}


def test_discovery_keeps_the_article_of_titles() -> None:
    text = (
        "Alice sat with the Hatter and the Hare.\n\n"
        '"Have some wine," said the Hatter.\n\n'
        '"I don\'t see any wine," said Alice.\n\n'
        '"There isn\'t any," said the Hatter.'
    )
    result = draft(text)
    assert {c.name for c in result.characters} == {"The Hatter", "Alice"}
    assert [line.speaker for line in result.lines if line.quoted] == ["hatter", "alice", "hatter"]


def test_a_roster_fixes_the_cast() -> None:
    text = '"Come," said Lizzy.\n\n"No," said Mr. Darcy.'
    roster = roster_entries({"Elizabeth Bennet": ["Lizzy"], "Mr. Darcy": ["Darcy"]})
    result = draft(text, roster)
    names = [result.character(line.speaker).name for line in result.lines if line.quoted]
    assert names == ["Elizabeth Bennet", "Mr. Darcy"]
