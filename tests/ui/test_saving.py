"""Saving and loading through the controller and the quick keys: what comes back is what was
left, damage never spreads, and the autosaves happen on their own."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from vn.save import SaveStore
from vn.script import Script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import press, run_for, start_game, to_line, top
from vn.ui.saving import NOTHING_TO_LOAD, QUICK_SAVED, THUMBNAIL_SIZE, Saving, capture_thumbnail
from vn.ui.screens.game import GameScreen
from vn.ui.screens.saveload import register_saves


def visible(game: GameScreen) -> dict[str, Any]:
    """What the player sees and hears of a game."""
    return {
        "background": game.stage.background,
        "overlay": game.stage.overlay,
        "sprites": [(s.character, s.expression, s.at) for s in game.stage.sprites],
        "music": game.app.audio.music_name,
        "ambience": game.app.audio.ambience_name,
        "line": game.line.id if game.line else None,
        "box": game.box.speech.text if game.box.speech else None,
    }


def close(one: pygame.Color, two: pygame.Color, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(one[:3], two[:3], strict=True))


def played(make_app: Callable[..., App], script: Script) -> tuple[App, Saving, GameScreen]:
    app = make_app(script)
    saving = register_saves(app)
    start_game(app)
    return app, saving, to_line(app, 1)


def notices(app: App) -> list[str]:
    return app.notices.texts


def test_a_slot_gives_back_the_whole_engine_and_what_the_screen_showed(
    story: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = played(make_app, story)
    game = to_line(app, 6)
    engine_before, seen_before = game.engine.to_json(), visible(game)
    assert seen_before["sprites"] and seen_before["background"]
    assert saving.save("2-3") is not None
    game = to_line(app, 5)
    assert game.engine.to_json() != engine_before
    assert saving.load("2-3")
    loaded = top(app)
    assert isinstance(loaded, GameScreen) and loaded is not game
    assert app.stack.screens == (loaded,)
    assert loaded.engine.to_json() == engine_before
    assert visible(loaded) == seen_before
    assert loaded.line_complete or loaded.box.has_next_page  # shown whole, never typed again
    assert loaded.box.page_complete
    assert loaded.engine.can_rollback()  # the history came along
    press(app, a.ROLLBACK)
    assert loaded.line is not None and loaded.line.id != seen_before["line"]


def test_quick_save_then_quick_load_returns_to_the_moment(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, _, game = played(make_app, mini)
    game = to_line(app, 2)
    before, seen = game.engine.to_json(), visible(game)
    press(app, a.QUICKSAVE)
    assert top(app) is game  # the quick key opens nothing
    assert QUICK_SAVED in notices(app)
    game = to_line(app, 3)
    press(app, a.QUICKLOAD)
    loaded = top(app)
    assert isinstance(loaded, GameScreen) and loaded is not game
    assert loaded.engine.to_json() == before
    assert visible(loaded) == seen


def test_quick_load_with_nothing_saved_says_so_and_plays_on(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, _, game = played(make_app, mini)
    press(app, a.QUICKLOAD)
    assert top(app) is game
    assert notices(app) == [NOTHING_TO_LOAD]


def test_notices_fade_away_on_their_own(mini: Script, make_app: Callable[..., App]) -> None:
    app, _, _ = played(make_app, mini)
    press(app, a.QUICKSAVE)
    assert notices(app) == [QUICK_SAVED]
    run_for(app, 5.0)
    assert notices(app) == []


def test_continue_resumes_the_newest_save_of_any_kind(
    mini: Script, make_app: Callable[..., App], tmp_path: Path
) -> None:
    now = [1000.0]
    app = make_app(mini)
    saving = register_saves(app, SaveStore(tmp_path, clock=lambda: now[0]))
    start_game(app)
    game = to_line(app, 2)
    saving.save("1-1")
    now[0] += 60
    game = to_line(app, 2)
    newest = game.engine.to_json()
    saving.quick_save()
    now[0] += 60
    game = to_line(app, 1)
    app.show_title()
    assert saving.latest() is not None and saving.latest().slot == "quick"
    assert app.open("continue")
    loaded = top(app)
    assert isinstance(loaded, GameScreen)
    assert loaded.engine.to_json() == newest


def test_the_title_offers_continue_first_only_when_a_save_exists(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    register_saves(app)
    app.show_title()
    labels = [item.label for item in top(app).menu.items]
    assert "Continue" not in labels
    press(app)  # Start
    press(app)  # past the content note
    game = to_line(app, 3)
    wanted = game.engine.to_json()
    press(app, a.QUICKSAVE)
    app.show_title()
    title = top(app)
    assert [item.label for item in title.menu.items][:2] == ["Continue", "Start"]
    assert title.menu.rects[-1].bottom <= 720
    press(app)  # Continue has the focus
    loaded = top(app)
    assert isinstance(loaded, GameScreen)
    assert loaded.engine.to_json() == wanted


def test_quick_load_works_from_the_title(mini: Script, make_app: Callable[..., App]) -> None:
    app, _, game = played(make_app, mini)
    game = to_line(app, 2)
    wanted = game.engine.to_json()
    press(app, a.QUICKSAVE)
    app.show_title()
    press(app, a.QUICKLOAD)
    loaded = top(app)
    assert isinstance(loaded, GameScreen) and loaded.engine.to_json() == wanted


def test_continue_with_no_save_stays_on_the_title(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    saving = register_saves(app)
    app.show_title()
    title = top(app)
    assert saving.latest() is None
    app.open("continue")
    assert top(app) is title


def test_a_scene_autosaves_at_its_first_line(mini: Script, make_app: Callable[..., App]) -> None:
    app, saving, game = played(make_app, mini)
    store = saving.store
    first = store.read_meta("auto-1")
    assert first.ok and first.meta["line_id"] == game.line.id
    assert first.scene_title == "The woods"
    assert [store.read_meta(s).ok for s in ("auto-2", "auto-3")] == [False, False]
    while game.line is None or game.engine.state.scene != "gate":
        game = to_line(app, 1)
    gate = [store.read_meta(s) for s in store.layout.auto_slots() if store.read_meta(s).ok]
    assert len(gate) == 2
    assert {info.scene_title for info in gate} == {"The woods", "The gate"}
    assert (
        store.read("auto-2") == game.engine.to_json()
        or store.read("auto-1") == game.engine.to_json()
    )


def test_closing_the_window_mid_story_autosaves_once(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = played(make_app, mini)
    game = to_line(app, 2)
    assert app.open("save")  # whatever is over the game, the game is saved
    app.handle_event(pygame.event.Event(pygame.QUIT))
    app.quit()
    assert not app.running
    infos = [saving.store.read_meta(s) for s in saving.store.layout.auto_slots()]
    mine = [i for i in infos if i.ok and i.meta["line_id"] == game.line.id]
    assert len(mine) == 1
    assert saving.store.read(mine[0].slot) == game.engine.to_json()


def test_quitting_mid_story_autosaves_and_the_title_does_not(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = played(make_app, mini)
    game = to_line(app, 2)
    for slot in saving.store.layout.auto_slots():
        saving.store.delete(slot)
    saving.before_quit()
    saved = [s for s in saving.store.layout.auto_slots() if saving.store.read_meta(s).ok]
    assert len(saved) == 1
    assert saving.store.read(saved[0]) == game.engine.to_json()
    app.show_title()
    saving.before_quit()
    assert [s for s in saving.store.layout.auto_slots() if saving.store.read_meta(s).ok] == saved


def test_save_meta_and_thumbnail_describe_the_moment(
    story: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = played(make_app, story)
    game = to_line(app, 8)
    info = saving.save("1-2")
    assert info is not None and info.ok
    line = game.line
    assert line is not None
    assert info.scene_title == story.scenes[0].title
    assert info.line_text.rstrip("…").split() == line.text.split()[: len(info.line_text.split())]
    assert info.speaker == (story.characters[line.speaker].name if line.speaker else "")
    assert info.thumbnail is not None
    picture = pygame.image.load(str(info.thumbnail))
    assert picture.get_size() == THUMBNAIL_SIZE
    stage = pygame.transform.smoothscale(game.snapshot().surface, THUMBNAIL_SIZE)
    points = [(x, y) for x in range(8, 256, 24) for y in range(8, 144, 24)]
    assert len({tuple(picture.get_at(p)) for p in points}) > 1  # not a flat fill
    for point in points:  # the game itself, without the menu or notices over it
        assert close(picture.get_at(point), stage.get_at(point))


def test_thumbnail_is_a_small_png_of_the_picture() -> None:
    picture = pygame.Surface((1280, 720))
    picture.fill((200, 10, 10), (0, 0, 640, 720))
    data = capture_thumbnail(picture)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    small = pygame.image.load(io.BytesIO(data), "thumb.png")
    assert small.get_size() == (256, 144)
    assert close(small.get_at((10, 70)), pygame.Color(200, 10, 10))
    assert close(small.get_at((240, 70)), pygame.Color(0, 0, 0))


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[:-40]),
        lambda p: p.write_bytes(b"\x00garbage"),
        lambda p: p.write_text(p.read_text().replace('"state"', '"stat"', 1)),
    ],
)
def test_loading_a_damaged_slot_says_why_and_touches_nothing(
    mini: Script, make_app: Callable[..., App], damage: Callable[[Path], None]
) -> None:
    app, saving, game = played(make_app, mini)
    game = to_line(app, 2)
    saving.save("1-1")
    saving.save("1-2")
    damage(saving.store.json_path("1-1"))
    files = {p.name: p.read_bytes() for p in saving.store.folder.iterdir()}
    assert not saving.load("1-1")
    assert top(app) is game
    assert notices(app) and notices(app)[-1].startswith("This save can't be read")
    assert {p.name: p.read_bytes() for p in saving.store.folder.iterdir()} == files
    assert saving.load("1-2")


def test_a_save_whose_line_was_cut_from_the_story_resumes_near_it_and_says_so(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app, saving, game = played(make_app, mini)
    game = to_line(app, 2)
    data = game.engine.to_json()
    data["state"]["line"] = "woods/a-line-that-is-gone"
    saving.store.write("1-1", {"scene_title": "The woods"}, data)
    assert saving.load("1-1")
    loaded = top(app)
    assert isinstance(loaded, GameScreen) and loaded.engine.relocated
    assert loaded.engine.relocation_note in notices(app)
    assert loaded.line is not None
