"""The save and load screens, driven by actions and real pygame events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from vn.save import SlotStatus
from vn.script import Script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import press, start_game, to_line, top
from vn.ui.saving import Saving
from vn.ui.screens.confirm import ConfirmScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.saveload import SaveLoadScreen, register_saves


def in_game(make_app: Callable[..., App], script: Script) -> tuple[App, Saving, GameScreen]:
    app = make_app(script)
    saving = register_saves(app)
    start_game(app)
    return app, saving, to_line(app, 2)


def open_screen(app: App, name: str) -> SaveLoadScreen:
    assert app.open(name)
    screen = top(app)
    assert isinstance(screen, SaveLoadScreen)
    return screen


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def click(app: App, pos: tuple[int, int], button: int = 1) -> None:
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=pos))
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=button, pos=pos))


def key(app: App, code: int) -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0))
    app.handle_event(pygame.event.Event(pygame.KEYUP, key=code, mod=0))


def test_enter_saves_in_an_empty_slot_and_the_slot_shows_it(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = in_game(make_app, mini)
    screen = open_screen(app, "save")
    assert [p.label for p in screen.pages] == ["1", "2", "3"]
    assert len(screen.slots) == 6
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert screen.focused == "1-4"
    key(app, pygame.K_RETURN)
    info = screen.infos["1-4"]
    assert info.ok and saving.store.read("1-4") == game.engine.to_json()
    assert top(app) is screen  # saving stays on the screen, to see the new slot


def test_writing_over_a_save_asks_first_and_no_keeps_it_byte_for_byte(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = in_game(make_app, mini)
    saving.save("1-1")
    kept = files(saving.store.folder)
    game = to_line(app, 2)
    screen = open_screen(app, "save")
    press(app)  # Enter on slot 1, which holds a save
    dialog = top(app)
    assert isinstance(dialog, ConfirmScreen) and "over" in dialog.question
    press(app)  # "No" has the focus
    assert top(app) is screen
    assert files(saving.store.folder) == kept
    press(app)
    press(app, a.MENU)  # Esc answers no too
    assert files(saving.store.folder) == kept
    press(app)
    press(app, a.LEFT)  # to "Yes"
    press(app)
    assert top(app) is screen
    assert saving.store.read("1-1") == game.engine.to_json()
    assert files(saving.store.folder) != kept


def test_deleting_asks_first_by_button_and_by_key(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, _ = in_game(make_app, mini)
    saving.save("1-1")
    saving.save("1-2")
    kept = files(saving.store.folder)
    screen = open_screen(app, "save")
    box = screen.delete_rect(1)
    click(app, box.center)
    dialog = top(app)
    assert isinstance(dialog, ConfirmScreen) and "Delete" in dialog.question
    click(app, dialog.menu.rects[1].center)  # No
    assert files(saving.store.folder) == kept
    click(app, box.center)
    click(app, top(app).menu.rects[0].center)  # Yes
    assert screen.infos["1-2"].status is SlotStatus.EMPTY
    assert not saving.store.json_path("1-2").exists()
    assert saving.store.read_meta("1-1").ok
    screen.focus = 0
    key(app, pygame.K_DELETE)
    assert isinstance(top(app), ConfirmScreen)
    press(app, a.LEFT)
    press(app)
    assert screen.infos["1-1"].status is SlotStatus.EMPTY
    key(app, pygame.K_DELETE)  # an empty slot has nothing to delete
    assert top(app) is screen


def test_pages_turn_with_the_wheel_page_keys_and_arrows_past_the_edge(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, _, _ = in_game(make_app, mini)
    screen = open_screen(app, "save")
    app.handle_event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    assert screen.pages[screen.page].key == "2"
    app.handle_event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    assert screen.pages[screen.page].key == "1"
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # no page past the last
    assert screen.pages[screen.page].key == "3"
    assert screen.slots[0] == "3-1"
    key(app, pygame.K_PAGEUP)
    assert screen.pages[screen.page].key == "2"
    key(app, pygame.K_RIGHT)  # within the row first
    assert (screen.pages[screen.page].key, screen.focused) == ("2", "2-2")
    key(app, pygame.K_RIGHT)  # then over the edge
    assert (screen.pages[screen.page].key, screen.focused) == ("3", "3-1")
    key(app, pygame.K_LEFT)
    assert (screen.pages[screen.page].key, screen.focused) == ("2", "2-2")
    click(app, screen.tab_rects()[0].center)
    assert screen.pages[screen.page].key == "1"


def test_right_click_and_back_close_the_screen(mini: Script, make_app: Callable[..., App]) -> None:
    app, _, game = in_game(make_app, mini)
    open_screen(app, "save")
    click(app, (640, 400), button=3)
    assert top(app) is game
    screen = open_screen(app, "load")
    click(app, screen.tab_rects()[-1].center)
    assert top(app) is game


def test_load_from_the_title_has_auto_and_quick_pages_and_resumes(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = in_game(make_app, mini)
    saving.quick_save()
    wanted = game.engine.to_json()
    app.show_title()
    title = top(app)
    assert [item.label for item in title.menu.items][:3] == ["Continue", "Start", "Load"]
    press(app, a.ADVANCE, pos=title.menu.rects[2].center)  # Load
    screen = top(app)
    assert isinstance(screen, SaveLoadScreen) and screen.mode == "load"
    assert [p.label for p in screen.pages] == ["Auto", "Quick", "1", "2", "3"]
    assert screen.pages[screen.page].label == "Quick"  # opens where the newest save is
    assert screen.slots == ("quick",)
    press(app)
    loaded = top(app)
    assert isinstance(loaded, GameScreen)
    assert loaded.engine.to_json() == wanted
    assert app.stack.screens == (loaded,)


def test_a_damaged_slot_shows_as_damaged_and_picking_it_changes_nothing(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = in_game(make_app, mini)
    saving.save("1-1")
    saving.save("1-3")
    path = saving.store.json_path("1-1")
    path.write_bytes(path.read_bytes()[:60])
    kept = files(saving.store.folder)
    screen = open_screen(app, "load")
    screen.go_to([p.key for p in screen.pages].index("1"))
    assert screen.infos["1-1"].status is SlotStatus.DAMAGED
    assert screen.infos["1-3"].ok
    app.render(force=True)
    thumb = screen.thumb_rect(0)
    assert len(colours(app.canvas.surface, thumb)) == 1
    screen.focus = 0
    press(app)
    assert top(app) is screen
    assert app.notices.texts[-1].startswith("This save can't be read")
    assert files(saving.store.folder) == kept
    assert game in app.stack.screens


def colours(surface: pygame.Surface, rect: pygame.Rect, step: int = 6) -> set[tuple[int, ...]]:
    return {
        tuple(surface.get_at((x, y)))
        for x in range(rect.left + 2, rect.right - 2, step)
        for y in range(rect.top + 2, rect.bottom - 2, step)
    }
