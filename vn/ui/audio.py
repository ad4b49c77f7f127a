"""Music, ambience and sound effects on channels of their own.

pygame.mixer.music is a single stream, so music and ambience are Sound objects on dedicated
channels, two each so a change crossfades. Without an audio device the game runs silently
through `SilentAudio`, which has the same methods and does nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

Resolve = Callable[[str, str], "Path | None"]
Clock = Callable[[], float]

MUSIC_CHANNELS = (0, 1)
AMBIENCE_CHANNELS = (2, 3)
SOUND_CHANNELS = (4, 5, 6, 7)
# Samples per mixing pass: fewer wakeups of the audio thread while the game idles with an
# ambience playing; 4096 at 44.1 kHz is 93 ms of latency, unnoticeable for a story's sounds.
MIXER_BUFFER = 4096


class SilentAudio:
    """The do-nothing audio of a machine without a sound device."""

    music_name: str | None = None
    ambience_name: str | None = None
    music_position: float = 0.0
    ambience_position: float = 0.0

    def music(
        self, name: str | None, fade: float = 0.0, loop: bool = True, start: float = 0.0
    ) -> None:
        self.music_name = name

    def ambience(self, name: str | None, fade: float = 0.0, start: float = 0.0) -> None:
        self.ambience_name = name

    def sound(self, name: str, volume: float = 1.0) -> None:
        """A one-shot effect: nothing to hear."""

    def set_volumes(self, music: float, ambience: float, sound: float) -> None:
        """No device, no volume."""

    def stop(self, fade: float = 0.0) -> None:
        self.music_name = None
        self.ambience_name = None

    def close(self) -> None:
        """Nothing plays, nothing to halt."""


def starting_at(sound: pygame.mixer.Sound, start: float, loop: bool) -> pygame.mixer.Sound:
    """`sound` begun `start` seconds in: a loop is rotated, so it stays seamless; a one-off is cut.

    Channels cannot seek, and a rotated copy of a seamless loop is itself seamless.
    """
    length = sound.get_length()
    init = pygame.mixer.get_init()
    if start <= 0 or length <= 0 or not init:
        return sound
    frequency, size, channels = init
    frame = abs(size) // 8 * channels
    raw = sound.get_raw()
    offset = min(int((start % length if loop else start) * frequency) * frame, len(raw))
    if offset <= 0:
        return sound
    return pygame.mixer.Sound(buffer=raw[offset:] + raw[:offset] if loop else raw[offset:])


class _Loop:
    """A looping bed on two alternating channels, so a change crossfades.

    It remembers when its sound started, so a save can record how far in the music was. It
    also holds every sound it hands a channel until the next one replaces it on the main
    thread: pygame drops a channel's own reference on the mixer's thread when a fade ends, and
    a sound freed there is freed inside SDL_mixer's callback.
    """

    def __init__(self, channels: tuple[int, int], clock: Clock) -> None:
        self._channels = [pygame.mixer.Channel(i) for i in channels]
        self._held: list[pygame.mixer.Sound | None] = [None, None]
        self._current = 0
        self._clock = clock
        self._started = 0.0
        self._length = 0.0
        self._loop = True
        self.name: str | None = None
        self.volume = 1.0

    @property
    def position(self) -> float:
        """Seconds into the sound now playing (0 when nothing plays)."""
        if self.name is None or self._length <= 0:
            return 0.0
        elapsed = max(0.0, self._clock() - self._started)
        return elapsed % self._length if self._loop else min(elapsed, self._length)

    def play(
        self,
        name: str | None,
        sound: pygame.mixer.Sound | None,
        fade: float,
        loop: bool,
        start: float = 0.0,
    ) -> None:
        if name == self.name and name is not None:
            return
        ms = max(0, int(fade * 1000))
        old = self._channels[self._current]
        if ms:
            old.fadeout(ms)
        else:
            old.stop()
        self.name = name
        if sound is None:
            return
        self._length, self._loop = sound.get_length(), loop
        start = max(0.0, start) if self._length > 0 else 0.0
        self._started = self._clock() - start
        self._current = 1 - self._current
        channel = self._channels[self._current]
        channel.set_volume(self.volume)
        played = starting_at(sound, start, loop)
        channel.play(played, loops=-1 if loop else 0, fade_ms=ms)
        self._held[self._current] = played

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        for channel in self._channels:
            channel.set_volume(volume)


def silence() -> None:
    """Halt every channel from the calling (main) thread, so the sounds they hold are let go
    here and never on the mixer's own thread."""
    if pygame.mixer.get_init():
        pygame.mixer.stop()


