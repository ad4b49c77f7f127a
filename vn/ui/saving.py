"""Saving and loading the game in play: slots, quick save, autosaves, Continue, thumbnails.

The controller works on the game screen found on the stack, so it serves the save screen, the
quick keys and the title alike. Every failure becomes a notice and a log line, never a crash:
the game goes on with the save that could not be read left exactly as it was.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from vn.save import SaveError, SaveStore, SlotInfo
from vn.save.slots import QUICK
from vn.script.model import Line, Script
from vn.ui.notice import notify
from vn.ui.screens.base import Screen

if TYPE_CHECKING:
    from vn.runtime import Engine
    from vn.ui.app import App
    from vn.ui.screens.game import GameScreen

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = (256, 144)

QUICK_SAVED = "Quick saved"
SAVED = "Saved"
NOTHING_TO_LOAD = "Nothing to load yet"
NOTHING_TO_SAVE = "There is nothing to save yet"


def capture_thumbnail(picture: pygame.Surface, size: tuple[int, int] = THUMBNAIL_SIZE) -> bytes:
    """The picture scaled down and encoded as PNG bytes."""
    from vn.ui.png import encode_png  # with the first save, not at start

    small = pygame.transform.smoothscale(picture.convert(24) if _odd(picture) else picture, size)
    return encode_png(small)


def _odd(surface: pygame.Surface) -> bool:
    """smoothscale takes only 24 and 32 bit surfaces."""
    return surface.get_bitsize() not in (24, 32)


def save_meta(script: Script, engine: Engine) -> dict[str, Any]:
    """What the slot shows without loading the game: scene title, speaker and line."""
    state = engine.state
    scene = next((s for s in script.scenes if s.id == state.scene), None)
    line = engine.line
    meta: dict[str, Any] = {"scene_title": scene.title if scene else ""}
    meta["speaker"] = _speaker(script, line)
    meta["line_text"] = line.text if line else ""
    meta["line_id"] = line.id if line else ""
    return meta


def _speaker(script: Script, line: Line | None) -> str:
    if line is None or line.speaker is None or line.kind == "narration":
        return ""
    character = script.characters.get(line.speaker)
    return character.name if character else line.speaker


def first_line_of_scene(script: Script, line: Line) -> bool:
    """True when no Line comes before `line` in its scene."""
    scene = script.scene_of(line.id)
    first = next((s for s in scene.body if isinstance(s, Line)), None)
    return first is not None and first.id == line.id


class Saving:
    """Saves and loads the game on the app's stack through one SaveStore."""

    def __init__(self, app: App, store: SaveStore) -> None:
        self.app = app
        self.store = store
        self.thumbnails = True
        self.pages: dict[str, str] = {}  # the page each save screen mode showed last
        self._watched: weakref.WeakSet[GameScreen] = weakref.WeakSet()

    # ----- the game in play -----------------------------------------------------------------
    def game(self) -> GameScreen | None:
        """The game screen on the stack (under any menus), or None."""
        from vn.ui.screens.game import GameScreen

        games = [s for s in self.app.stack.screens if isinstance(s, GameScreen)]
        return games[-1] if games else None

    def can_save(self) -> bool:
        game = self.game()
        return game is not None and game.engine.state.line is not None

    # ----- writing --------------------------------------------------------------------------
    def save(self, slot: str, *, quiet: bool = False) -> SlotInfo | None:
        """Save the game in `slot`; None (with a notice) when it could not be saved."""
        return self._write(lambda meta, state, png: self.store.write(slot, meta, state, png), quiet)

    def autosave(self) -> SlotInfo | None:
        """Save over the oldest autosave, without a word unless it fails."""
        return self._write(self.store.autosave, quiet=True)

    def quick_save(self) -> SlotInfo | None:
        info = self.save(QUICK, quiet=True)
        if info is not None:
            notify(self.app, QUICK_SAVED)
        return info

    def _write(
        self, write: Callable[[dict[str, Any], dict[str, Any], bytes | None], SlotInfo], quiet: bool
    ) -> SlotInfo | None:
        game = self.game()
        if game is None or game.engine.state.line is None:
            if not quiet:
                notify(self.app, NOTHING_TO_SAVE)
            return None
        meta = save_meta(self.app.script, game.engine)
        meta["music_position"] = round(self.app.audio.music_position, 2)
        meta["ambience_position"] = round(self.app.audio.ambience_position, 2)
        png = capture_thumbnail(game.snapshot().surface) if self.thumbnails else None
        try:
            info = write(meta, game.engine.to_json(), png)
        except SaveError as error:
            notify(self.app, _sentence(error.message))
            return None
        if not quiet:
            notify(self.app, SAVED)
        return info

    def delete(self, slot: str) -> bool:
        try:
            self.store.delete(slot)
        except SaveError as error:
            log.warning("slot %s not deleted: %s", slot, error.message)
            notify(self.app, _sentence(error.message))
            return False
        return True

    # ----- reading --------------------------------------------------------------------------
    def load(self, slot: str) -> bool:
        """Replace whatever is playing with the game saved in `slot`; False with a notice when
        the slot can't be read (nothing else changes then)."""
        engine = self._engine(slot)
        if engine is None:
            return False
        from vn.ui.screens.game import GameScreen

        game = GameScreen(self.app, engine, resume=True, audio_start=self._audio_start(slot))
        self.app.stack.clear()
        self.app.push(game)
        if engine.relocated:
            log.info("slot %s resumed elsewhere: %s", slot, engine.relocation_note)
            notify(self.app, engine.relocation_note, seconds=5.0)
        return True

    def _engine(self, slot: str) -> Engine | None:
        from vn.runtime import Engine, StateError  # not needed until a save is read

        try:
            data = self.store.read(slot)
        except SaveError as error:
            if error.code == "empty-slot":
                notify(self.app, NOTHING_TO_LOAD)
            else:
                notify(self.app, _sentence(error.message))
            return None
        try:
            return Engine.from_json(self.app.script, data)
        except StateError as error:
            log.warning("slot %s can't be resumed: %s", slot, error.reason)
            notify(self.app, f"This save can't be read: {error.reason}.")
            return None

    def _audio_start(self, slot: str) -> tuple[float, float]:
        """Where the saved music and ambience were, so a load picks them up in place."""
        meta = self.store.read_meta(slot).meta
        return (_seconds(meta.get("music_position")), _seconds(meta.get("ambience_position")))

    def quick_load(self) -> bool:
        return self.load(QUICK)

    def latest(self) -> SlotInfo | None:
        return self.store.latest()

    def continue_game(self) -> bool:
        """Resume the newest save of any kind."""
        latest = self.latest()
        if latest is None:
            notify(self.app, NOTHING_TO_LOAD)
            return False
        return self.load(latest.slot)

    # ----- moments that save on their own ---------------------------------------------------
    def watch(self, game: GameScreen) -> None:
        """Autosave `game` at the first line of each scene (keeping any other listener)."""
        if game in self._watched:
            return
        self._watched.add(game)
        before = game.on_line

        def on_line(line: Line) -> None:
            if before is not None:
                before(line)
            if first_line_of_scene(self.app.script, line):
                self.autosave()

        game.on_line = on_line

    def before_quit(self) -> None:
        """Autosave a story left mid-way (the window closed, or Quit from a menu)."""
        game = self.game()
        if game is None or game.engine.state.line is None:
            return
        try:
            self.autosave()
        except Exception:  # quitting must never fail, whatever went wrong with the save
            log.exception("the autosave on quitting failed")


