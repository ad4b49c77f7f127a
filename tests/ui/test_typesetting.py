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


@pytest.mark.parametrize("scale", [1.0, 0.75, 1.5, 2.0])
@pytest.mark.parametrize("size", sorted(TEXT_SIZES))
def test_every_line_of_the_story_stays_inside_the_box(
    story: Script, fonts: FontBook, size: str, scale: float
) -> None:
    """At every text size, and in windows smaller and larger than the canvas (fonts opened at
    the window's scale), every row is laid out inside the text area and its rendered pixels
    end inside the box."""
    fonts = FontBook(dict(fonts._files))  # a book of its own: the module's stays at scale 1
    fonts.scale = scale
    images = ImageCache(lambda kind, name: None)
    box = TextBox(fonts, images, TEXT_SIZES[size], cps=0)
    right_edge = round(TEXT_AREA.right * scale) + 2
    for line in story.lines():
        kind = "thought" if line.kind == "thought" else line.kind
        box.show(Speech(line.text, kind, "Name" if line.speaker else "", manner=line.manner))
        words = []
        for index, page in enumerate(box.pages):
            assert page.rows, line.id
            if index:
                box.next_page()
            for row, picture in zip(page.rows, box._rows, strict=True):
                assert TEXT_AREA.contains(row.rect), (size, line.id, row.text)
                assert BOX.contains(row.rect)
                left = round(row.rect.x * scale)
                assert left + picture.surface.get_width() <= right_edge, (scale, line.id)
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
