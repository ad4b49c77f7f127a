"""Faults: no audio device, no fonts, broken assets, a save folder that refuses or vanishes,
a clock that jumps. Each gives a message (a log line or a notice) and loses nothing."""

from __future__ import annotations

import errno
import logging
import math
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

import vn.save.atomic
from vn.paths import ASSETS_DIR, SCRIPT_DIR
from vn.save import SaveStore, SlotStatus
from vn.script import AssetResolver, Script, load_script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.autoplay import FakeClock, press, start_game
from vn.ui.fonts import FontBook
from vn.ui.screens.defaults import register_defaults
from vn.ui.screens.ending import EndingScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.gamemenu import register_comforts
from vn.ui.screens.saveload import register_saves

RESOLVER = AssetResolver(ASSETS_DIR)
STEP = 1 / 60


@pytest.fixture(scope="module")
def story() -> Script:
    return load_script(SCRIPT_DIR, assets=RESOLVER)


@pytest.fixture
def make_app(tmp_path: Path, story: Script) -> Iterator[Callable[..., App]]:
    def make(resolve: Callable[[str, str], Path | None] = RESOLVER.resolve, **kw: object) -> App:
        app = App(story, resolve, tmp_path / "saves", clock=FakeClock(), **kw)  # type: ignore[arg-type]
        register_saves(app)
        register_defaults(app)
        register_comforts(app)
        return app

    yield make


def read_lines(app: App, count: int) -> list[str]:
    """Advance through `count` new lines from the title, as a player clicking; their ids."""
    game = start_game(app)
    seen: list[str] = []
    for _ in range(count * 40):
        if game.line is not None and (not seen or seen[-1] != game.line.id):
            seen.append(game.line.id)
            if len(seen) == count:
                break
        press(app)
        app.step(STEP)
        app.render()
    return seen


def quick_save(app: App) -> list[str]:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode=""))
    app.step(STEP)
    app.render()
    return app.notices.texts


# ----- devices and packages ----------------------------------------------------------------


