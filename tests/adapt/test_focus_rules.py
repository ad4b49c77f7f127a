"""Smaller focus rules: which names in the narration may be what a "she" leans on."""

from __future__ import annotations


def test_a_name_after_in_is_not_what_the_pronoun_leans_on(four, who) -> None:
    text = (
        '"We must all help one another," said Anko.\n\n'
        "Then, perceiving in Ino no wish to answer, she added, "
        '"Sorrow shared is sorrow halved."'
    )
    assert who(text, four) == ["anko", "anko"]
