"""Dialogue tags: where they sit, which words name the speaker, what manner they carry."""

from __future__ import annotations

import pytest

from vn.adapt.tags import after_tag, before_tag, manner_in, sentences


def _after(text: str):
    return after_tag(text, 0, len(text))


@pytest.mark.parametrize(
    ("text", "subject", "manner"),
    [
        (" Izumo insisted.", "Izumo", None),
        (" said his lady to him one day,", "his lady to him one day,", None),
        (" the older man snapped before facing forward again.", "the older man", None),
        (" he slurred.", "he", "slur"),
        (" Iwashi screamed at him.", "Iwashi", "scream"),
        (" she whispered.", "she", "whisper"),
        (" he muttered darkly.", "he", "murmur"),
        (" yelled Genma.", "Genma", "shout"),
        (" Kotetsu asked with a pant as he moved.", "Kotetsu", "pant"),
        (" she suddenly sobbed.", "she", "sob"),
        (" cried Mrs. Bennet.", "Mrs. Bennet.", None),
    ],
)
def test_after_tags(text: str, subject: str, manner: str | None) -> None:
    tag = _after(text)
    assert tag is not None
    assert tag.subject is not None and tag.subject.rstrip(".") == subject.rstrip(".")
    assert tag.manner == manner


def test_a_short_tag_is_kept_out_of_the_narration_and_a_long_one_is_not() -> None:
    short = _after(" Kotetsu exclaimed, alarmed. He turned.")
    assert (
        short is not None and short.removable and short.end == len(" Kotetsu exclaimed, alarmed.")
    )
    long = _after(" Iwashi screamed at him as he hugged him from behind, gripping his wrists.")
    assert long is not None and not long.removable and long.start == long.end


@pytest.mark.parametrize(
    "text",
    [" He said nothing.", " Izumo swallowed hard.", " He laughed.", " The two were silent."],
)
def test_actions_are_not_tags(text: str) -> None:
    assert _after(text) is None


def test_a_reply_without_a_speaker_keeps_its_manner() -> None:
    tag = _after(" was the choked reply from behind him.")
    assert tag is not None and tag.subject is None and tag.manner == "choke"


def test_thought_tags() -> None:
    tag = _after(" thought Alice.")
    assert tag is not None and tag.thought and tag.subject == "Alice."


def test_before_tags_need_a_comma_or_colon() -> None:
    text = "Then she said, "
    tag = before_tag(text, 0, len(text))
    assert tag is not None and "she" in tag.candidates and tag.removable
    assert before_tag("She said it. ", 0, 13) is None


def test_before_tag_skips_adverbs_and_addressees() -> None:
    text = "After a while, Mr. Bennet coolly observed, "
    tag = before_tag(text, 0, len(text))
    assert tag is not None and "Mr. Bennet" in tag.candidates[:2]
    text = "Lady Catherine approached and said to Darcy, "
    tag = before_tag(text, 0, len(text))
    assert tag is not None and all("Darcy" not in c for c in tag.candidates)


def test_manner_phrases() -> None:
    assert manner_in("he said with a slight slur") == "slur"
    assert manner_in("in a low whisper") == "whisper"
    assert manner_in("he said") is None


def test_sentences_do_not_end_at_titles() -> None:
    text = "Mr. Bennet came in. He sat down!"
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Mr. Bennet came in.",
        "He sat down!",
    ]
