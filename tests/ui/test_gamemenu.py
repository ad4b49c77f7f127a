"""The game menu: opens over the game, asks before anything unsaved is lost."""

from __future__ import annotations

from collections.abc import Callable

from vn.script import Script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import press, start_game, top
from vn.ui.screens.confirm import ConfirmScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.gamemenu import GameMenuScreen, register_comforts
from vn.ui.screens.history import HistoryScreen
from vn.ui.screens.title import TitleScreen

LABELS = ["Resume", "Save", "Load", "History", "Preferences", "Main menu", "Quit"]


def open_menu(
    make_app: Callable[..., App], script: Script
) -> tuple[App, GameScreen, GameMenuScreen]:
    app = make_app(script)
    register_comforts(app)
    game = start_game(app)
    press(app, a.MENU)
    menu = top(app)
    assert isinstance(menu, GameMenuScreen)
    return app, game, menu


def choose(app: App, menu: GameMenuScreen, label: str) -> None:
    """Click the button by its label, as the mouse would."""
    index = [item.label for item in menu.menu.items].index(label)
    press(app, a.ADVANCE, pos=menu.menu.rects[index].center)


def test_the_menu_has_every_entry_and_draws_over_the_game(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game, menu = open_menu(make_app, mini)
    assert [item.label for item in menu.menu.items] == LABELS
    assert not menu.opaque
    assert app.stack.screens[-2:] == (game, menu)


def test_escape_and_resume_return_to_the_game(make_app: Callable[..., App], mini: Script) -> None:
    app, game, _ = open_menu(make_app, mini)
    press(app, a.MENU)
    assert top(app) is game
    press(app, a.MENU)
    choose(app, top(app), "Resume")  # type: ignore[arg-type]
    assert top(app) is game


def test_quit_asks_first(make_app: Callable[..., App], mini: Script) -> None:
    app, _, menu = open_menu(make_app, mini)
    choose(app, menu, "Quit")
    assert isinstance(top(app), ConfirmScreen)
    assert app.running
    press(app, a.MENU)  # Esc answers no
    assert top(app) is menu
    assert app.running
    choose(app, menu, "Quit")
    press(app, a.LEFT)  # to "Yes"
    press(app)
    assert not app.running


def test_main_menu_asks_first_then_goes_to_the_title(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, _, menu = open_menu(make_app, mini)
    for _ in range(LABELS.index("Main menu")):
        press(app, a.DOWN)
    press(app)  # the keyboard chooses it
    question = top(app)
    assert isinstance(question, ConfirmScreen)
    assert "lost" in question.question
    press(app)  # "No" has the focus
    assert top(app) is menu
    choose(app, menu, "Main menu")
    press(app, a.ADVANCE, pos=top(app).menu.rects[0].center)  # type: ignore[union-attr]
    assert isinstance(top(app), TitleScreen)
    assert len(app.stack.screens) == 1


def test_history_from_the_menu_returns_to_the_menu(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, _, menu = open_menu(make_app, mini)
    choose(app, menu, "History")
    assert isinstance(top(app), HistoryScreen)
    press(app, a.MENU)
    assert top(app) is menu


def test_a_click_beside_the_buttons_does_not_reach_the_game(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game, menu = open_menu(make_app, mini)
    shown = game.lines_shown
    press(app, a.ADVANCE, pos=(20, 20))
    assert top(app) is menu
    assert game.lines_shown == shown
