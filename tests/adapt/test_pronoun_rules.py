"""Rules for tags whose speaker is a pronoun, a description or no subject at all."""

from __future__ import annotations

from vn.adapt import draft


def test_a_verb_after_a_subordinate_clause_shares_the_main_subject(four, who) -> None:
    text = (
        "Kotetsu put down his cup, and when Anko had finished her story, said quietly, "
        '"That is enough for tonight."'
    )
    assert who(text, four) == ["kotetsu"]


def test_a_participle_leans_on_the_nearest_clause(four, who) -> None:
    text = (
        "Kotetsu turned to the window, while Anko answered that Ino was asleep, adding, "
        '"but she will wake soon."'
    )
    assert who(text, four) == ["anko"]


def test_a_verb_joined_by_and_keeps_the_subject_of_the_clause_before(four, who) -> None:
    text = (
        "Anko held out her hand to Izumo, who was still puzzled, when she stepped back, and "
        'said to them both, "I will not stay."'
    )
    assert who(text, four) == ["anko"]


def test_who_after_a_name_is_that_name(four, who) -> None:
    text = (
        'Anko opened the door and met Ino, who, pushing past Anko, cried out, "Come down at once!"'
    )
    assert who(text, four) == ["ino"]


def test_an_object_it_is_not_the_subject_of_a_participle(four, who) -> None:
    text = (
        "Ino read the letter twice while Kotetsu waited. She tried to doubt it entirely, "
        'repeatedly exclaiming, "This cannot be true!"'
    )
    assert who(text, four) == ["ino"]


def test_a_subject_of_a_subordinate_clause_is_not_the_focus(four, who) -> None:
    text = 'When Ino had gone to bed, Anko sat alone by the fire.\n\n"It is late," said she.'
    assert who(text, four) == ["anko"]


def test_a_pronoun_after_before_or_when_is_not_the_focus(four, who) -> None:
    text = (
        "Ino went up to her room. But before she had been there a minute, Anko followed her."
        '\n\n"Open the door," she cried.'
    )
    assert who(text, four) == ["anko"]


def test_a_pronoun_after_that_keeps_its_weight(four, who) -> None:
    text = (
        "Having been joined by Izumo himself, Ino walked off, before Kotetsu came up and told "
        'her that he had found the key.\n\n"It was under the mat," said he.'
    )
    assert who(text, four) == ["kotetsu"]


def test_names_joined_by_and_after_when_are_both_subordinate(four, who) -> None:
    text = 'When Izumo and Ino had gone, Anko locked the door.\n\n"At last," said she.'
    assert who(text, four) == ["anko"]


def test_the_latter_is_the_second_of_the_two_named(four, who) -> None:
    text = 'When Anko and Ino were alone, the latter poured the tea.\n\n"Sit down," said she.'
    assert who(text, four) == ["ino"]


def test_a_paragraph_ending_in_a_colon_tags_the_speech_after_it(four, who) -> None:
    text = (
        'Anko and Ino waited.\n\n"Well?" said Kotetsu.\n\n"Nothing yet," said Izumo.\n\n'
        'At last Ino began in the following manner:\n\n"We leave at dawn."'
    )
    assert who(text, four) == ["kotetsu", "izumo", "ino"]


def test_the_colon_paragraph_stays_narration(four) -> None:
    text = 'Ino began in the following manner:\n\n"We leave at dawn."'
    lines = draft(text, four).lines
    assert any(line.text == "Ino began in the following manner:" for line in lines)


def test_a_name_opening_a_later_clause_takes_the_focus(four, who) -> None:
    text = (
        "Anko was busy at the stove; and Ino, in a loud voice, was telling everyone about the "
        'market.\n\n"You should have come," said she.'
    )
    assert who(text, four) == ["ino"]


def test_a_later_clause_with_only_pronouns_keeps_the_focus(four, who) -> None:
    text = (
        "Anko could hide nothing from Ino; and instantly embracing her, told her the whole "
        'story.\n\n"I am so happy," said she.'
    )
    assert who(text, four) == ["anko"]


_WELL = (
    '"Is the water cold?" asked Anko.\n\n"Very," said Kotetsu.\n\n'
    "Anko went back to the house. Ino stayed by the well.\n\n"
)


def test_the_one_a_tag_turns_to_answers_the_next_pronoun_tag(four, who) -> None:
    text = _WELL + '"Still here?" said Kotetsu, as he joined her.\n\n"Always," she replied.'
    assert who(text, four) == ["anko", "kotetsu", "kotetsu", "ino"]


def test_a_name_called_outweighs_the_pronoun_of_the_tag(four, who) -> None:
    text = _WELL + '"Still here, Anko?" said Kotetsu, as he joined her.\n\n"Always," she replied.'
    assert who(text, four)[-1] == "anko"


def test_narration_after_a_semicolon_in_a_tag_sentence_sets_the_focus(four, who) -> None:
    text = (
        'Ino sat by the fire.\n\n"Go to bed, Ino," said Kotetsu; and as he went out, Anko came '
        'in with the lamp.\n\n"Good night," said she.'
    )
    assert who(text, four) == ["kotetsu", "anko"]


_INN = (
    "Ino walked to the village with Kotetsu. Ino was tired, and Ino was hungry.\n\n"
    "At the inn Anko was reading a letter. She read it for a long time.\n\n"
)


def test_a_focus_kept_only_by_pronouns_for_long_goes_back_to_the_lead(four, who) -> None:
    text = _INN + (
        "She put it away at last.\n\nThe room was quiet.\n\nThe fire burned low.\n\n"
        'She thought of the road home.\n\n"We should leave before dark," she said.'
    )
    assert who(text, four) == ["ino"]


def test_a_focus_named_lately_is_kept(four, who) -> None:
    text = _INN + '"We should leave before dark," she said.'
    assert who(text, four) == ["anko"]