def test_no_audio_device_plays_silently(tmp_path: Path, counts) -> None:
    """A bogus audio driver (a fresh process: the mixer is process-wide): silence, a warning,
    and the story plays."""
    program = textwrap.dedent(
        f"""
        import logging, os, sys
        from pathlib import Path
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "no-such-driver"
        logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(message)s")
        from vn.paths import ASSETS_DIR, SCRIPT_DIR
        from vn.script import AssetResolver, load_script
        from vn.ui.app import App
        from vn.ui.audio import SilentAudio
        from vn.ui.autoplay import FakeClock, play_to_end, start_game
        from vn.ui.screens.defaults import register_defaults
        resolver = AssetResolver(ASSETS_DIR)
        app = App(load_script(SCRIPT_DIR, assets=resolver), resolver.resolve,
                  Path({str(tmp_path)!r}), clock=FakeClock())
        register_defaults(app)
        start_game(app)
        shown = play_to_end(app)
        print("AUDIO", type(app.audio).__name__, isinstance(app.audio, SilentAudio))
        print("LINES", len(shown))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "no audio device, playing silently" in done.stdout
    assert "AUDIO SilentAudio True" in done.stdout
    lines = len(load_script(SCRIPT_DIR, assets=RESOLVER).lines())
    assert f"LINES {lines}" in done.stdout
    counts.add("faults_injected")


def test_missing_font_package_falls_back_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, make_app, counts
) -> None:
    monkeypatch.setitem(sys.modules, "fontpkg", None)  # `import fontpkg` raises ImportError
    with caplog.at_level(logging.WARNING, logger="vn.ui.fonts"):
        fonts = FontBook()
        app = make_app(fonts=fonts)
        assert len(read_lines(app, 3)) == 3
    assert "using pygame's default font" in caplog.text
    assert fonts.get("story", 30).size("Kotetsu")[0] > 0
    counts.add("faults_injected")


def test_font_lookup_that_raises_falls_back(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, counts
) -> None:
    import fontpkg

    def broken(*args: object, **kwargs: object) -> str:
        raise LookupError("no such family")

    monkeypatch.setattr(fontpkg, "path", broken)
    with caplog.at_level(logging.WARNING, logger="vn.ui.fonts"):
        fonts = FontBook()
    assert caplog.text.count("using pygame's default font") == 3  # story, italic, interface
    assert fonts.get("interface", 20).render("Save", True, (255, 255, 255)).get_width() > 0
    counts.add("faults_injected")


def test_broken_assets_show_placeholders_and_the_story_goes_on(
    tmp_path: Path, make_app, caplog: pytest.LogCaptureFixture, counts
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    truncated = broken / "truncated.png"
    truncated.write_bytes((ASSETS_DIR / "backgrounds" / "forest_deep.png").read_bytes()[:200])
    empty_wav = broken / "empty.wav"
    empty_wav.write_bytes(b"")
    garbage = broken / "garbage.ogg"
    garbage.write_bytes(b"OggS" + bytes(range(7, 71)))

    def resolve(kind: str, name: str) -> Path | None:
        if kind in ("backgrounds", "overlays"):
            return truncated
        if kind == "characters":
            return None  # deleted
        if kind == "sound":
            return empty_wav
        if kind in ("music", "ambience"):
            return garbage
        return RESOLVER.resolve(kind, name)

    with caplog.at_level(logging.WARNING):
        app = make_app(resolve=resolve)
        seen = read_lines(app, 25)
    assert len(seen) == 25, "the story went on"
    assert "unreadable, showing a placeholder" in caplog.text
    assert "not found, showing a placeholder" in caplog.text
    audio_logged = (
        "empty.wav) unreadable" in caplog.text and "garbage.ogg) unreadable" in caplog.text
    )
    assert audio_logged or type(app.audio).__name__ == "SilentAudio"
    counts.add("faults_injected", 4)


# ----- the save folder -----------------------------------------------------------------------


def saved_line(folder: Path) -> str:
    return SaveStore(folder).read_meta("quick").meta["line_id"]


@pytest.mark.parametrize(
    ("code", "where", "says"),
    [
        (errno.ENOSPC, "write", "the disk is full"),
        (errno.EROFS, "mkstemp", "read-only"),
        (errno.EACCES, "mkstemp", "not allowed to write"),
        (errno.EIO, "replace", "the disk refused it"),
    ],
)
def test_a_refused_quick_save_says_so_and_keeps_the_old_one(
    code: int,
    where: str,
    says: str,
    make_app,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    counts,
) -> None:
    app = make_app()
    read_lines(app, 3)
    quick_save(app)
    first = saved_line(tmp_path / "saves")
    read_lines_more(app, 3)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    target = {"write": (os, "write"), "mkstemp": (vn.save.atomic.tempfile, "mkstemp")}.get(
        where, (os, "replace")
    )
    monkeypatch.setattr(*target, refuse)
    notices = quick_save(app)
    monkeypatch.undo()

    assert any(says in text for text in notices), notices
    assert saved_line(tmp_path / "saves") == first, "the old quick save is whole"
    assert [i.status for i in SaveStore(tmp_path / "saves").slots()].count(SlotStatus.DAMAGED) == 0
    assert not list((tmp_path / "saves").glob(".*.tmp")), "no temp file left"
    assert isinstance(app.stack.top, GameScreen), "the game goes on"
    counts.add("faults_injected")


def read_lines_more(app: App, count: int) -> None:
    game = app.stack.top
    assert isinstance(game, GameScreen)
    start = game.lines_shown
    for _ in range(count * 40):
        if game.lines_shown - start >= count:
            return
        press(app)
        app.step(STEP)


def test_save_folder_removed_while_playing(make_app, tmp_path: Path, counts) -> None:
    app = make_app()
    read_lines(app, 3)
    shutil.rmtree(tmp_path / "saves")
    notices = quick_save(app)
    assert any("no longer exists" in text for text in notices), notices
    assert not (tmp_path / "saves").exists(), "nothing was written somewhere else"
    read_lines_more(app, 2)
    assert isinstance(app.stack.top, GameScreen)
    counts.add("faults_injected")


def test_save_folder_read_only_for_real(make_app, tmp_path: Path, counts) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes through read-only permissions; the monkeypatched cases cover it")
    app = make_app()
    read_lines(app, 3)
    quick_save(app)
    first = saved_line(tmp_path / "saves")
    (tmp_path / "saves").chmod(0o500)
    try:
        read_lines_more(app, 2)
        notices = quick_save(app)
    finally:
        (tmp_path / "saves").chmod(0o700)
    assert any("not allowed" in text or "read-only" in text for text in notices), notices
    assert saved_line(tmp_path / "saves") == first
    counts.add("faults_injected")


# ----- the clock ---------------------------------------------------------------------------

JUMPS = [1e6, -1.0, -1e6, math.nan, math.inf, -math.inf, 0.0]


def moments(app: App) -> Iterator[str]:
    """Walk from the title into the story, stopping at moments of each kind."""
    yield "title"
    press(app)  # Start
    yield "content note"
    press(app)
    game = app.stack.top
    assert isinstance(game, GameScreen)
    yield "title card"  # the story opens on its scene's card
    for _ in range(400):
        press(app)
        app.step(STEP)
        if game.line is not None and not game.line_complete:
            yield "typing"
            break
    app.open("game_menu")
    yield "game menu"
    app.pop()


@pytest.mark.parametrize("jump", JUMPS, ids=[str(j) for j in JUMPS])
def test_clock_jumps_leave_a_sane_game(jump: float, make_app, counts) -> None:
    app = make_app()
    app.show_title()
    for where in moments(app):
        game = next((s for s in app.stack.screens if isinstance(s, GameScreen)), None)
        before = list(game.engine.history) if game else []
        app.step(jump)
        app.render(force=True)
        if game is not None:
            after = list(game.engine.history)
            assert after[: len(before)] == before, f"{where}: lines read were lost"
            assert len(after) - len(before) <= 1, f"{where}: a jump skipped past lines unread"
            assert not math.isnan(game.wait), f"{where}: the wait became NaN"
            if game.box.speech is not None:
                typed = game.box.typewriter
                assert 0 <= typed.shown <= typed.total, f"{where}: typed {typed.shown}"
        counts.add("faults_injected")
    # and the game still plays on: ten more lines appear on ordinary clicks
    game = next(s for s in app.stack.screens if isinstance(s, GameScreen))
    start = game.lines_shown
    for _ in range(600):
        if game.lines_shown - start >= 10:
            break
        press(app)
        app.step(STEP)
    assert game.lines_shown - start >= 10


def test_a_jump_at_the_ending_still_returns_to_the_title(make_app) -> None:
    app = make_app()
    app.show_title()
    app.replace(EndingScreen(app))
    for jump in JUMPS:
        app.step(jump)
        app.render(force=True)
    press(app, a.ADVANCE)  # the fade is over (a jump of a million seconds ended it)
    assert type(app.stack.top).__name__ == "TitleScreen"
