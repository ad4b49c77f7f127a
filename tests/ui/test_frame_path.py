"""The cheaper frame: drawn straight on a 1280x720 window, scaled without filtering only while
a transition moves the picture, a dissolve through an alpha-channel copy, a baked text box."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from vn.script import Script
from vn.ui import transitions
from vn.ui.app import App
from vn.ui.canvas import SIZE, Viewport
from vn.ui.picture import Picture
from vn.ui.screens.game import GameScreen
from vn.ui.textbox import BOX, Speech


def game_on(app: App) -> GameScreen:
    game = GameScreen(app)
    app.push(game)
    return game


def test_a_window_of_the_canvas_size_is_drawn_on_directly(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    assert app.canvas.surface is app.window
    game_on(app)
    app.render(force=True)
    path = app.save_screenshot()
    assert path is not None
    shot = pygame.image.load(str(path))
    assert shot.get_size() == SIZE
    assert shot.get_at((640, 200)) == app.window.get_at((640, 200))


def test_any_other_window_gets_a_canvas_at_its_own_resolution(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini, window_size=(1920, 1080))
    assert app.canvas.surface is not app.window
    assert app.canvas.get_size() == SIZE
    assert app.canvas.surface.get_size() == (1920, 1080)
    assert app.canvas.scale == 1.5
    assert app.fonts.scale == app.images.scale == 1.5


def test_dissolve_through_the_alpha_copy_matches_the_plain_blend() -> None:
    pygame.display.init()
    pygame.display.set_mode(SIZE)
    before = pygame.Surface((64, 36)).convert()
    before.fill((200, 40, 40))
    after = pygame.Surface((64, 36)).convert()
    after.fill((40, 90, 200))
    plain, fast = pygame.Surface((64, 36)).convert(), pygame.Surface((64, 36)).convert()
    before, after = Picture(before), Picture(after)
    plain, fast = Picture(plain), Picture(fast)
    copy = after.with_alpha()
    for t in (0.1, 0.3, 0.5, 0.8):
        transitions.dissolve(before, after, t, plain)
        transitions.dissolve(before, after, t, fast, copy)
        got, want = fast.get_at((3, 3)), plain.get_at((3, 3))
        assert all(abs(g - w) <= 1 for g, w in zip(got[:3], want[:3], strict=True)), t
    transitions.dissolve(before, after, 1.0, fast, copy)
    assert fast.get_at((3, 3))[:3] == (40, 90, 200)


def test_the_baked_text_box_looks_like_its_two_layers(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    game = game_on(app)
    box = game.box
    box.show(Speech("Hello.", "dialogue", "Kotetsu", (220, 180, 90)))
    background = app.images.scaled("backgrounds", "forest_edge", SIZE)
    for opacity in (0.3, 0.85, 1.0):
        box.opacity = opacity
        baked = Picture(pygame.Surface(SIZE).convert())
        baked.blit(background, (0, 0))
        box._draw_panel(baked)
        layered = pygame.Surface(SIZE).convert()
        layered.blit(background.surface, (0, 0))
        alpha = round(255 * opacity)
        panel = pygame.Surface(BOX.size, pygame.SRCALPHA)
        fill = (10, 10, 14, round(alpha * 0.92))
        pygame.draw.rect(panel, fill, panel.get_rect(), border_radius=14)
        layered.blit(panel, BOX)
        skin = app.images.scaled("ui", "textbox", BOX.size).surface.copy()
        skin.set_alpha(alpha)
        layered.blit(skin, BOX)
        for point in ((BOX.x + 5, BOX.y + 5), BOX.center, (BOX.right - 30, BOX.bottom - 8)):
            got, want = baked.get_at(point), layered.get_at(point)
            assert all(abs(g - w) <= 3 for g, w in zip(got[:3], want[:3], strict=True)), point


def test_a_window_of_another_pixel_format_is_still_filled() -> None:
    canvas = pygame.Surface((960, 540), depth=32)
    canvas.fill((200, 180, 40))
    window = pygame.Surface((960, 540), depth=16)
    window.fill((255, 255, 255))
    Viewport.fit((960, 540)).present(canvas, window)
    r, g, b = window.get_at((480, 270))[:3]
    assert abs(r - 200) <= 8 and abs(g - 180) <= 8 and abs(b - 40) <= 8


def test_a_viewport_larger_than_the_window_surface_still_presents() -> None:
    canvas = pygame.Surface((640, 360))
    canvas.fill((30, 160, 90))
    window = pygame.Surface((1, 1))  # a resize the viewport has not caught up with
    Viewport.fit((640, 360)).present(canvas, window)
    assert window.get_at((0, 0))[:3] == (30, 160, 90)
