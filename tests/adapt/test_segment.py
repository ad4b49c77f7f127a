"""Paragraphs, titles and quotations, with their source offsets."""

from __future__ import annotations

from vn.adapt.segment import segment


def _quoted(text: str) -> list[str]:
    doc = segment(text)
    return [text[q.start : q.end] for q in doc.quotes]


def test_title_paragraphs_and_gaps() -> None:
    text = "The Long Walk.\n\nFirst paragraph.\n\n\n\nSecond one\nwrapped.\n"
    doc = segment(text)
    assert doc.title == "The Long Walk"
    kinds = [(p.kind, p.gap_before) for p in doc.paragraphs]
    assert kinds == [("title", 0), ("text", 1), ("text", 3)]
    assert text[doc.paragraphs[2].start : doc.paragraphs[2].end] == "Second one\nwrapped."


def test_a_plain_first_sentence_is_not_a_title() -> None:
    assert segment("It was cold and the road was long.\n\nThen it rained.").title is None


def test_straight_and_curly_quotes_with_offsets() -> None:
    text = 'He said, "Go home." She said, “No, never.”'
    doc = segment(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["Go home.", "No, never."]
    first = doc.quotes[0]
    assert text[first.outer_start] == '"' and text[first.outer_end - 1] == '"'


def test_nested_single_quotes_stay_inside() -> None:
    assert _quoted("\"He told me 'run', so I ran,\" she said.") == ["He told me 'run', so I ran,"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert _quoted("\"'Tetsu, I love you,\" he slurred. It's Izumo's.") == ["'Tetsu, I love you,"]


def test_a_quotation_over_several_paragraphs_is_one_utterance() -> None:
    text = '"First part of the speech\n\n"second part\n\n"and the end."\n\nNarration.'
    doc = segment(text)
    assert [text[q.start : q.end] for q in doc.quotes] == [
        "First part of the speech",
        "second part",
        "and the end.",
    ]
    assert len({q.utterance for q in doc.quotes}) == 1
    assert [q.closed for q in doc.quotes] == [False, False, True]


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = '"Come back\n\nShe did not.'
    doc = segment(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["Come back"]


def test_a_quoted_label_inside_a_sentence_is_not_speech() -> None:
    text = 'It was labelled "ORANGE MARMALADE", but it was empty.'
    assert _quoted(text) == []


def test_british_single_quotes() -> None:
    text = "‘I can’t,’ said Alice. ‘Not today.’"
    assert _quoted(text) == ["I can’t,", "Not today."]


def test_chapter_headings_and_breaks() -> None:
    doc = segment("CHAPTER I.\nThe Start\n\nText here.\n\n* * *\n\nMore text.")
    assert [p.kind for p in doc.paragraphs] == ["heading", "text", "break", "text"]
