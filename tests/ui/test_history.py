"""The history screen: exactly the lines read, scrolled, and a game left untouched by it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from vn.script import Script
from vn.script.model import Line
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import press, run_for, start_game, top
from vn.ui.screens.game import GameScreen
from vn.ui.screens.gamemenu import register_comforts
from vn.ui.screens.history import ROW_HEIGHT, TEXT_WIDTH, VIEW, HistoryScreen, entries


def game_state(game: GameScreen) -> dict[str, Any]:
    """Everything a player could notice about the game screen, as plain data."""
    return {
        "engine": game.engine.to_json(),
        "line": game.line.id if game.line else None,
        "page": game.box.page_index,
        "shown": game.box.typewriter.shown,
        "hidden": game.hidden,
        "wait": game.wait,
        "stage": (game.stage.background, game.stage.overlay, list(game.stage.sprites)),
        "box": game.box.visible,
    }


def read_lines(app: App, count: int) -> GameScreen:
    game = start_game(app)
    while game.lines_shown < count:
        press(app)
        run_for(app, 0.1)
    return game


def key(app: App, code: int) -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))


def open_history(app: App) -> HistoryScreen:
    press(app, a.HISTORY)
    screen = top(app)
    assert isinstance(screen, HistoryScreen)
    return screen


def test_history_lists_exactly_the_lines_read(make_app: Callable[..., App], mini: Script) -> None:
    app = make_app(mini)
    register_comforts(app)
    game = read_lines(app, 4)
    screen = open_history(app)
    read = [line for line in mini.lines()][:4]
    assert [e.id for e in screen.entries] == [line.id for line in read]
    assert [e.id for e in screen.entries] == list(game.engine.history)
    assert [e.text for e in screen.entries] == [line.text for line in read]
    assert [e.name for e in screen.entries] == ["", "Kotetsu", "Izumo", "Kotetsu"]
    assert screen.entries[1].colour == (0xE3, 0xA9, 0x48)
    assert [e.kind for e in screen.entries][-1] == "thought"


def test_closing_the_history_leaves_the_game_as_it_was(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    register_comforts(app)
    game = read_lines(app, 3)
    before = game_state(game)
    for closing in (a.MENU, a.HISTORY, a.ADVANCE):
        screen = open_history(app)
        press(app, a.ROLLBACK)
        press(app, a.UP)
        run_for(app, 0.5)
        app.render(force=True)
        press(app, closing)
        assert top(app) is game, closing
        assert game_state(game) == before, closing
    assert screen.entries


def test_history_opens_at_the_bottom_and_scrolls(
    make_app: Callable[..., App], story: Script
) -> None:
    app = make_app(story)
    register_comforts(app)
    read_lines(app, 40)
    screen = open_history(app)
    assert screen.max_scroll > VIEW.height
    assert screen.scroll == screen.max_scroll
    press(app, a.UP)
    assert screen.scroll == screen.max_scroll - ROW_HEIGHT
    app.handle_event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    assert screen.scroll == screen.max_scroll - 4 * ROW_HEIGHT
    key(app, pygame.K_PAGEUP)
    assert screen.scroll == screen.max_scroll - 4 * ROW_HEIGHT - (VIEW.height - ROW_HEIGHT)
    key(app, pygame.K_HOME)
    assert screen.scroll == 0
    press(app, a.UP)
    assert screen.scroll == 0
    key(app, pygame.K_PAGEDOWN)
    assert screen.scroll == VIEW.height - ROW_HEIGHT
    press(app, a.END)
    assert screen.scroll == screen.max_scroll
    press(app, a.ROLL_FORWARD)
    assert screen.scroll == screen.max_scroll


def test_history_wraps_long_lines_inside_its_column(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    long_line = next(line for line in mini.lines() if len(line.text) > 300)
    screen = HistoryScreen(app, entries(mini, [long_line.id]))
    rows = screen.placed[0].rows
    assert len(rows) > 3
    assert " ".join(rows) == long_line.text
    font = screen._font(screen.entries[0])
    assert all(font.size(row)[0] <= TEXT_WIDTH for row in rows)


def test_history_skips_ids_the_script_no_longer_has(mini: Script) -> None:
    first = next(iter(mini.lines()))
    assert isinstance(first, Line)
    found = entries(mini, ["woods/gone", first.id, "nowhere"])
    assert [e.id for e in found] == [first.id]


def test_history_without_a_game_is_empty_and_still(
    make_app: Callable[..., App], mini: Script
) -> None:
    app = make_app(mini)
    register_comforts(app)
    app.show_title()
    assert app.open("history")
    screen = top(app)
    assert isinstance(screen, HistoryScreen)
    assert screen.entries == []
    press(app, a.END)
    assert screen.scroll == screen.max_scroll == 0
    press(app, a.MENU)
    assert top(app) is not screen
