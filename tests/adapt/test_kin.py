"""Family words in tags: "her aunt" and "his uncle" found without the family name."""

from __future__ import annotations

import pytest

from vn.adapt import RosterEntry


@pytest.fixture
def family() -> list[RosterEntry]:
    return [
        RosterEntry("Mary Hale", ("Mary",), "female"),
        RosterEntry("Mrs. Hale", (), "female"),
        RosterEntry("Mr. Hale", (), "male"),
        RosterEntry("Mrs. Ward", (), "female"),
        RosterEntry("Mr. Ward", (), "male"),
        RosterEntry("Mrs. Pike", (), "female"),
    ]


def _who(speakers, text: str, roster: list[RosterEntry]) -> list[str]:
    """Speakers of a passage that opens with a line of narration (so no title is taken)."""
    opening = "It had rained all morning, and the roads were heavy.\n\n"
    return [speaker for _, speaker, _ in speakers(opening + text, roster)]


def test_her_aunt_is_not_her_own_mother(family, speakers) -> None:
    text = (
        "Mrs. Hale had stayed at home, and Mary set out with Mr. and Mrs. Ward.\n\n"
        '"What a fine house," said Mary.\n\n'
        '"It is very old," said her aunt.'
    )
    assert _who(speakers, text, family)[-1] == "mrs_ward"


def test_her_uncle_is_not_her_own_father(family, speakers) -> None:
    text = (
        "Mr. Hale read by the fire while Mary walked out with Mr. Ward.\n\n"
        '"Shall we go on?" said Mary.\n\n'
        '"If you are not tired," replied her uncle.'
    )
    assert _who(speakers, text, family)[-1] == "mr_ward"


def test_an_aunt_is_likelier_one_of_a_married_pair(family, speakers) -> None:
    text = (
        "Mary and Mrs. Ward were shown round by Mrs. Pike.\n\n"
        '"The rooms are kept very well," said Mary.\n\n'
        '"They are indeed," whispered her aunt.'
    )
    assert _who(speakers, text, family)[-1] == "mrs_ward"


def test_her_mother_is_still_found_through_the_family_name(family, speakers) -> None:
    text = (
        "Mary sat with Mrs. Ward and Mrs. Hale.\n\n"
        '"You look pale," said Mrs. Ward.\n\n'
        '"She is always pale," said her mother.'
    )
    assert _who(speakers, text, family)[-1] == "mrs_hale"
