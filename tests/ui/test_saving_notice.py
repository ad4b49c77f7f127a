"""Notices: shown over the screen, newest last, faded in and out, gone on their own."""

from __future__ import annotations

import pygame

from vn.ui.canvas import SIZE
from vn.ui.fonts import FontBook
from vn.ui.notice import FADE_SECONDS, LEFT, MAX_SHOWN, TOP, NoticeBoard
from vn.ui.picture import Picture


def drawn(board: NoticeBoard) -> pygame.Surface:
    canvas = Picture.blank(SIZE, 1.0)
    board.draw(canvas, FontBook())
    return canvas.surface


def lit(canvas: pygame.Surface) -> int:
    """How many pixels of the notice strip are not black."""
    strip = canvas.subsurface((LEFT, TOP, 600, 60))
    return sum(
        1
        for x in range(0, 600, 4)
        for y in range(0, 60, 2)
        if strip.get_at((x, y))[:3] != (0, 0, 0)
    )


def test_a_notice_fades_in_stays_and_goes() -> None:
    pygame.font.init()
    board = NoticeBoard()
    board.post("Quick saved")
    assert board.animating and board.dirty
    assert lit(drawn(board)) == 0  # fully transparent at its first instant
    board.update(FADE_SECONDS)
    shown = drawn(board)
    assert lit(shown) > 50
    assert not board.dirty
    board.update(10.0)
    assert board.texts == [] and not board.animating
    assert board.dirty  # one more frame to wipe it
    assert lit(drawn(board)) == 0


def test_the_same_notice_is_not_stacked_and_only_a_few_show() -> None:
    board = NoticeBoard()
    board.post("Quick saved")
    board.post("Quick saved")
    assert board.texts == ["Quick saved"]
    for index in range(MAX_SHOWN + 2):
        board.post(f"Notice {index}")
    assert board.texts == [f"Notice {i}" for i in range(2, MAX_SHOWN + 2)]
    board.post("   ")
    assert len(board.texts) == MAX_SHOWN
