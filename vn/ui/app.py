"""The window, the loop and the screen stack.

The loop runs at 60 fps only while something moves. When every screen is still it polls the
event queue and sleeps IDLE_SLEEP between polls. Measured with `python -m vn.ui.idleprobe`
over 5 s with a finished line on screen: the loop itself costs about 0.3% of a core under both
the dummy driver and Xvfb (0.7-0.9% in all with the mixer's thread playing the ambience),
where a loop on pygame.event.wait(timeout) cost 3-6%: SDL wakes it every few milliseconds.
Nothing is drawn or presented unless a screen is dirty.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pygame

from vn.save import Persistent, Preferences, SaveError
from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.audio import Audio, open_audio
from vn.ui.canvas import SIZE, Viewport
from vn.ui.fonts import FontBook
from vn.ui.images import ImageCache, Resolve
from vn.ui.keymap import Keymap
from vn.ui.notice import NoticeBoard
from vn.ui.picture import Picture
from vn.ui.reading import SeenLines
from vn.ui.screens.base import Screen
from vn.ui.screens.stack import ScreenStack
from vn.ui.settings import volumes

if TYPE_CHECKING:
    from vn.script.model import Script
    from vn.ui.saving import Saving

log = logging.getLogger(__name__)

IDLE_SLEEP = 0.04
FPS = 60

ScreenFactory = Callable[["App"], Screen]


def usable_seconds(dt: float) -> float:
    """A frame's time as the screens can use it: a clock that went back or broke (negative,
    NaN, infinite) counts as no time, so no fade, card or typewriter is left at a value it
    can't draw; a long stall stays as long as it was (waits just end)."""
    return dt if math.isfinite(dt) and dt > 0 else 0.0


class Clock(Protocol):
    def tick(self, framerate: int = 0) -> int: ...


