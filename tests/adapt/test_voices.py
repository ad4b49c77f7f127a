"""Voices heard rather than seen: "an angry voice--Izumo's--", "then a voice she did not know"."""

from __future__ import annotations

from vn.adapt.tags import NEW_VOICE, voice_before


def _who(speakers, text: str, roster) -> list[tuple[str, str]]:
    opening = "The hall was dark, and nobody had lit the lamps.\n\n"
    return [(speaker, method) for _, speaker, method in speakers(opening + text, roster)]


def test_a_named_voice_before_a_quotation_is_its_speaker(pair, speakers) -> None:
    text = (
        'Anko waited by the door. Next came an angry voice--Izumo\'s--"Where are you?"\n\n'
        '"Here," said Kotetsu.'
    )
    assert _who(speakers, text, pair)[0] == ("izumo", "tag")


def test_the_voice_of_someone_names_them(pair, speakers) -> None:
    text = 'Anko listened. Then came the voice of Kotetsu, low and tired: "Go home."'
    assert _who(speakers, text, pair)[0] == ("kotetsu", "tag")


def test_a_new_voice_is_the_one_just_called_by_name(pair, speakers) -> None:
    text = (
        'Anko hid behind the door. "Izumo! Izumo! Where are you?" said Kotetsu. '
        'And then a voice she had never heard before, "Right here!"\n\n'
        '"Come and help me," said Kotetsu.'
    )
    assert _who(speakers, text, pair)[:2] == [("kotetsu", "tag"), ("izumo", "vocative")]


def test_a_new_voice_nobody_called_stays_unknown(pair, speakers) -> None:
    text = (
        '"Where is everyone?" said Kotetsu. '
        'And then a voice she had never heard before, "Right here!"'
    )
    assert _who(speakers, text, pair) == [("kotetsu", "tag"), ("unknown", "unknown")]


def test_voice_before_needs_a_clause_that_leads_into_the_quotation() -> None:
    text = "He had a pleasant voice. "
    assert voice_before(text, 0, len(text)) is None
    text = "then a strange voice, "
    tag = voice_before(text, 0, len(text))
    assert tag is not None and tag.subject == NEW_VOICE
