"""Helpers for the converter's tests: a short passage in, who says what out."""

from __future__ import annotations

import pytest

from vn.adapt import RosterEntry, draft


def _speakers(text: str, roster: list[RosterEntry] | None = None) -> list[tuple[str, str, str]]:
    """(text, speaker id, method) of every quotation line, in order."""
    result = draft(text, roster)
    return [
        (line.text, line.speaker or "", line.method or "") for line in result.lines if line.quoted
    ]


@pytest.fixture
def pair() -> list[RosterEntry]:
    return [
        RosterEntry("Kotetsu", ("Tetsu",), "male"),
        RosterEntry("Izumo", (), "male"),
        RosterEntry("Anko", (), "female"),
    ]


@pytest.fixture
def speakers():
    """(text, speaker id, method) of every quotation line of a passage."""
    return _speakers


@pytest.fixture
def four() -> list[RosterEntry]:
    """Two men and two women, so a pronoun always has two candidates."""
    return [
        RosterEntry("Kotetsu", (), "male"),
        RosterEntry("Izumo", (), "male"),
        RosterEntry("Anko", (), "female"),
        RosterEntry("Ino", (), "female"),
    ]


def _who(text: str, roster: list[RosterEntry]) -> list[str]:
    """The speaker ids of a passage's quotations, after an opening paragraph naming nobody."""
    opening = "The hall was dark, and nobody had lit the lamps.\n\n"
    return [speaker for _, speaker, _ in _speakers(opening + text, roster)]


@pytest.fixture
def who():
    """Speaker ids of a passage read after a paragraph that names nobody."""
    return _who
