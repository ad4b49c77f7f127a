"""Rendered frames, checked by measuring regions of the canvas."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from vn.script import Script
from vn.script.model import Show
from vn.script.problems import Source
from vn.ui.app import App
from vn.ui.autoplay import press, run_for, start_game
from vn.ui.fonts import STORY, STORY_ITALIC
from vn.ui.images import ImageCache
from vn.ui.picture import Picture
from vn.ui.screens.game import GameScreen, parse_colour
from vn.ui.settings import story_px
from vn.ui.stage import Stage
from vn.ui.textbox import BOX


def mean(surface: pygame.Surface, rect: pygame.Rect) -> float:
    sub = surface.subsurface(rect)
    avg = pygame.transform.average_color(sub)
    return (avg[0] + avg[1] + avg[2]) / 3


def advance_to(game: GameScreen, test: Callable[[GameScreen], bool]) -> None:
    for _ in range(2000):
        if game.line is not None and test(game):
            game.box.complete_page()
            run_for(game.app, 6.0)
            game.app.render(force=True)
            return
        press(game.app)
        game.app.step(1 / 60)
    raise AssertionError("no such line")


def test_dialogue_frame_box_is_darker_and_plate_is_in_the_speaker_colour(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    advance_to(game, lambda g: g.line is not None and g.line.speaker == "kotetsu")
    canvas = app.canvas.surface
    above = pygame.Rect(BOX.x, BOX.y - 120, BOX.width, 100)
    assert mean(canvas, BOX) < mean(canvas, above)
    plate = game.box.plate_rect("Kotetsu")
    colour = parse_colour(mini.characters["kotetsu"].color)
    close = sum(
        1
        for x in range(plate.left, plate.right)
        for y in range(plate.top, plate.bottom)
        if all(abs(c - w) < 24 for c, w in zip(canvas.get_at((x, y))[:3], colour, strict=True))
    )
    assert close > 100
    rows = game.box.pages[0].rows
    assert all(BOX.contains(row.rect) for row in rows)
    assert not rows[0].rect.colliderect(plate)


def test_narration_has_no_name_plate(mini: Script, make_app: Callable[..., App]) -> None:
    app = make_app(mini)
    game = start_game(app)
    advance_to(game, lambda g: g.line is not None and g.line.kind == "narration")
    plate = game.box.plate_rect("Kotetsu")
    strip = pygame.Rect(plate.x, plate.y, plate.width, BOX.y - plate.y)
    before = app.canvas.surface.subsurface(strip).copy()
    advance_to(game, lambda g: g.line is not None and g.line.speaker == "kotetsu")
    after = app.canvas.surface.subsurface(strip)
    assert mean(before, before.get_rect()) != pytest.approx(mean(after, after.get_rect()), abs=2)


def test_thought_is_italic_whisper_smaller_and_fainter(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    advance_to(game, lambda g: g.line is not None and g.line.manner == "whisper")
    px = story_px(app.prefs)
    assert game.box.font().get_height() < app.fonts.get(STORY, px).get_height()
    alpha = game.box._rows[0].surface.get_alpha()
    assert alpha is not None and alpha < 255
    advance_to(game, lambda g: g.line is not None and g.line.kind == "thought")
    assert game.box.font() is app.fonts.get(STORY_ITALIC, px)


def test_a_scream_shakes_while_it_types_then_settles(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    advance_to(game, lambda g: g.line is not None and g.line.manner == "scream")
    region = pygame.Rect(BOX.x, BOX.y + 20, BOX.width, 80)
    game.box.show(game.box.speech)  # type it out again
    frames = []
    for _ in range(4):
        run_for(app, 0.05)
        game.box.complete_page()
        app.render(force=True)
        frames.append(pygame.image.tobytes(app.canvas.surface.subsurface(region), "RGB"))
    assert len(set(frames)) > 1
    run_for(app, 4.0)
    app.render(force=True)
    settled = pygame.image.tobytes(app.canvas.surface.subsurface(region), "RGB")
    run_for(app, 0.3)
    app.render(force=True)
    assert pygame.image.tobytes(app.canvas.surface.subsurface(region), "RGB") == settled


def test_text_size_reflows_the_line(mini: Script, make_app: Callable[..., App]) -> None:
    app = make_app(mini)
    game = start_game(app)
    advance_to(game, lambda g: g.line is not None and len(g.line.text) > 300)
    medium = [len(page.rows) for page in game.box.pages]
    game.box.reflow(34)
    large = [len(page.rows) for page in game.box.pages]
    assert sum(large) > sum(medium)


def test_dissolve_half_way_differs_from_both_ends(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    stage = Stage(app.images, {"kotetsu": "kotetsu"}, BOX.top)
    stage.background = "forest_deep"
    start = stage.picture().copy()
    wait = stage.apply(
        Show("s", Source("f", 1, 1), "kotetsu", "default", "center", "dissolve", 1.0)
    )
    assert wait == 1.0
    end = stage.picture().copy()
    stage.update(0.5)
    middle = Picture.blank(start.get_size(), start.scale)
    stage.draw(middle)
    probe = stage.sprite_rect(stage.sprites[0], (460, 640)).center
    values = [s.get_at(probe)[:3] for s in (start, middle, end)]
    assert values[0] != values[1] != values[2]
    for low, mid, high in zip(values[0], values[1], values[2], strict=True):
        assert min(low, high) <= mid <= max(low, high)


def test_busts_keep_their_heads_above_the_text_box(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    stage = Stage(app.images, {}, BOX.top)
    for height in (400, 640, 720):
        show = Show("s", Source("f", 1, 1), "kotetsu", "default", "left", "cut", 0)
        stage.apply(show)
        rect = stage.sprite_rect(stage.sprites[0], (460, height))
        assert rect.top + 0.42 * height <= BOX.top + 1
        assert rect.top >= -height // 2


def test_letterbox_bars_are_black_at_a_tall_window(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini, window_size=(1000, 800))
    app.show_title()
    app.render(force=True)
    window = pygame.display.get_surface()
    assert window.get_size() == (1000, 800)
    view = app.viewport
    assert view.offset[1] > 0
    assert window.get_at((500, view.offset[1] // 2))[:3] == (0, 0, 0)
    assert window.get_at((500, 799))[:3] == (0, 0, 0)
    assert mean(window, pygame.Rect(0, view.offset[1], 1000, view.size[1])) > 5
    x, y = view.to_canvas((500, 400))
    assert abs(x - 640) <= 1 and abs(y - 360) <= 1


def test_a_missing_asset_is_a_visible_placeholder() -> None:
    images = ImageCache(lambda kind, name: None)
    image = images.get("backgrounds", "nowhere")
    assert image.get_size() == (1280, 720)
    assert image.get_at((5, 5))[:3] == (255, 0, 255)
    assert images.get("backgrounds", "nowhere") is image
    assert images.scaled("backgrounds", "nowhere", (640, 360)) is images.scaled(
        "backgrounds", "nowhere", (640, 360)
    )
