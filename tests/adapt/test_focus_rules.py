"""Smaller focus rules: which names in the narration may be what a "she" leans on."""

from __future__ import annotations

import pytest

from vn.adapt import RosterEntry


@pytest.fixture
def four() -> list[RosterEntry]:
    return [
        RosterEntry("Kotetsu", (), "male"),
        RosterEntry("Izumo", (), "male"),
        RosterEntry("Anko", (), "female"),
        RosterEntry("Ino", (), "female"),
    ]


def _who(speakers, text: str, roster: list[RosterEntry]) -> list[str]:
    opening = "The hall was dark, and nobody had lit the lamps.\n\n"
    return [speaker for _, speaker, _ in speakers(opening + text, roster)]


def test_a_name_after_in_is_not_what_the_pronoun_leans_on(four, speakers) -> None:
    text = (
        '"We must all help one another," said Anko.\n\n'
        "Then, perceiving in Ino no wish to answer, she added, "
        '"Sorrow shared is sorrow halved."'
    )
    assert _who(speakers, text, four) == ["anko", "anko"]
