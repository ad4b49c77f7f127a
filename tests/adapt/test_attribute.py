"""Each sieve on a passage written for it, traps included."""

from __future__ import annotations

from vn.adapt import RosterEntry


def test_explicit_tags_both_ways(pair, speakers) -> None:
    text = '"Go home," said Izumo.\n\n"No," Kotetsu answered.'
    assert speakers(text, pair) == [("Go home.", "izumo", "tag"), ("No.", "kotetsu", "tag")]


def test_a_tag_before_the_quotation(pair, speakers) -> None:
    text = 'Izumo looked up and said, "Leave me."'
    assert speakers(text, pair) == [("Leave me.", "izumo", "tag")]


def test_pronoun_tag_resolves_to_the_fitting_character(pair, speakers) -> None:
    text = 'Anko and Izumo stood at the gate.\n\n"Open it," she said.'
    assert speakers(text, pair) == [("Open it.", "anko", "pronoun")]


def test_pronoun_at_a_new_paragraph_is_not_whoever_just_spoke(pair, speakers) -> None:
    text = (
        'Kotetsu carried Izumo through the trees.\n\n"Put me down," Izumo said.\n\n"No," he said.'
    )
    assert [s for _, s, _ in speakers(text, pair)] == ["izumo", "kotetsu"]


def test_a_pronoun_tag_later_in_a_paragraph_keeps_its_speaker(pair, speakers) -> None:
    text = (
        "Kotetsu walked on.\n\n"
        '"Mm..." Izumo replied. It was enough for Kotetsu. "I love you," he slurred.'
    )
    result = speakers(text, pair)
    assert [s for _, s, _ in result] == ["izumo", "izumo"]


def test_a_description_tag(pair, speakers) -> None:
    text = (
        "Kotetsu was older than Izumo.\n\n"
        '"I am fine," Izumo said.\n\n'
        '"You are not!" the older man snapped.'
    )
    assert speakers(text, pair)[-1] == ("You are not!", "kotetsu", "pronoun")


def test_the_other_is_the_other_participant(pair, speakers) -> None:
    text = (
        '"Are you awake?" Kotetsu asked.\n\n'
        '"Yes," Izumo said.\n\n'
        '"Good," Kotetsu said. He walked on, and Izumo laughed.\n\n'
        '"Nothing," the other replied.'
    )
    assert speakers(text, pair)[-1] == ("Nothing.", "izumo", "pronoun")


def test_a_vocative_is_never_the_speaker(pair, speakers) -> None:
    text = 'Kotetsu walked on, carrying Izumo.\n\n"Shut up, Izumo." He grit his teeth.'
    assert speakers(text, pair) == [("Shut up, Izumo.", "kotetsu", "beat")]


def test_the_one_called_by_name_answers(pair, speakers) -> None:
    text = 'Kotetsu and Izumo walked on.\n\n"Hang on, Izumo," Kotetsu said.\n\n"Right."'
    assert speakers(text, pair)[-1] == ("Right.", "izumo", "vocative")


def test_an_action_beat_names_the_speaker(pair, speakers) -> None:
    text = (
        'Kotetsu waited.\n\n"I\'m fine." Izumo swallowed hard. Kotetsu saw blood. "Don\'t worry."'
    )
    assert speakers(text, pair) == [
        ("I'm fine.", "izumo", "beat"),
        ("Don't worry.", "izumo", "beat"),
    ]


def test_a_quotation_broken_by_a_beat_stays_with_its_speaker(pair, speakers) -> None:
    text = '"I\'m sorry!" Kotetsu exclaimed. He turned to look at Izumo. "Are you okay?"'
    assert [s for _, s, _ in speakers(text, pair)] == ["kotetsu", "kotetsu"]


def test_two_speakers_in_one_paragraph(pair, speakers) -> None:
    text = '"Come here," said Kotetsu. "Never," said Izumo.'
    assert [s for _, s, _ in speakers(text, pair)] == ["kotetsu", "izumo"]


