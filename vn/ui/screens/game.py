"""The game screen: pulls directives from the engine and plays them on the stage and text box.

Methods for the menus built on top: `advance()`, `rollback()`, `roll_forward()`,
`show_moment()` (redraw from the engine's state after a load), `toggle_hidden()`,
`apply_preferences()` (after the preferences screen changed them), `line_complete`,
`snapshot()`; `skip` and `auto` (vn.ui.reading) are the skip and auto-forward modes, `quick`
the quick menu under the text box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from vn.script.model import (
    Ambience,
    Background,
    Effect,
    Hide,
    Line,
    Music,
    Overlay,
    Pause,
    Show,
    Sound,
)
from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import SIZE
from vn.ui.effects import ScreenEffect
from vn.ui.picture import Picture
from vn.ui.quickmenu import QuickButton, QuickMenu, draw_sign
from vn.ui.reading import Auto, Moment, Skip
from vn.ui.screens.base import Screen
from vn.ui.screens.card import TitleCard
from vn.ui.settings import story_px
from vn.ui.stage import Stage
from vn.ui.textbox import BOX, TEXT_COLOUR, Speech, TextBox

if TYPE_CHECKING:
    from vn.runtime import Engine
    from vn.ui.app import App

MENU_SCREENS = {
    a.MENU: "game_menu",
    a.HISTORY: "history",
    a.QUICKSAVE: "quicksave",
    a.QUICKLOAD: "quickload",
}


def parse_colour(text: str) -> tuple[int, int, int]:
    try:
        c = pygame.Color(text)
        return (c.r, c.g, c.b)
    except (ValueError, TypeError):
        return TEXT_COLOUR


class GameScreen(Screen):
    def __init__(
        self,
        app: App,
        engine: Engine | None = None,
        resume: bool = False,
        audio_start: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        super().__init__(app)
        if engine is None:
            from vn.runtime import Engine

            engine = Engine(app.script)
        self.engine = engine
        script = app.script
        sprites = {cid: c.sprite for cid, c in script.characters.items()}
        self.stage = Stage(app.images, sprites, BOX.top)
        self.box = TextBox(app.fonts, app.images, story_px(app.prefs), app.prefs.text_speed)
        self.box.opacity = app.prefs.textbox_opacity
        self.effects: list[ScreenEffect] = []
        self.card: TitleCard | None = None
        self.line: Line | None = None
        self.wait = 0.0
        self.hidden = False
        self.skip = Skip()
        self.auto = Auto()
        self.quick = QuickMenu(app.fonts)
        self.line_unread = False  # the line on screen had never been read before
        self.on_line: Callable[[Line], None] | None = None
        self.lines_shown = 0  # lines typed out so far (not redraws of a moment)
        self._pending_card: str | None = None
        self._queued: Line | None = None
        self._resume = resume
        self._audio_start = audio_start  # music and ambience positions of a loaded save
        self._started = False

    # ----- lifecycle ------------------------------------------------------------------------
    def enter(self) -> None:
        if self._started:
            return
        self._started = True
        if self.app.saving is not None:
            self.app.saving.watch(self)  # autosaves at each scene's first line
        if self._resume:
            self.show_moment(*self._audio_start)
        else:
            self.app.audio.music(None, fade=1.0)
            self.box.visible = False
            self._pull()

    def pause(self) -> None:
        """A menu opened over the game: skipping stops."""
        self.skip.stop()

    def exit(self) -> None:
        """Off to the title or the ending: the lines read are written now."""
        self.app.seen.flush()

    # ----- actions --------------------------------------------------------------------------
    def handle(self, action: Action) -> bool:
        name = action.name
        if not action.pressed:
            if name == a.SKIP_HOLD:
                self.skip.hold(False)
                self.dirty = True
            return name == a.SKIP_HOLD
        if self.hidden:  # any input brings the interface back, and does nothing else
            self.toggle_hidden()
            return True
        if name == a.ADVANCE and action.pos is not None:
            button = self.quick.at(action.pos)
            if button is not None:
                self.press_quick(button)
                return True
        if name == a.ADVANCE and (self.skip.active or self.auto.on):
            self.stop_modes()  # a click stops skipping or auto-forward, and only that
        elif name == a.ADVANCE:
            self.advance()
        elif name in (a.ROLLBACK, a.ROLL_FORWARD):
            self.stop_modes()
            self.rollback() if name == a.ROLLBACK else self.roll_forward()
        elif name in (a.SKIP_HOLD, a.SKIP_TOGGLE):
            self.skip.hold(True) if name == a.SKIP_HOLD else self.skip.toggle()
            self.dirty = True
        elif name == a.AUTO:
            self.auto.toggle()
            self.dirty = True
        elif name == a.HIDE:
            self.toggle_hidden()
        elif name in MENU_SCREENS:
            self.skip.stop()
            return self.app.open(MENU_SCREENS[name])
        else:
            return False
        return True

    def press_quick(self, button: QuickButton) -> None:
        """A quick-menu button: the action it stands for, or the screen it opens."""
        if button.screen is not None:
            self.skip.stop()
            self.app.open(button.screen)
        elif button.action is not None:
            self.handle(Action(button.action))

    def stop_modes(self) -> None:
        if self.skip.active or self.auto.on:
            self.skip.stop()
            self.auto.stop()
            self.dirty = True

    def pointer(self, pos: tuple[int, int]) -> None:
        if not self.hidden and self.quick.pointer(pos):
            self.dirty = True

    def advance(self) -> None:
        """Complete the line, turn the page, or go on to what comes next."""
        self.dirty = True
        if self.hidden:
            self.hidden = False
        elif self.wait > 0:
            self._end_wait()
        elif not self.box.page_complete:
            self.box.complete_page()
        elif self.box.has_next_page:
            self.box.next_page()
        else:
            self._pull()

    def rollback(self) -> bool:
        """Back one line; during a transition or pause, back to the line it follows."""
        if self.wait > 0 and self._queued is None:
            if not self.engine.rollback():
                return False
            self.engine.roll_forward()
        elif not self.engine.rollback():
            return False
        self.show_moment()
        return True

    def roll_forward(self) -> bool:
        if self.wait > 0 or not self.engine.roll_forward():
            return False
        self.show_moment()
        return True

    def apply_preferences(self) -> None:
        """Take up changed preferences on the line on screen: speed, text size, box opacity."""
        prefs = self.app.prefs
        self.box.cps = prefs.text_speed
        self.box.typewriter.cps = prefs.text_speed
        if prefs.text_speed <= 0:
            self.box.complete_page()
        self.box.opacity = prefs.textbox_opacity
        if self.box.story_px != story_px(prefs):
            self.box.reflow(story_px(prefs))
        self.dirty = True

    def toggle_hidden(self) -> None:
        self.hidden = not self.hidden
        self.dirty = True

    @property
    def line_complete(self) -> bool:
        """The line on screen is all shown and waits for the player."""
        return (
            self.wait <= 0
            and self.line is not None
            and self.box.page_complete
            and not self.box.has_next_page
        )

    # ----- the moment on screen -------------------------------------------------------------
    def show_moment(self, music_start: float = 0.0, ambience_start: float = 0.0) -> None:
        """Redraw the engine's current state alone, without transitions (load, rollback).

        A track already playing keeps its place; a loaded save passes where its tracks were.
        """
        state = self.engine.state
        self.stage.show_state(state)
        self.effects.clear()
        self.card = None
        self.wait = 0.0
        self._queued = None
        self.app.audio.music(state.music, fade=0.5, start=music_start)
        self.app.audio.ambience(state.ambience, fade=0.5, start=ambience_start)
        line = None
        if state.line is not None and state.line in self.app.script:
            found = self.app.script.statement(state.line)
            line = found if isinstance(found, Line) else None
        if line is None:
            self.line = None
            self.box.clear()
        else:
            self._show_line(line, complete=True)
        self.dirty = True

    def _pull(self) -> None:
        """Ask the engine for directives until one needs the player or time."""
        from vn.runtime import End, SceneStart

        while True:
            if not self.engine.can_continue():
                self._finish()
                return
            directive = self.engine.next()
            if isinstance(directive, End):
                self._finish()
                return
            if isinstance(directive, SceneStart):
                scene = directive.scene
                self._pending_card = scene.title if scene.card and scene.title else None
                continue
            if isinstance(directive, Line):
                if self._pending_card is not None:
                    self._start_card(directive)
                else:
                    self._show_line(directive)
                return
            if self._stage(directive) > 0:
                return

    def _stage(self, directive: Any) -> float:
        """Play a staging statement; the seconds the story waits for it."""
        audio = self.app.audio
        self.line = None
        if isinstance(directive, (Background, Overlay, Show, Hide)):
            if isinstance(directive, Background):
                self.box.visible = False
            self.box.clear()
            self.wait = self.stage.apply(directive)
        elif isinstance(directive, Music):
            audio.music(directive.name, fade=directive.fade, loop=directive.loop)
        elif isinstance(directive, Ambience):
            audio.ambience(directive.name, fade=directive.fade)
        elif isinstance(directive, Sound):
            audio.sound(directive.name, volume=directive.volume)
        elif isinstance(directive, Effect):
            effect = ScreenEffect(
                directive.name, directive.duration, directive.strength, directive.color
            )
            self.effects.append(effect)
            self.wait = effect.duration
        elif isinstance(directive, Pause):
            self.box.clear()
            self.wait = max(0.0, directive.seconds)
        self.dirty = True
        return self.wait

    def _start_card(self, line: Line) -> None:
        self.card = TitleCard(self._pending_card or "", self.app.fonts)
        self._pending_card = None
        self._queued = line
        self.box.visible = False
        self.wait = 2.8
        self.dirty = True

    def _show_line(self, line: Line, complete: bool = False) -> None:
        self.line = line
        self.box.visible = True
        self.box.cps = self.app.prefs.text_speed
        self.box.show(self._speech(line))
        seen_before = self.app.seen.mark(line.id)
        self.line_unread = not (complete or seen_before)
        if complete:
            self.box.complete_page()
        self.dirty = True
        if not complete:
            self.lines_shown += 1
            if self.on_line is not None:
                self.on_line(line)

    def _speech(self, line: Line) -> Speech:
        if line.kind == "narration" or line.speaker is None:
            return Speech(line.text, "narration", manner=line.manner)
        character = self.app.script.characters.get(line.speaker)
        name = character.name if character else line.speaker
        colour = parse_colour(character.color) if character else TEXT_COLOUR
        return Speech(line.text, line.kind, name, colour, line.manner)

    def _finish(self) -> None:
        from vn.ui.screens.ending import EndingScreen

        self.app.replace(EndingScreen(self.app))

    # ----- time -----------------------------------------------------------------------------
    @property
    def animating(self) -> bool:
        """Also while skipping or auto-forwarding: their time must pass at the real rate."""
        return (
            self.wait > 0
            or bool(self.effects)
            or self.stage.animating
            or self.box.animating
            or self.skip.active
            or self.auto.on
        )

    def rescaled(self) -> None:
        self.stage.rescaled()
        self.box.rescaled()
        self.quick.rescaled()
        self.dirty = True

    def update(self, dt: float) -> None:
        if self.skip.active:
            self._skip(dt)
            if self.app.stack.top is not self:
                return
        if self.wait > 0:
            self.wait -= dt
            self._tick_staging(dt)
            self.dirty = True
            if self.wait <= 0:
                self._end_wait()
        elif self.box.update(dt):
            self.dirty = True
        if self.auto.update(dt, self.moment(), self.app.prefs.auto_forward_delay):
            self.advance()

    def moment(self) -> Moment:
        """The screen as skip and auto-forward see it."""
        line_id = self.line.id if self.line is not None else None
        page = self.box.pages[self.box.page_index] if self.box.pages else None
        return Moment(
            token=(self.lines_shown, line_id, self.box.page_index),
            line_id=line_id,
            chars=page.chars if page is not None else 0,
            complete=line_id is not None and self.box.page_complete,
            busy=self.wait > 0 or self.hidden,
            unread=self.line_unread,
        )

    def _skip(self, dt: float) -> None:
        """Pass read lines at the skip rate, cutting transitions and effects short."""
        credits = self.skip.due(dt)
        skip_unseen = self.app.prefs.skip_unseen
        for _ in range(100):  # each turn passes a line or ends a wait; never spin
            if not self.skip.active or self.app.stack.top is not self:
                return
            if self.wait > 0:
                self._end_wait()
                continue
            if not self.skip.may_pass(self.moment(), skip_unseen) or credits <= 0:
                return
            credits -= 1
            self._pass_line()

    def _pass_line(self) -> None:
        self.dirty = True
        self.box.complete_page()
        while self.box.has_next_page:
            self.box.next_page()
            self.box.complete_page()
        self._pull()

    def _tick_staging(self, dt: float) -> None:
        self.stage.update(dt)
        for effect in self.effects:
            effect.update(dt)
        self.effects = [e for e in self.effects if not e.done]
        if self.card is not None:
            self.card.update(dt)

    def _end_wait(self) -> None:
        """The wait is over (or was clicked through): finish it and go on."""
        self.wait = 0.0
        self.stage.finish()
        self.effects.clear()
        self.card = None
        self.dirty = True
        queued, self._queued = self._queued, None
        if queued is not None:
            self._show_line(queued)
        else:
            self._pull()

    # ----- drawing --------------------------------------------------------------------------
    def draw(self, canvas: Picture) -> None:
        self._draw_scene(canvas)
        if self.hidden:
            return
        self.quick.draw(canvas, self._lit())
        if self.skip.active:
            draw_sign(canvas, self.app.fonts, "Skipping", 2)
        elif self.auto.on:
            draw_sign(canvas, self.app.fonts, "Auto", 1)

    def _lit(self) -> frozenset[str]:
        lit = {a.SKIP_TOGGLE} if self.skip.active else set()
        return frozenset(lit | ({a.AUTO} if self.auto.on else set()))

    def _draw_scene(self, canvas: Picture) -> None:
        self.stage.draw(canvas)
        if self.card is not None:
            self.card.draw(canvas)
        if not self.hidden:
            self.box.draw(canvas)
        for effect in self.effects:
            effect.apply(canvas)

    def snapshot(self) -> Picture:
        """The game as it looks now, without menus, quick menu or signs (save thumbnails)."""
        frame = Picture.blank(SIZE, self.app.canvas.scale)
        self._draw_scene(frame)
        return frame
