"""The whole story, played through the action layer from the title to the ending and back."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from vn.script import Script
from vn.script.dialogue import records
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import play_to_end, press, run_for, start_game, top
from vn.ui.screens.ending import EndingScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.title import TitleScreen


def expected_lines(script: Script) -> list[tuple[str, str, str, str]]:
    return [
        (r["id"], r["kind"], r["speaker"], " ".join(r["text"].split())) for r in records(script)
    ]


def test_the_adaptation_plays_every_exported_line_in_order(
    story: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(story)
    start_game(app)
    shown = play_to_end(app)
    assert [(s.id, s.kind, s.speaker, s.text) for s in shown] == expected_lines(story)
    assert isinstance(top(app), EndingScreen)
    press(app)  # ends the fade-in of the card
    press(app)  # back to the title
    assert isinstance(top(app), TitleScreen)
    assert len(app.stack.screens) == 1


def test_the_small_script_plays_with_pages_manners_and_effects(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    start_game(app)
    shown = play_to_end(app)
    assert [(s.id, s.kind, s.speaker, s.text) for s in shown] == expected_lines(mini)
    long_line = max(shown, key=lambda s: len(s.text))
    assert len(long_line.pages) > 1
    assert isinstance(top(app), EndingScreen)


def test_mouse_release_advances_and_press_does_not(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    while game.line is None:
        press(app)
    first = game.line
    assert not game.box.page_complete
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(600, 300))
    up = pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(600, 300))
    app.handle_event(down)
    assert not game.box.page_complete
    app.handle_event(up)
    assert game.box.page_complete
    app.handle_event(down)
    assert game.line == first
    app.handle_event(up)
    assert game.line != first


def test_a_finished_line_stops_asking_for_frames(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    while game.line is None:
        press(app)
    assert game.animating
    run_for(app, 6.0)
    assert game.line_complete
    assert not app.stack.animating
    app.render()
    assert app.render() is False
    run_for(app, 1.0)
    assert app.render() is False


def test_title_menu_takes_keyboard_focus_hover_and_clicks(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    app.show_title()
    title = top(app)
    assert isinstance(title, TitleScreen)
    press(app, a.DOWN)
    assert title.menu.focus == 1
    press(app, a.UP)
    press(app, a.UP)
    assert title.menu.focus == 3  # wraps to Quit
    title.pointer(title.menu.rects[2].center)
    assert title.menu.focus == 2
    press(app, a.ADVANCE, pos=title.menu.rects[1].center)  # Load opens its screen
    assert top(app) is not title
    press(app, a.MENU)  # and Esc closes it
    assert top(app) is title
    press(app, a.ADVANCE, pos=(5, 5))  # a click beside the buttons does nothing
    assert top(app) is title
    press(app, a.ADVANCE, pos=title.menu.rects[3].center)
    assert app.running is False


def test_rollback_redraws_the_previous_line_and_roll_forward_returns(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    ids = []
    while len(ids) < 3:
        press(app)
        run_for(app, 0.05)
        if game.line is not None and game.line_complete and (not ids or ids[-1] != game.line.id):
            ids.append(game.line.id)
    press(app, a.ROLLBACK)
    assert game.line is not None and game.line.id == ids[-2]
    assert game.line_complete
    assert [(s.character, s.expression, s.at) for s in game.stage.sprites] == list(
        game.engine.state.sprites
    )
    press(app, a.ROLL_FORWARD)
    assert game.line is not None and game.line.id == ids[-1]


def test_actions_without_a_screen_are_ignored(mini: Script, make_app: Callable[..., App]) -> None:
    app = make_app(mini)
    game = start_game(app)
    for name in (a.MENU, a.HISTORY, a.QUICKSAVE, a.QUICKLOAD, a.AUTO, a.SELF_VOICING):
        press(app, name)
        assert top(app) is game
    assert isinstance(game, GameScreen)