def test_a_quotation_broken_by_its_tag_becomes_one_line(pair, speakers) -> None:
    text = '"My dear Izumo," said Kotetsu, "have you heard the news?"'
    assert speakers(text, pair) == [("My dear Izumo, have you heard the news?", "kotetsu", "tag")]


def test_turn_taking_alternates_untagged_lines(pair, speakers) -> None:
    text = (
        '"Where are we?" Izumo asked.\n\n'
        '"Fire Country," Kotetsu said.\n\n'
        '"How far?"\n\n'
        '"Twenty minutes."\n\n'
        '"Too far."'
    )
    result = speakers(text, pair)
    assert [s for _, s, _ in result] == ["izumo", "kotetsu", "izumo", "kotetsu", "izumo"]
    assert [m for _, _, m in result[2:]] == ["turn-taking"] * 3


def test_a_multi_paragraph_speech_keeps_one_speaker(pair, speakers) -> None:
    text = (
        '"Where are we?" Izumo asked.\n\n'
        '"Listen to me," Kotetsu said. "We are close\n\n'
        '"and the gate is near\n\n'
        '"so hold on."\n\n'
        '"Fine."'
    )
    result = speakers(text, pair)
    assert [t for t, _, _ in result][1:4] == [
        "Listen to me, We are close",
        "and the gate is near",
        "so hold on.",
    ]
    assert [s for _, s, _ in result] == ["izumo", "kotetsu", "kotetsu", "kotetsu", "izumo"]


def test_nobody_to_turn_to_gives_an_honest_unknown(pair, speakers) -> None:
    text = 'The road was empty.\n\n"Who goes there?"'
    assert speakers(text, pair) == [("Who goes there?", "unknown", "unknown")]


def test_someone_is_unknown(pair, speakers) -> None:
    text = 'Kotetsu knelt by Izumo.\n\n"Kotetsu!" Someone was pulling him away.'
    assert speakers(text, pair) == [("Kotetsu!", "unknown", "unknown")]


def test_a_missing_line_breaks_turn_taking(pair, speakers) -> None:
    text = '"Where are we?" Izumo asked.\n\n"Fire Country," Kotetsu said.\n\n\n"Let him go!"'
    assert speakers(text, pair)[-1] == ("Let him go!", "unknown", "unknown")


def test_family_words_find_the_relative(speakers) -> None:
    roster = [
        RosterEntry("Mr. Bennet", ("Mr. Bennet",), "male"),
        RosterEntry("Mrs. Bennet", ("Mrs. Bennet",), "female"),
        RosterEntry("Elizabeth Bennet", ("Elizabeth", "Lizzy"), "female"),
    ]
    text = 'Mr. Bennet looked up from his book.\n\n"I am sick of him," cried his wife.'
    assert speakers(text, roster) == [("I am sick of him.", "mrs_bennet", "pronoun")]


def test_thoughts_from_tags_and_from_narration(pair, speakers) -> None:
    from vn.adapt import draft

    text = (
        "Kotetsu ran. Like that coward who bolted, Kotetsu thought with a growl.\n\n"
        '"I must hurry," thought Kotetsu.'
    )
    lines = [(x.kind, x.speaker, x.text) for x in draft(text, pair).lines if x.speaker]
    assert lines == [
        ("thought", "kotetsu", "Like that coward who bolted."),
        ("thought", "kotetsu", "I must hurry."),
    ]


def test_italic_narration_stays_text_without_markers(pair, speakers) -> None:
    from vn.adapt import draft

    lines = [
        x.text
        for x in draft("Kotetsu saw it was _very_ late.", pair).lines
        if x.kind == "narration"
    ]
    assert lines == ["Kotetsu saw it was very late."]


def test_an_italic_sentence_is_the_thought_of_the_character_in_focus(pair) -> None:
    from vn.adapt import draft

    text = "Kotetsu stumbled on. _Almost there, come on!_ His knee buckled."
    lines = [(x.kind, x.speaker, x.text) for x in draft(text, pair).lines]
    assert lines[1:] == [
        ("narration", None, "Kotetsu stumbled on."),
        ("thought", "kotetsu", "Almost there, come on!"),
        ("narration", None, "His knee buckled."),
    ]
