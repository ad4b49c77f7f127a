"""A large window or a high-DPI screen gets the canvas drawn at its own resolution: text is
rendered at the size it is shown at, never smoothscaled up from 1280x720."""

from __future__ import annotations

from collections.abc import Callable

import numpy
import pygame
import pytest

from vn.script import Script
from vn.ui.app import App
from vn.ui.autoplay import press, run_for, start_game
from vn.ui.canvas import SIZE, first_window_size
from vn.ui.fonts import STORY_ITALIC
from vn.ui.picture import Picture
from vn.ui.screens.card import TitleCard
from vn.ui.screens.game import GameScreen
from vn.ui.screens.title import TitleScreen
from vn.ui.textbox import TEXT_AREA


def dialogue(app: App) -> GameScreen:
    """The mini story's first spoken line, typed out, drawn."""
    game = start_game(app)
    for _ in range(2000):
        if game.line is not None and game.line.kind == "dialogue":
            game.box.complete_page()
            run_for(app, 6.0)
            app.render(force=True)
            return game
        press(app)
        app.step(1 / 60)
    raise AssertionError("no dialogue line")


def hard_edges(surface: pygame.Surface) -> int:
    """Neighbouring pixels whose brightness jumps by over 120 of 255: the edges of glyphs
    drawn at the resolution they are shown at; an upscale spreads each jump over two."""
    grey = numpy.asarray(pygame.surfarray.array3d(surface), dtype=float).mean(axis=2)
    return int((numpy.abs(numpy.diff(grey, axis=0)) > 120).sum())


@pytest.mark.parametrize(
    ("desktop", "window"),
    [
        (None, SIZE),
        ((1024, 768), SIZE),
        ((1920, 1080), SIZE),
        ((2560, 1440), (1920, 1080)),
        ((3840, 2160), (2560, 1440)),
        ((5120, 2880), (3840, 2160)),
    ],
)
def test_the_first_window_is_as_large_on_screen_as_the_desktop_allows(
    desktop: tuple[int, int] | None, window: tuple[int, int]
) -> None:
    assert first_window_size(desktop) == window


def test_text_in_a_2x_window_is_rendered_at_2x_and_is_sharper_than_an_upscale(
    make_app: Callable[..., App], mini: Script
) -> None:
    area = TEXT_AREA.inflate(0, -TEXT_AREA.height // 2).move(0, -TEXT_AREA.height // 4)
    small = make_app(mini)  # the display is one per process: take what it drew first
    line = dialogue(small).box
    at_720 = small.canvas.surface.subsurface(area).copy()
    large = make_app(mini, window_size=(2560, 1440))
    assert large.canvas.scale == 2.0
    big_box = dialogue(large).box
    row = big_box._rows[0]
    assert row.scale == 2.0
    px = round(big_box.font().font.get_height() / 2)
    assert abs(px - line.font().get_height()) <= 1, "the same type size in canvas units"
    assert row.surface.get_height() >= 2 * line._rows[0].surface.get_height() - 2
    drawn = large.canvas.surface.subsurface(large.canvas.pixels(area))
    upscaled = pygame.transform.smoothscale(at_720, drawn.get_size())  # what 720p drawing gave
    assert hard_edges(drawn) > 300
    assert hard_edges(upscaled) < hard_edges(drawn) / 10


def test_a_resize_draws_the_line_again_at_the_new_scale_where_the_typing_was(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    game = start_game(app)
    for _ in range(2000):
        if game.line is not None and game.line.kind == "dialogue":
            break
        press(app)
        app.step(1 / 60)
    app.step(0.2)
    shown = game.box.typewriter.shown
    assert 0 < shown < game.box.typewriter.total
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    app.handle_event(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080))
    assert app.canvas.scale == 1.5
    assert app.canvas.surface.get_size() == (1920, 1080)
    assert {row.scale for row in game.box._rows} == {1.5}
    assert game.box.typewriter.shown == shown
    assert app.render()
    assert game.stage.picture().scale == 1.5


def test_a_click_in_a_2x_window_lands_on_the_button_drawn_there(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini, window_size=(2560, 1440))
    app.show_title()
    app.render(force=True)
    title = app.stack.top
    assert isinstance(title, TitleScreen)
    load = title.menu.rects[1]
    window_pos = (load.centerx * 2, load.centery * 2)
    app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=window_pos, rel=(0, 0), buttons=()))
    assert title.menu.focus == 1


# ----- Picture ---------------------------------------------------------------------------


def test_rectangles_that_touch_still_touch_at_any_scale() -> None:
    picture = Picture.blank((100, 100), 1.5)
    left, right = picture.pixels((0, 0, 33, 10)), picture.pixels((33, 0, 33, 10))
    assert left.right == right.left
    assert picture.pixels((0, 0, 100, 100)).size == picture.surface.get_size()


def test_at_scale_1_a_picture_draws_exactly_what_its_surface_would() -> None:
    plain = pygame.Surface((80, 60), pygame.SRCALPHA)
    pygame.draw.rect(plain, (200, 100, 50, 255), (5, 5, 50, 30), width=2, border_radius=7)
    pygame.draw.line(plain, (10, 220, 30, 255), (0, 59), (79, 0), 2)
    picture = Picture.blank((80, 60), 1.0, alpha=True)
    picture.rect((200, 100, 50, 255), (5, 5, 50, 30), width=2, border_radius=7)
    picture.line((10, 220, 30, 255), (0, 59), (79, 0), 2)
    assert pygame.image.tobytes(picture.surface, "RGBA") == pygame.image.tobytes(plain, "RGBA")


def test_a_picture_drawn_at_another_scale_is_resampled_to_fit() -> None:
    old = Picture.blank((40, 20), 1.0)
    old.fill((250, 10, 10))
    canvas = Picture.blank((100, 100), 2.0)
    canvas.blit(old, (10, 10))
    assert canvas.surface.get_at((20, 20))[:3] == (250, 10, 10)
    assert canvas.surface.get_at((20 + 79, 20 + 39))[:3] == (250, 10, 10)
    assert canvas.surface.get_at((20 + 81, 20 + 41))[:3] == (0, 0, 0)


def test_a_title_card_shown_through_a_resize_is_drawn_again_at_the_new_scale(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    card = TitleCard("The forest", app.fonts)
    assert card._text.scale == 1.0
    pygame.display.set_mode((2560, 1440), pygame.RESIZABLE)
    app.handle_event(pygame.event.Event(pygame.VIDEORESIZE, w=2560, h=1440))
    card.update(1.0)
    card.draw(app.canvas)
    assert card._text.scale == 2.0
    assert card._text.surface.get_height() > 2 * app.fonts.get(STORY_ITALIC, 44).get_height() - 4
