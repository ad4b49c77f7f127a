from __future__ import annotations

import pygame
import pytest

from vn.script import Script
from vn.ui.fonts import FontBook
from vn.ui.images import ImageCache
from vn.ui.settings import TEXT_SIZES
from vn.ui.textbox import BOX, TEXT_AREA, Speech, TextBox
from vn.ui.typesetting import layout, wrap
from vn.ui.typewriter import Typewriter


@pytest.fixture(scope="module")
def fonts() -> FontBook:
    pygame.font.init()
    return FontBook()


def test_wrap_measures_with_the_font_and_breaks_overlong_words(fonts: FontBook) -> None:
    font = fonts.get("story", 29)
    rows = wrap("a " * 80 + "x" * 200, font, 400)
    assert all(font.size(row)[0] <= 400 for row in rows)
    assert "".join(rows).replace(" ", "") == "a" * 80 + "x" * 200


def test_layout_pages_a_long_text_and_keeps_every_word(fonts: FontBook) -> None:
    font = fonts.get("story", 29)
    text = " ".join(f"word{i}" for i in range(300))
    pages = layout(text, font, TEXT_AREA, 41)
    assert len(pages) > 1
    assert " ".join(row.text for page in pages for row in page.rows) == text


@pytest.mark.parametrize("size", sorted(TEXT_SIZES))
def test_every_line_of_the_story_stays_inside_the_box(
    story: Script, fonts: FontBook, size: str
) -> None:
    images = ImageCache(lambda kind, name: None)
    box = TextBox(fonts, images, TEXT_SIZES[size], cps=0)
    for line in story.lines():
        kind = "thought" if line.kind == "thought" else line.kind
        box.show(Speech(line.text, kind, "Name" if line.speaker else "", manner=line.manner))
        words = []
        for page in box.pages:
            assert page.rows, line.id
            for row in page.rows:
                assert TEXT_AREA.contains(row.rect), (size, line.id, row.text)
                assert BOX.contains(row.rect)
                words.extend(row.text.split())
        assert words == line.text.split(), line.id


def test_typewriter_reveals_at_its_rate_and_zero_is_instant() -> None:
    writer = Typewriter(total=100, cps=40)
    writer.update(0.5)
    assert writer.shown == 20
    assert not writer.done
    writer.complete()
    assert writer.done
    assert Typewriter(total=100, cps=0).done