def _seconds(value: object) -> float:
    """A saved position in seconds; anything else (hand-edited, absent) is the start."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 86400:
        return float(value)
    return 0.0


def _sentence(message: str) -> str:
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class InstantScreen(Screen):
    """A registry entry that acts instead of showing: it leaves the stack as it enters, then
    runs, so a key bound to a registry name (quick save) can do a thing rather than open one."""

    opaque = False

    def __init__(self, app: App, run: Callable[[], object]) -> None:
        super().__init__(app)
        self._run = run

    def enter(self) -> None:
        if self.app.stack.top is self:
            self.app.pop()
        self._run()


def register_saves(app: App, store: SaveStore | None = None) -> Saving:
    """Register "save", "load", "quicksave", "quickload" and "continue", and make the
    controller the app's `saving` (autosaves, Continue on the title); the controller.

    The save and load screens are imported when first opened: the title needs only `latest`.
    """
    saving = Saving(app, store if store is not None else SaveStore(app.save_dir))
    app.screens["save"] = lambda a_: _slots_screen(a_, saving, "save")
    app.screens["load"] = lambda a_: _slots_screen(a_, saving, "load")
    app.screens["quicksave"] = lambda a_: InstantScreen(a_, saving.quick_save)
    app.screens["quickload"] = lambda a_: InstantScreen(a_, saving.quick_load)
    app.screens["continue"] = lambda a_: InstantScreen(a_, saving.continue_game)
    app.saving = saving
    return saving


def _slots_screen(app: App, saving: Saving, mode: str) -> Screen:
    from vn.ui.screens.saveload import SaveLoadScreen

    return SaveLoadScreen(app, saving, mode)