class App:
    """Owns the window and the shared services the screens use.

    `screens` is a registry of named screen factories (`load`, `preferences`, `game_menu`,
    `history`, `save`, ...): `open(name)` pushes one when it is registered and quietly does
    nothing otherwise, so an action without a screen yet is ignored.
    """

    def __init__(
        self,
        script: Script,
        resolve: Resolve,
        save_dir: Path,
        prefs: Preferences | None = None,
        clock: Clock | None = None,
        fullscreen: bool | None = None,
        audio: Audio | None = None,
        fonts: FontBook | None = None,
        window_size: tuple[int, int] = SIZE,
        images: ImageCache | None = None,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.script = script
        self.resolve = resolve
        self.save_dir = save_dir
        self.persistent = Persistent.load(save_dir)
        if prefs is not None:
            self.prefs = prefs
        if fullscreen is not None:
            self.prefs = self.prefs.replace(fullscreen=fullscreen)
        self.seen = SeenLines(self.persistent)
        self.clock: Clock = clock or pygame.time.Clock()
        self.keymap = Keymap()
        self.stack = ScreenStack()
        self.screens: dict[str, ScreenFactory] = {}
        self.running = True
        self.stop_requested = False
        self.notices = NoticeBoard()  # brief notices drawn over every screen
        self.saving: Saving | None = None  # saves and autosaves, once register_saves ran
        self._windowed_size = window_size
        self._set_icon_and_caption()
        self.window = self._open_window()
        self.viewport = Viewport.fit(self.window.get_size())
        self._canvas: Picture | None = None  # made when first drawn on, again on a resize
        self.fonts = fonts or FontBook()
        self.images = images or ImageCache(resolve)
        self._apply_scale()
        self.audio = audio if audio is not None else open_audio(resolve)
        self._apply_volumes()
        self._present_needed = True

    @property
    def canvas(self) -> Picture:
        """The 1280x720 canvas the screens draw on, at the window's resolution: the window
        itself when it is exactly that size (presenting then copies nothing), else a surface
        the size of the letterboxed area, copied into it."""
        if self._canvas is None:
            if self.viewport.direct and self.window.get_size() == SIZE:
                self._canvas = Picture(self.window, 1.0, SIZE)
            else:
                surface = pygame.Surface(self.viewport.size).convert()
                self._canvas = Picture(surface, self.viewport.scale, SIZE)
        return self._canvas

    @property
    def prefs(self) -> Preferences:
        """The player's preferences, kept in the persistent data across runs."""
        return self.persistent.preferences

    @prefs.setter
    def prefs(self, value: Preferences) -> None:
        self.persistent.preferences = value

    def keep_persistent(self) -> bool:
        """Write lines read and preferences now; False (logged) when the disk refuses."""
        try:
            self.persistent.save()
        except SaveError as error:
            log.warning("persistent data not written: %s", error)
            return False
        self.seen.unsaved = 0
        return True

    # ----- navigation the screens use -------------------------------------------------------
    def show_title(self) -> None:
        """Back to the title screen, whatever was on the stack."""
        from vn.ui.screens.title import TitleScreen

        self.stack.clear()
        self.stack.push(TitleScreen(self))

    def start_game(self) -> None:
        """The content note, then a new story from its first line."""
        from vn.ui.screens.note import ContentNoteScreen

        self.stack.replace(ContentNoteScreen(self))

    def open(self, name: str) -> bool:
        """Push the registered screen `name`; False (and nothing happens) when there is none."""
        factory = self.screens.get(name)
        if factory is None:
            return False
        self.stack.push(factory(self))
        return True

    def push(self, screen: Screen) -> None:
        self.stack.push(screen)

    def pop(self) -> None:
        self.stack.pop()

    def replace(self, screen: Screen) -> None:
        self.stack.replace(screen)

    def request_stop(self, *_: object) -> None:
        """Ask the loop to quit (autosaving) at its next turn: safe from a signal handler."""
        self.stop_requested = True

    def quit(self) -> None:
        if self.running and self.saving is not None:
            self.saving.before_quit()  # a story left mid-way is autosaved
        self.running = False

    # ----- input ----------------------------------------------------------------------------
    def dispatch(self, action: Action) -> None:
        """Give an action to the top screen; the app keeps the window-wide ones."""
        if action.name == a.FULLSCREEN:
            self.toggle_fullscreen()
        elif action.name == a.SCREENSHOT:
            self._screenshot()
        elif action.name == a.QUIT:
            self.quit()
        else:
            self.stack.handle(action)

    def request_quit(self) -> None:
        """The window's close button: ask first when a story is under way; twice means yes."""
        from vn.ui.screens.confirm import QUIT_QUESTION, ConfirmScreen, confirm
        from vn.ui.screens.game import GameScreen

        screens = self.stack.screens
        playing = any(isinstance(screen, GameScreen) for screen in screens)
        if not playing or isinstance(self.stack.top, ConfirmScreen):
            self.quit()
            return
        confirm(self, QUIT_QUESTION, self.quit)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.request_quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self._resized()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self._present_needed = True
            return
        if event.type == pygame.MOUSEMOTION:
            self.stack.pointer(self.viewport.to_canvas(event.pos))
            return
        for action in self.keymap.actions_for(event):
            if action.pos is not None:
                action = dataclasses.replace(action, pos=self.viewport.to_canvas(action.pos))
            self.dispatch(action)

    # ----- time and drawing -----------------------------------------------------------------
    def step(self, dt: float) -> None:
        dt = usable_seconds(dt)
        self.stack.update(dt)
        self.notices.update(dt)

    @property
    def animating(self) -> bool:
        return self.stack.animating or self.notices.animating

    def render(self, force: bool = False) -> bool:
        """Draw and present when something changed; True when it did."""
        changed = self.stack.dirty or self.notices.dirty
        if not (force or changed or self._present_needed):
            return False
        canvas = self.canvas
        self.stack.draw(canvas)
        self.notices.draw(canvas, self.fonts)
        self.viewport.present(canvas.surface, self.window)
        pygame.display.flip()
        self._present_needed = False
        return True

    def run(self) -> int:
        """The main loop, until the player quits. Returns the process exit code."""
        if not self.stack.screens:
            self.show_title()
        self.render(force=True)
        while self.running:
            if self.stop_requested:
                self.quit()
                break
            self.run_once()
        self.keep_persistent()
        self.audio.close()
        return 0

    def run_once(self) -> None:
        """One turn of the loop: a frame at 60 fps while moving, a short sleep when still."""
        if self.animating:
            dt = self.clock.tick(FPS) / 1000.0
        else:
            time.sleep(IDLE_SLEEP)
            dt = min(self.clock.tick() / 1000.0, 1.0 / FPS)
        for event in pygame.event.get():
            self.handle_event(event)
        self.step(dt)
        self.render()

    # ----- window ---------------------------------------------------------------------------
    def toggle_fullscreen(self) -> None:
        if not self.prefs.fullscreen:
            self._windowed_size = self.window.get_size()
        self.prefs = self.prefs.replace(fullscreen=not self.prefs.fullscreen)
        self.window = self._open_window()
        self._resized()

    def save_screenshot(self) -> Path | None:
        """The canvas as `screenshots/screenshot-NNNN.png` under the save folder."""
        folder = self.save_dir / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            taken = {p.name for p in folder.glob("screenshot-*.png")}
            index = next(i for i in range(1, 100000) if f"screenshot-{i:04d}.png" not in taken)
            path = folder / f"screenshot-{index:04d}.png"
            pygame.image.save(self.canvas.surface, str(path))
        except (OSError, pygame.error, StopIteration) as error:
            log.warning("screenshot not saved: %s", error)
            return None
        log.info("screenshot saved to %s", path)
        return path

    def _screenshot(self) -> None:
        """Take one and say where it went (or that it could not be written)."""
        from vn.ui.notice import notify

        path = self.save_screenshot()
        notify(self, f"Screenshot saved: {path}" if path else "The screenshot could not be saved.")

    def _open_window(self) -> Picture:
        if self.prefs.fullscreen:
            window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            window = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        pygame.display.set_caption(self.script.game.title)
        return window

    def _resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is not None:
            self.window = surface
        viewport = Viewport.fit(self.window.get_size())
        rescaled = viewport.scale != self.viewport.scale
        self.viewport = viewport
        self._canvas = None
        self._present_needed = True
        if rescaled:
            self._apply_scale()
            self.stack.rescaled()  # text and pictures are drawn again at the new resolution

    def _apply_scale(self) -> None:
        """Fonts open, and images resample, at the resolution the window shows the canvas."""
        self.fonts.scale = self.images.scale = self.viewport.scale

    def _set_icon_and_caption(self) -> None:
        pygame.display.set_caption(self.script.game.title)
        try:
            path = self.resolve("ui", "icon")
            if path is not None:
                pygame.display.set_icon(pygame.image.load(str(path)))
        except (pygame.error, OSError, ValueError) as error:
            log.warning("window icon not set: %s", error)

    def _apply_volumes(self) -> None:
        self.audio.set_volumes(*volumes(self.prefs))
