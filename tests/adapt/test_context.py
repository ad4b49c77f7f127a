"""Pronoun tags read in context: the narration's focus, the conversation, the tag's own clause."""

from __future__ import annotations

import pytest

from vn.adapt import RosterEntry


def _who(speakers, text: str, roster: list[RosterEntry]) -> list[str]:
    return [speaker for _, speaker, _ in speakers(text, roster)]


def test_she_means_whom_the_narration_is_about_not_the_last_woman_named(four, speakers) -> None:
    text = (
        '"We leave at dawn," said Kotetsu.\n\n'
        "Anko was struck by how much he sounded like Ino.\n\n"
        '"He must be tired," said she.'
    )
    assert _who(speakers, text, four)[-1] == "anko"


def test_a_name_after_a_preposition_does_not_take_the_focus(four, speakers) -> None:
    text = (
        '"We leave at dawn," said Kotetsu.\n\n'
        "Ino had written a long letter to Anko.\n\n"
        '"Did you read it?" she asked.'
    )
    assert _who(speakers, text, four)[-1] == "ino"


def test_a_pronoun_after_a_name_in_its_sentence_stands_for_it(four, speakers) -> None:
    text = (
        "Anko was in the garden.\n\n"
        "Though Ino seldom spoke to Izumo, she asked him whether he would come with Kotetsu.\n\n"
        '"I suppose I must," said he.'
    )
    assert _who(speakers, text, four)[-1] == "izumo"


def test_she_added_carries_on_the_last_speaker(four, speakers) -> None:
    text = 'Anko and Ino sat by the fire.\n\n"It is late," said Anko.\n\n"And cold," she added.'
    assert _who(speakers, text, four) == ["anko", "anko"]


def test_narration_between_outweighs_carrying_on(four, speakers) -> None:
    text = (
        '"It is late," said Izumo.\n\n'
        '"Not yet," said Kotetsu.\n\n'
        'Izumo only smiled at Kotetsu. "But soon," he continued after a pause.'
    )
    assert _who(speakers, text, four)[-1] == "izumo"


def test_a_new_paragraph_tag_goes_to_the_party_of_that_gender(four, speakers) -> None:
    text = (
        '"Stay," Anko said.\n\n'
        '"Why?" Kotetsu asked, staring at Ino\'s empty chair.\n\n'
        '"Because I ask it," she said.'
    )
    assert _who(speakers, text, four) == ["anko", "kotetsu", "anko"]


def test_the_names_after_a_tag_pronoun_are_never_its_speaker(four, speakers) -> None:
    text = (
        "Ino and Anko walked home.\n\n"
        '"Wait," said Kotetsu.\n\n'
        'Then she turned to Ino and said, "No."'
    )
    assert _who(speakers, text, four)[-1] == "anko"


def test_the_name_a_tag_clause_leans_on(four, speakers) -> None:
    text = (
        "Anko watched Ino for a long time.\n\n"
        'When at last Anko looked up at Ino, she said, "Enough."'
    )
    assert _who(speakers, text, four) == ["anko"]


def test_she_added_after_an_untagged_line_of_the_same_paragraph(four, speakers) -> None:
    text = (
        "Ino found Anko at the gate.\n\n"
        '"Come with me," said Ino.\n\n'
        '"I will not." On Ino\'s pressing her, however, she added, "Very well."'
    )
    assert _who(speakers, text, four) == ["ino", "anko", "anko"]


@pytest.fixture
def family() -> list[RosterEntry]:
    return [
        RosterEntry("Mr. Hale", ("Mr. Hale",), "male"),
        RosterEntry("Mrs. Hale", ("Mrs. Hale",), "female"),
        RosterEntry("Margaret Hale", ("Margaret",), "female"),
        RosterEntry("Mr. Thornton", ("Mr. Thornton", "Thornton"), "male"),
        RosterEntry("Fanny Thornton", ("Fanny",), "female"),
    ]


def test_her_father_in_the_narration_is_the_man_in_focus(family, speakers) -> None:
    text = (
        '"Good morning," said Mr. Thornton.\n\n'
        "The next day, as Margaret came down, she was met by her father.\n\n"
        '"Come into my study," said he.'
    )
    assert _who(speakers, text, family)[-1] == "mr_hale"


def test_a_miss_has_no_husband_of_her_family_name(family, speakers) -> None:
    text = (
        "Fanny sat by Mrs. Hale, and Mr. Hale read by the fire.\n\n"
        '"Go to bed," said Mrs. Hale.\n\n'
        '"I will not," said Fanny.\n\n'
        '"Nonsense," cried her husband.'
    )
    assert _who(speakers, text, family)[-1] == "mr_hale"


def test_a_pronoun_after_her_father_stands_for_him(family, speakers) -> None:
    text = (
        '"Good morning," said Mr. Thornton.\n\n'
        "As Margaret went down, she was met by her father, who held a letter in his hand.\n\n"
        '"Come in," said he.'
    )
    assert _who(speakers, text, family)[-1] == "mr_hale"


def test_he_replied_answers_the_man_the_last_line_called(four, speakers) -> None:
    text = (
        '"Nice," said Kotetsu.\n\n'
        '"Fine," said Izumo.\n\n'
        '"Are you tired, Kotetsu?" asked Anko.\n\n'
        '"Not at all," he replied.'
    )
    assert _who(speakers, text, four)[-1] == "kotetsu"


@pytest.fixture
def creatures() -> list[RosterEntry]:
    return [
        RosterEntry("Alice", (), "female"),
        RosterEntry("the Gryphon", ("Gryphon",), "male"),
        RosterEntry("the Mock Turtle", ("Mock Turtle",), "male"),
    ]


def test_it_means_the_creature_the_narration_is_about(creatures, speakers) -> None:
    text = (
        "The Gryphon shook its head, and the Mock Turtle wiped its eyes.\n\n"
        '"Tell us more," said the Mock Turtle.\n\n'
        '"What is it?" said Alice.\n\n'
        'The Gryphon lifted up its paws in surprise. "What! Never heard of it!" it exclaimed.'
    )
    assert _who(speakers, text, creatures)[-1] == "gryphon"


def test_a_sentence_opening_with_it_was_keeps_the_name_in_focus(creatures, speakers) -> None:
    text = (
        "The Gryphon shook its head, and the Mock Turtle wiped its eyes.\n\n"
        '"Go on," said Alice.\n\n'
        "It was the Gryphon, looking about as it went, and muttering to itself "
        '"Where are they?"'
    )
    assert _who(speakers, text, creatures)[-1] == "gryphon"
