"""Closing the window: the title quits at once; mid-story it asks, and a second close is yes."""

from __future__ import annotations

import json
from collections.abc import Callable

import pygame

from vn.script import Script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import press, run_for, start_game, top
from vn.ui.screens.confirm import QUIT_QUESTION, ConfirmScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.saveload import register_saves


def close_window(app: App) -> None:
    app.handle_event(pygame.event.Event(pygame.QUIT))


def reading(make_app: Callable[..., App], script: Script) -> tuple[App, GameScreen]:
    app = make_app(script)
    register_saves(app)
    start_game(app)
    game = top(app)
    while not (isinstance(game, GameScreen) and game.line is not None):
        press(app)
        run_for(app, 0.1)
        game = top(app)
    return app, game


def test_closing_on_the_title_quits_at_once(mini: Script, make_app: Callable[..., App]) -> None:
    app = make_app(mini)
    app.show_title()
    close_window(app)
    assert not app.running


def test_closing_mid_story_asks_and_no_changes_nothing(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, game = reading(make_app, mini)
    before = json.dumps(game.engine.to_json(), sort_keys=True)
    close_window(app)
    asking = top(app)
    assert isinstance(asking, ConfirmScreen)
    assert app.running
    app.dispatch(a.Action(a.MENU))  # Esc answers no
    run_for(app, 0.1)
    assert app.running
    assert top(app) is game
    assert json.dumps(game.engine.to_json(), sort_keys=True) == before


def test_closing_twice_quits(mini: Script, make_app: Callable[..., App]) -> None:
    app, _ = reading(make_app, mini)
    close_window(app)
    assert app.running
    close_window(app)
    assert not app.running


def test_the_question_says_the_place_is_kept() -> None:
    assert "autosave" in QUIT_QUESTION
