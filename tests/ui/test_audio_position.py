"""Music and ambience pick up where they were: a load restores their place, within a frame."""

from __future__ import annotations

import weakref
from pathlib import Path

import pygame
import pytest

from vn.script import AssetResolver, Script
from vn.ui.app import App
from vn.ui.audio import MUSIC_CHANNELS, MixerAudio, starting_at
from vn.ui.autoplay import FakeClock, press, run_for, start_game, top
from vn.ui.screens.game import GameScreen
from vn.ui.screens.saveload import register_saves


class Wall:
    """A settable stand-in for the audio clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def mixer() -> tuple[int, int, int]:
    pygame.mixer.init()
    init = pygame.mixer.get_init()
    assert init is not None
    return init


def ramp(frames: int, init: tuple[int, int, int]) -> pygame.mixer.Sound:
    """A sound whose every frame is different, so a rotation shows in its bytes."""
    _, size, channels = init
    width = abs(size) // 8 * channels
    raw = b"".join(i.to_bytes(width, "little") for i in range(frames))
    return pygame.mixer.Sound(buffer=raw)


def test_a_loop_started_later_is_the_same_loop_rotated(mixer: tuple[int, int, int]) -> None:
    frequency, size, channels = mixer
    width = abs(size) // 8 * channels
    sound = ramp(frequency, mixer)  # one second
    raw = sound.get_raw()
    later = starting_at(sound, 0.25, loop=True).get_raw()
    cut = int(0.25 * frequency) * width
    assert later == raw[cut:] + raw[:cut]
    assert len(later) == len(raw)
    assert starting_at(sound, 1.25, loop=True).get_raw() == later  # wraps round the loop
    assert starting_at(sound, 0.25, loop=False).get_raw() == raw[cut:]
    assert starting_at(sound, 0.0, loop=True) is sound


def test_position_follows_the_clock_and_wraps(mixer: tuple[int, int, int]) -> None:
    wall = Wall()
    sound = ramp(mixer[0] * 2, mixer)  # two seconds
    audio = MixerAudio(lambda kind, name: None, clock=wall)
    audio._music.play("theme", sound, 0.0, True)
    assert audio.music_position == 0.0
    wall.now += 1.5
    assert audio.music_position == pytest.approx(1.5)
    wall.now += 1.0
    assert audio.music_position == pytest.approx(0.5)
    audio._music.play("theme", sound, 0.0, True, start=0.0)  # the same track keeps its place
    assert audio.music_position == pytest.approx(0.5)
    audio.music(None)
    assert audio.music_position == 0.0


def test_a_load_resumes_the_ambience_where_the_save_left_it(
    tmp_path: Path, resolver: AssetResolver, story: Script
) -> None:
    wall = Wall()
    pygame.mixer.init()
    app = App(
        story,
        resolver.resolve,
        tmp_path,
        clock=FakeClock(),
        audio=MixerAudio(resolver.resolve, clock=wall),
    )
    saving = register_saves(app)
    start_game(app)
    game = top(app)
    while not (isinstance(game, GameScreen) and game.line is not None):
        press(app)
        run_for(app, 0.1)
        game = top(app)
    assert app.audio.ambience_name is not None
    wall.now += 7.25
    saved_at = app.audio.ambience_position
    assert saved_at > 0
    assert saving.save("1-1", quiet=True) is not None
    app.audio.stop()
    wall.now += 100.0
    assert saving.load("1-1")
    assert app.audio.ambience_name is not None
    assert app.audio.ambience_position == pytest.approx(saved_at, abs=0.02)


def test_a_faded_sound_is_let_go_on_the_main_thread_only(mixer: tuple[int, int, int]) -> None:
    """pygame drops a channel's reference on the mixer's thread when a fade ends: the loop
    keeps its own until the main thread replaces it, so no sound is ever freed over there."""
    audio = MixerAudio(lambda kind, name: None, clock=Wall())
    audio._music.play("one", ramp(mixer[0], mixer), 0.0, True, start=0.25)
    played = weakref.ref(audio._music._held[1])
    pygame.mixer.Channel(MUSIC_CHANNELS[1]).stop()  # the channel lets its copy go
    assert played() is not None, "the rotated copy lived only on the channel"
    audio._music.play("two", ramp(mixer[0], mixer), 0.0, True)
    audio._music.play("three", ramp(mixer[0], mixer), 0.0, True)  # back on the first channel
    assert played() is None, "replaced on the main thread, it is freed here"


def test_a_new_audio_starts_from_silence_and_close_halts_it(mixer: tuple[int, int, int]) -> None:
    first = MixerAudio(lambda kind, name: None, clock=Wall())
    first._music.play("one", ramp(mixer[0], mixer), 0.0, True)
    assert pygame.mixer.get_busy()
    second = MixerAudio(lambda kind, name: None, clock=Wall())
    assert not pygame.mixer.get_busy(), "the first audio's loop still played"
    second._ambience.play("two", ramp(mixer[0], mixer), 0.0, True)
    assert pygame.mixer.get_busy()
    second.close()
    assert not pygame.mixer.get_busy()
