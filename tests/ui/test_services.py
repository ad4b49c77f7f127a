"""Window, audio, fonts and screenshots: the services around the screens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from vn.script import Script
from vn.ui import actions as a
from vn.ui.app import App
from vn.ui.audio import SilentAudio, open_audio
from vn.ui.autoplay import press, run_for, start_game
from vn.ui.fonts import STORY, STORY_ITALIC, FontBook


def test_fullscreen_toggles_and_comes_back_to_the_window_size(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    app.show_title()
    press(app, a.FULLSCREEN)
    assert app.prefs.fullscreen
    press(app, a.FULLSCREEN)
    assert not app.prefs.fullscreen
    assert app.window.get_size() == (1280, 720)
    assert app.render() is True


def test_screenshot_action_writes_a_png_in_the_save_folder(
    mini: Script, make_app: Callable[..., App], tmp_path: Path
) -> None:
    app = make_app(mini)
    app.show_title()
    app.render(force=True)
    press(app, a.SCREENSHOT)
    press(app, a.SCREENSHOT)
    shots = sorted((tmp_path / "screenshots").glob("*.png"))
    assert [p.name for p in shots] == ["screenshot-0001.png", "screenshot-0002.png"]
    assert pygame.image.load(str(shots[0])).get_size() == (1280, 720)


def test_without_an_audio_device_the_game_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(**_: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    audio = open_audio(lambda kind, name: None)
    assert isinstance(audio, SilentAudio)
    audio.music("motif", fade=1.0)
    audio.sound("stumble")
    assert audio.music_name == "motif"


def test_mixer_audio_tracks_music_and_ambience_and_survives_missing_files(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    app.audio.music("motif", fade=0.5)
    app.audio.ambience("no_such_sound")
    app.audio.sound("no_such_sound")
    assert app.audio.music_name == "motif"
    app.audio.stop()
    assert app.audio.music_name is None


def test_missing_fonts_fall_back_to_the_default_font(caplog: pytest.LogCaptureFixture) -> None:
    fonts = FontBook({STORY: Path("/nowhere/Lora.ttf"), STORY_ITALIC: None})
    story = fonts.get(STORY, 29)
    assert story.size("Hello")[0] > 0
    assert fonts.get(STORY_ITALIC, 29).font.italic
    assert any("cannot open font" in message for message in caplog.messages)


def test_a_pause_ends_early_on_a_click(mini: Script, make_app: Callable[..., App]) -> None:
    app = make_app(mini)
    game = start_game(app)
    for _ in range(500):
        if game.wait > 0 and game.line is None and not game.stage.animating and not game.effects:
            break
        press(app)
        run_for(app, 0.02)
    assert game.wait > 0.2  # the half-second pause of the small script
    press(app)
    assert game.wait == 0
    assert game.line is not None


def test_preferences_change_text_size_and_speed_of_the_game(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    game = start_game(app)
    while game.line is None:
        press(app)
    before = game.box.pages[0].rows[0].rect.height
    app.prefs = app.prefs.replace(text_size="large", text_speed=0)
    game.apply_preferences()
    assert game.box.pages[0].rows[0].rect.height > before
    press(app)
    assert game.box.typewriter.done
