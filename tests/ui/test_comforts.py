"""Reader comforts in the game: rollback, skip, auto-forward, hiding, quick menu, screenshots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from vn.runtime import Engine
from vn.save import Persistent
from vn.script import AssetResolver, Script, load_script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import STEP, press, run_for, start_game, top
from vn.ui.reading import auto_delay
from vn.ui.screens.ending import EndingScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.gamemenu import register_comforts
from vn.ui.screens.history import HistoryScreen
from vn.ui.screens.preferences import apply_preferences
from vn.ui.settings import TEXT_SIZES


def game_state(game: GameScreen) -> dict[str, Any]:
    """What the player sees and what the engine holds, as plain data."""
    return {
        "engine": game.engine.to_json(),
        "line": game.line.id if game.line else None,
        "page": game.box.page_index,
        "shown": game.box.typewriter.shown,
        "hidden": game.hidden,
        "stage": stage_of(game),
        "music": game.app.audio.music_name,
    }


def stage_of(game: GameScreen) -> tuple[Any, ...]:
    stage = game.stage
    sprites = tuple((s.character, s.expression, s.at) for s in stage.sprites)
    return (stage.background, stage.overlay, sprites)


def playing(
    make_app: Callable[..., App], script: Script, seen: int = 0, **prefs: Any
) -> tuple[App, GameScreen]:
    """A new game with some preferences, the first `seen` lines read in an earlier run."""
    app = make_app(script)
    register_comforts(app)
    if prefs:
        app.prefs = app.prefs.replace(**prefs)
    for line in list(script.lines())[:seen]:
        app.persistent.mark_seen(line.id)
    return app, start_game(app)


def read_until(app: App, game: GameScreen, count: int) -> None:
    """Advance (completing each line first) until `count` lines have been shown."""
    for _ in range(100000):
        if game.lines_shown >= count and game.line_complete:
            return
        assert top(app) is game, "the story ended first"
        press(app)
        run_for(app, 0.05)
    raise AssertionError("the story stopped moving")


def wait_for_line(app: App, game: GameScreen, limit: float = 10.0) -> float:
    """Run until a line is on screen and complete; the seconds it took."""
    elapsed = 0.0
    while not game.line_complete:
        app.step(STEP)
        elapsed += STEP
        assert elapsed < limit, "no line came"
    return elapsed


# ----- rollback ----------------------------------------------------------------------------


def test_roll_back_and_forward_again_restores_everything(
    make_app: Callable[..., App], story: Script
) -> None:
    app, game = playing(make_app, story)
    read_until(app, game, 40)
    end = game_state(game)
    for _ in range(30):
        press(app, a.ROLLBACK)
        state = game.engine.state
        assert stage_of(game) == (state.background, state.overlay, state.sprites)
        assert app.audio.music_name == state.music
        assert game.line is not None and game.line.id == state.line
        assert game.wait == 0 and game.stage.transition is None
    assert game_state(game)["line"] != end["line"]
    for _ in range(30):
        press(app, a.ROLL_FORWARD)
    assert game_state(game) == end


LONG_BACKGROUNDS = ("forest_deep", "forest_edge", "dirt_path", "gate")


def long_script(folder: Path, resolver: AssetResolver, lines: int = 240) -> Script:
    """A story longer than any rollback needs: the stage and music change every 15 lines."""
    body: list[str] = []
    for index in range(lines):
        if index % 15 == 0:
            body.append(f"      - bg: {LONG_BACKGROUNDS[index // 15 % 4]}")
            body.append(f"      - music: {'motif' if index % 30 else 'motif_loop'}")
            body.append(f"      - overlay: {'dusk' if index % 45 == 0 else 'none'}")
            body.append("      - show: izumo")
        body.append(f"      - Line number {index}.")
    text = "\n".join(
        [
            "game:",
            "  title: Long",
            "characters:",
            '  izumo: {name: Izumo, color: "#82b6e6"}',
            "scenes:",
            "  - scene: long",
            "    card: false",
            "    body:",
            *body,
            "",
        ]
    )
    path = folder / "long.yaml"
    path.write_text(text)
    return load_script(path, assets=resolver)


def test_rollback_goes_back_two_hundred_lines(
    make_app: Callable[..., App], resolver: AssetResolver, tmp_path: Path
) -> None:
    script = long_script(tmp_path, resolver)
    app, game = playing(make_app, script, text_speed=0)
    read_until(app, game, 230)
    end = game_state(game)
    lines = [line.id for line in script.lines()]
    at = lines.index(game.line.id)  # type: ignore[union-attr]
    for step in range(1, 201):
        press(app, a.ROLLBACK)
        assert game.line is not None and game.line.id == lines[at - step]
        state = game.engine.state
        assert stage_of(game) == (state.background, state.overlay, state.sprites)
        assert app.audio.music_name == state.music
    for _ in range(200):
        press(app, a.ROLL_FORWARD)
    assert game_state(game) == end
    for _ in range(3):
        press(app, a.ROLLBACK)
    press(app)  # reading on after a rollback takes the same path
    assert game.line is not None and game.line.id == lines[at - 2]


def test_rollback_at_the_first_line_does_nothing(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini)
    wait_for_line(app, game)
    before = game_state(game)
    press(app, a.ROLLBACK)
    press(app, a.ROLLBACK)
    assert game_state(game) == before
    assert top(app) is game


def test_rollback_after_loading_a_save(make_app: Callable[..., App], story: Script) -> None:
    app, game = playing(make_app, story, text_speed=0)
    read_until(app, game, 12)
    saved = game.engine.to_json()
    earlier = game.engine.history[-6]
    loaded = GameScreen(app, Engine.from_json(story, saved), resume=True)
    app.replace(loaded)
    for _ in range(5):
        press(app, a.ROLLBACK)
    assert loaded.line is not None and loaded.line.id == earlier
    assert stage_of(loaded)[0] == loaded.engine.state.background


def test_rollback_during_a_transition_returns_to_the_line_it_follows(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini, text_speed=0)
    wait_for_line(app, game)
    while not (game.wait > 0 and game.line is None):  # through to the shake effect
        press(app)
    last = game.engine.state.line
    press(app, a.ROLLBACK)
    assert game.wait == 0 and not game.effects
    assert game.line is not None and game.line.id == last


# ----- skip ----------------------------------------------------------------------------------


def test_skip_stops_at_the_first_unread_line(make_app: Callable[..., App], story: Script) -> None:
    app, game = playing(make_app, story, seen=25)
    lines = [line.id for line in story.lines()]
    press(app, a.SKIP_TOGGLE)
    run_for(app, 5.0)
    assert game.line is not None and game.line.id == lines[25]
    assert not game.skip.active
    assert game.line_unread


def test_skip_while_ctrl_is_held(make_app: Callable[..., App], story: Script) -> None:
    app, game = playing(make_app, story, seen=10_000)
    ctrl = {"key": pygame.K_LCTRL, "mod": 0, "unicode": "", "scancode": 0}
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, **ctrl))
    run_for(app, 0.3)
    passed = game.lines_shown
    assert passed >= 5
    app.handle_event(pygame.event.Event(pygame.KEYUP, **ctrl))
    run_for(app, 1.0)
    assert game.lines_shown == passed
    assert not game.skip.active


def test_skip_moves_at_a_visible_rate(make_app: Callable[..., App], story: Script) -> None:
    app, game = playing(make_app, story, seen=10_000)
    wait_for_line(app, game)
    shown = game.lines_shown
    press(app, a.SKIP_TOGGLE)
    app.step(STEP)
    assert game.lines_shown - shown <= 1
    run_for(app, 0.6)
    assert 10 <= game.lines_shown - shown <= 25


def test_skip_all_text_passes_unread_lines_to_the_end(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini, skip_unseen=True)
    press(app, a.SKIP_TOGGLE)
    run_for(app, 3.0)
    assert isinstance(top(app), EndingScreen)
    assert game.lines_shown == len(list(mini.lines()))


def test_skip_cuts_transitions_short_and_a_click_stops_it(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini, skip_unseen=True)
    press(app, a.SKIP_TOGGLE)
    assert game.wait > 0  # the opening fade was running
    app.step(STEP)
    assert game.line is not None and game.stage.transition is None
    press(app)
    assert not game.skip.active
    shown = game.lines_shown
    run_for(app, 1.0)
    assert game.lines_shown == shown


def test_opening_a_menu_stops_skipping(make_app: Callable[..., App], story: Script) -> None:
    app, game = playing(make_app, story, seen=10_000)
    press(app, a.SKIP_TOGGLE)
    press(app, a.MENU)
    assert not game.skip.active


# ----- auto-forward --------------------------------------------------------------------------


def test_auto_forward_waits_for_the_transition_then_the_delay(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini, text_speed=0)
    press(app, a.AUTO)
    assert game.wait > 0 and game.line is None  # the opening transitions
    wait_for_line(app, game)
    first = game.line
    assert first is not None
    delay = auto_delay(len(first.text), app.prefs.auto_forward_delay)
    run_for(app, delay - 0.1)
    assert game.line is first
    run_for(app, 0.15)
    assert game.line is not first
    assert game.auto.on


def test_auto_forward_delay_grows_with_the_line(make_app: Callable[..., App], mini: Script) -> None:
    app, game = playing(make_app, mini, text_speed=0)
    wait_for_line(app, game)
    press(app, a.AUTO)
    timings: dict[str, float] = {}
    while len(timings) < 3:
        line = game.line
        assert line is not None
        waited = 0.0
        while game.line is line:
            app.step(STEP)
            waited += STEP
        timings[line.text] = waited
        wait_for_line(app, game)
    short, longer = sorted(timings.items(), key=lambda item: len(item[0]))[::2]
    assert longer[1] > short[1]


def test_any_click_stops_auto_forward_without_advancing(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini, text_speed=0)
    wait_for_line(app, game)
    press(app, a.AUTO)
    shown = game.lines_shown
    press(app, a.ADVANCE, pos=(640, 300))
    assert not game.auto.on
    run_for(app, 30.0)
    assert game.lines_shown == shown


# ----- hiding --------------------------------------------------------------------------------


def test_hide_and_restore_leave_the_game_as_it_was(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini)
    wait_for_line(app, game)
    before = game_state(game)
    middle = {"button": pygame.BUTTON_MIDDLE, "pos": (640, 300)}
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, **middle))
    assert game.hidden
    for restore in (a.ADVANCE, a.ROLLBACK, a.MENU, a.HIDE):
        press(app, restore)
        assert not game.hidden, restore
        assert top(app) is game, restore
        assert game_state(game) == before, restore
        press(app, a.HIDE)
    press(app, a.HIDE)
    assert game_state(game) == before


def test_hidden_interface_draws_only_the_art(make_app: Callable[..., App], mini: Script) -> None:
    app, game = playing(make_app, mini)
    wait_for_line(app, game)
    app.render(force=True)
    shown = app.canvas.surface.copy()
    press(app, a.HIDE)
    app.render(force=True)
    hidden = app.canvas.surface
    picture = game.stage.picture()
    assert hidden.get_at((640, 690)) == picture.get_at((640, 690))
    assert shown.get_at((640, 690)) != picture.get_at((640, 690))


# ----- quick menu ----------------------------------------------------------------------------


def click_quick(app: App, game: GameScreen, label: str) -> None:
    index = [b.label for b in game.quick.buttons].index(label)
    press(app, a.ADVANCE, pos=game.quick.rects[index].center)


def test_quick_menu_buttons_do_their_job_and_never_advance(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini, text_speed=0)
    wait_for_line(app, game)
    press(app)
    wait_for_line(app, game)
    second = game.line
    click_quick(app, game, "Auto")
    assert game.auto.on
    click_quick(app, game, "Auto")
    assert not game.auto.on
    click_quick(app, game, "History")
    assert isinstance(top(app), HistoryScreen)
    press(app, a.MENU)
    click_quick(app, game, "Back")
    assert game.line is not second
    assert game.engine.can_roll_forward()
    click_quick(app, game, "Skip")
    assert game.skip.active
    click_quick(app, game, "Skip")
    assert not game.skip.active


def test_quick_menu_sits_under_the_text_box(make_app: Callable[..., App], mini: Script) -> None:
    from vn.ui.textbox import BOX

    app, game = playing(make_app, mini)
    assert len(game.quick.buttons) == 8
    for rect in game.quick.rects:
        assert rect.top >= BOX.bottom and rect.bottom <= app.canvas.get_height()
    xs = [r.centerx for r in game.quick.rects]
    assert xs == sorted(xs)


# ----- preferences ---------------------------------------------------------------------------


def test_preferences_survive_a_restart(make_app: Callable[..., App], mini: Script) -> None:
    app = make_app(mini)
    register_comforts(app)
    app.show_title()
    press(app, a.DOWN)
    press(app, a.DOWN)
    press(app)  # Preferences, from the title
    press(app, a.LEFT)  # text speed one stop slower
    for _ in range(3):
        press(app, a.DOWN)
    press(app, a.LEFT)  # music volume
    press(app, a.MENU)
    assert app.prefs.text_speed == 30
    assert app.prefs.music_volume == pytest.approx(0.7)
    again = make_app(mini)
    assert again.prefs == app.prefs


def test_preferences_apply_live(make_app: Callable[..., App], mini: Script) -> None:
    app, game = playing(make_app, mini)
    wait_for_line(app, game)
    heard: list[tuple[float, float, float]] = []
    app.audio.set_volumes = lambda m, am, s: heard.append((m, am, s))  # type: ignore[method-assign]
    apply_preferences(app, app.prefs.replace(text_size="large", sound_volume=0.2))
    assert game.box.story_px == TEXT_SIZES["large"]
    assert heard and heard[-1][2] == pytest.approx(0.2)
    apply_preferences(app, app.prefs.replace(textbox_opacity=0.3, text_speed=0))
    assert game.box.opacity == pytest.approx(0.3)
    assert game.box.page_complete


def test_seen_lines_are_kept_on_quit(make_app: Callable[..., App], mini: Script) -> None:
    app, game = playing(make_app, mini)
    read_until(app, game, 3)
    assert not Path(app.persistent.path).exists()  # not written line by line
    app.quit()
    app.run()
    seen = Persistent.load(app.save_dir).seen
    assert set(game.engine.history) <= seen


# ----- screenshot ----------------------------------------------------------------------------


def test_screenshot_key_writes_a_png_and_says_where(
    make_app: Callable[..., App], mini: Script
) -> None:
    app, game = playing(make_app, mini)
    wait_for_line(app, game)
    app.render(force=True)
    key = {"key": pygame.K_s, "mod": 0, "unicode": "s", "scancode": 0}
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, **key))
    shots = list((app.save_dir / "screenshots").glob("*.png"))
    assert len(shots) == 1
    assert pygame.image.load(str(shots[0])).get_size() == (1280, 720)
    assert any(str(shots[0]) in text for text in app.notices.texts)
    assert top(app) is game