class MixerAudio:
    """Audio through pygame.mixer; assets found by the resolver, decoded once.

    The mixer is process-wide: a new MixerAudio starts from silence, and `close` halts what it
    started while its sounds are still held.
    """

    def __init__(self, resolve: Resolve, clock: Clock = time.monotonic) -> None:
        silence()
        pygame.mixer.set_num_channels(max(8, pygame.mixer.get_num_channels()))
        self._resolve = resolve
        self._sounds: dict[tuple[str, str], pygame.mixer.Sound | None] = {}
        self._music = _Loop(MUSIC_CHANNELS, clock)
        self._ambience = _Loop(AMBIENCE_CHANNELS, clock)
        self._effects = [pygame.mixer.Channel(i) for i in SOUND_CHANNELS]
        self._sound_volume = 1.0

    @property
    def music_name(self) -> str | None:
        return self._music.name

    @property
    def ambience_name(self) -> str | None:
        return self._ambience.name

    @property
    def music_position(self) -> float:
        return self._music.position

    @property
    def ambience_position(self) -> float:
        return self._ambience.position

    def music(
        self, name: str | None, fade: float = 0.0, loop: bool = True, start: float = 0.0
    ) -> None:
        self._music.play(name, self._load("music", name), fade, loop, start)

    def ambience(self, name: str | None, fade: float = 0.0, start: float = 0.0) -> None:
        self._ambience.play(name, self._load("ambience", name), fade, True, start)

    def sound(self, name: str, volume: float = 1.0) -> None:
        sound = self._load("sound", name)
        if sound is None:
            return
        channel = next((c for c in self._effects if not c.get_busy()), self._effects[0])
        channel.set_volume(max(0.0, min(1.0, volume)) * self._sound_volume)
        channel.play(sound)

    def set_volumes(self, music: float, ambience: float, sound: float) -> None:
        self._music.set_volume(music)
        self._ambience.set_volume(ambience)
        self._sound_volume = sound

    def stop(self, fade: float = 0.0) -> None:
        self.music(None, fade)
        self.ambience(None, fade)

    def close(self) -> None:
        """Halt every channel now, before the sounds this object holds can be let go."""
        silence()

    def _load(self, kind: str, name: str | None) -> pygame.mixer.Sound | None:
        if name is None:
            return None
        key = (kind, name)
        if key not in self._sounds:
            self._sounds[key] = self._decode(kind, name)
        return self._sounds[key]

    def _decode(self, kind: str, name: str) -> pygame.mixer.Sound | None:
        try:
            path = self._resolve(kind, name)
        except Exception as error:  # a refused name is a missing sound, not a crash
            log.warning("sound %s/%s refused: %s", kind, name, error)
            return None
        if path is None:
            log.warning("sound %s/%s not found; playing nothing", kind, name)
            return None
        try:
            return pygame.mixer.Sound(str(path))
        except (pygame.error, OSError) as error:
            log.warning("sound %s (%s) unreadable: %s", name, path, error)
            return None


Audio = SilentAudio | MixerAudio


def open_audio(resolve: Resolve) -> Audio:
    """Mixer audio when a device opens, silence (logged) otherwise."""
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=44100, buffer=MIXER_BUFFER)
        return MixerAudio(resolve)
    except (pygame.error, OSError) as error:
        log.warning("no audio device, playing silently: %s", error)
        return SilentAudio()
