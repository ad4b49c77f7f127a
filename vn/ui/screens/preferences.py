"""The preferences screen: sliders and choices over `vn.save.Preferences`, applied live.

Every control works with the mouse (click a choice, click along a slider) and the keyboard
(Up/Down pick a row, Left/Right change it, Enter cycles a choice). The screen only reads and
hands back new Preferences values; `set_prefs` applies them and `on_close` keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from vn.save import Preferences
from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import WIDTH
from vn.ui.fonts import INTERFACE
from vn.ui.picture import Picture
from vn.ui.screens.base import Screen
from vn.ui.screens.gamemenu import (
    HEADING,
    PAGE,
    SUBTLE,
    draw_heading,
    draw_hint,
    outline_focus,
)
from vn.ui.settings import volumes
from vn.ui.widgets import Menu, MenuItem

if TYPE_CHECKING:
    from vn.ui.app import App

SLIDER = "slider"
CHOICE = "choice"

ROWS_TOP = 138
ROW_HEIGHT = 54
LABEL_RIGHT = 470
CONTROL_X = 510
CONTROL_WIDTH = 470
TRACK_WIDTH = 340
CHOICE_HEIGHT = 36

ACCENT = (226, 184, 112)
TRACK = (74, 70, 64)
CHOICE_FILL = (36, 34, 40)
CHOICE_ON = (92, 74, 44)
FOCUS_BAND = (255, 255, 255, 14)

# Discrete stops, slow to fast and quiet to loud, so the keyboard moves in sensible steps.
TEXT_SPEEDS = (10, 20, 30, 40, 55, 75, 100, 150, 0)  # characters a second; 0 is instant
AUTO_DELAYS = (6.0, 4.5, 3.5, 2.75, 2.0, 1.5, 1.1, 0.8, 0.5)  # seconds per unit of reading
AUTO_NAMES = ("Slowest", "Slower", "Slow", "Relaxed", "Medium", "Brisk", "Quick", "Fast", "Fastest")
TENTHS = tuple(round(i / 10, 1) for i in range(11))
TWENTIETHS = tuple(round(i / 20, 2) for i in range(21))


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


@dataclass(frozen=True)
class Setting:
    """One row: which field it edits, its stops in order, and how a stop reads."""

    label: str
    field: str
    kind: str
    values: tuple[Any, ...]
    names: Callable[[Any], str]

    def index_of(self, value: Any) -> int:
        """The stop nearest the value (a hand-edited file may hold one between stops)."""
        if value in self.values:
            return self.values.index(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return 0
        numeric = [v for v in self.values if not isinstance(v, bool)]
        nearest = min(numeric, key=lambda v: abs(_speed_key(v) - _speed_key(value)))
        return self.values.index(nearest)


def _speed_key(value: float) -> float:
    """Text speed 0 means instant: the fastest, not the slowest."""
    return 10_000.0 if value == 0 else float(value)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "Text speed",
        "text_speed",
        SLIDER,
        TEXT_SPEEDS,
        lambda v: "Instant" if v == 0 else f"{v} characters/s",
    ),
    Setting(
        "Auto-forward speed",
        "auto_forward_delay",
        SLIDER,
        AUTO_DELAYS,
        lambda v: AUTO_NAMES[AUTO_DELAYS.index(v)],
    ),
    Setting(
        "Skip",
        "skip_unseen",
        CHOICE,
        (False, True),
        lambda v: "All text" if v else "Read text only",
    ),
    Setting("Music volume", "music_volume", SLIDER, TENTHS, _percent),
    Setting("Sound volume", "sound_volume", SLIDER, TENTHS, _percent),
    Setting(
        "Display", "fullscreen", CHOICE, (False, True), lambda v: "Fullscreen" if v else "Window"
    ),
    Setting("Text size", "text_size", CHOICE, ("small", "medium", "large"), str.capitalize),
    Setting("Text box opacity", "textbox_opacity", SLIDER, TWENTIETHS, _percent),
)


def row_rect(index: int) -> pygame.Rect:
    left = CONTROL_X - 300
    return pygame.Rect(left, ROWS_TOP + index * ROW_HEIGHT, WIDTH - 2 * left, 46)


def track_rect(index: int) -> pygame.Rect:
    row = row_rect(index)
    return pygame.Rect(CONTROL_X + 8, row.centery - 3, TRACK_WIDTH, 6)


def choice_rects(index: int, count: int) -> list[pygame.Rect]:
    row = row_rect(index)
    gap = 10
    width = (CONTROL_WIDTH - gap * (count - 1)) // count
    top = row.centery - CHOICE_HEIGHT // 2
    return [
        pygame.Rect(CONTROL_X + i * (width + gap), top, width, CHOICE_HEIGHT) for i in range(count)
    ]


class PreferencesScreen(Screen):
    """A page of its own, over the title or the game alike."""

    def __init__(
        self,
        app: App,
        get_prefs: Callable[[], Preferences],
        set_prefs: Callable[[Preferences], None],
        on_close: Callable[[], None] = lambda: None,
        settings: Sequence[Setting] = SETTINGS,
    ) -> None:
        super().__init__(app)
        self._get = get_prefs
        self._set = set_prefs
        self._on_close = on_close
        self.settings = tuple(settings)
        self.focus = 0
        self.back = Menu([MenuItem("Return", app.pop)], WIDTH // 2, self._back_top(), (220, 46))

    def _back_top(self) -> int:
        return ROWS_TOP + len(self.settings) * ROW_HEIGHT + 18

    @property
    def on_back(self) -> bool:
        return self.focus == len(self.settings)

    def exit(self) -> None:
        self._on_close()

    # ----- changing values ------------------------------------------------------------------
    def value(self, setting: Setting) -> Any:
        return getattr(self._get(), setting.field)

    def choose(self, setting: Setting, index: int) -> None:
        index = max(0, min(len(setting.values) - 1, index))
        value = setting.values[index]
        if value == self.value(setting):
            return
        self._set(self._get().replace(**{setting.field: value}))
        self.dirty = True

    def step(self, setting: Setting, by: int) -> None:
        self.choose(setting, setting.index_of(self.value(setting)) + by)

    # ----- input ----------------------------------------------------------------------------
    def handle(self, action: Action) -> bool:
        name = action.name
        self.dirty = True
        if name == a.MENU:
            self.app.pop()
        elif name in (a.UP, a.DOWN):
            count = len(self.settings) + 1
            self.focus = (self.focus + (-1 if name == a.UP else 1)) % count
        elif name in (a.LEFT, a.RIGHT) and not self.on_back:
            self.step(self.settings[self.focus], -1 if name == a.LEFT else 1)
        elif name == a.ADVANCE:
            self._activate(action.pos)
        else:
            return False
        return True

    def _activate(self, pos: tuple[int, int] | None) -> None:
        if pos is None:
            if self.on_back:
                self.app.pop()
            else:
                setting = self.settings[self.focus]
                if setting.kind == CHOICE:
                    index = setting.index_of(self.value(setting))
                    self.choose(setting, (index + 1) % len(setting.values))
            return
        if self.back.at(pos) is not None:
            self.app.pop()
            return
        for index, setting in enumerate(self.settings):
            if self._click(index, setting, pos):
                self.focus = index
                return

    def _click(self, index: int, setting: Setting, pos: tuple[int, int]) -> bool:
        if setting.kind == CHOICE:
            for option, rect in enumerate(choice_rects(index, len(setting.values))):
                if rect.collidepoint(pos):
                    self.choose(setting, option)
                    return True
            return False
        track = track_rect(index)
        if not track.inflate(24, 36).collidepoint(pos):
            return False
        share = (pos[0] - track.x) / max(1, track.width)
        self.choose(setting, round(share * (len(setting.values) - 1)))
        return True

    def pointer(self, pos: tuple[int, int]) -> None:
        if self.back.at(pos) is not None:
            target = len(self.settings)
        else:
            target = next(
                (i for i in range(len(self.settings)) if row_rect(i).collidepoint(pos)), None
            )
        if target is not None and target != self.focus:
            self.focus = target
            self.dirty = True

    # ----- drawing --------------------------------------------------------------------------
    def draw(self, canvas: Picture) -> None:
        canvas.fill(PAGE)
        draw_heading(canvas, self.app, "Preferences")
        for index, setting in enumerate(self.settings):
            self._draw_row(canvas, index, setting)
        self.back.focus = 0
        if self.on_back:
            self.back.draw(canvas, self.app.fonts, self.app.images)
            outline_focus(canvas, self.back.rects[0])
        else:
            self._draw_back_idle(canvas)
        draw_hint(
            canvas,
            self.app,
            "Up/Down choose  ·  Left/Right change  ·  Esc or right click to return",
        )

    def _draw_back_idle(self, canvas: Picture) -> None:
        rect = self.back.rects[0]
        canvas.blit(self.app.images.scaled("ui", "button", rect.size), rect)
        label = self.app.fonts.get(INTERFACE, 22).render("Return", True, HEADING)
        canvas.blit(label, label.get_rect(center=rect.center))

    def _draw_row(self, canvas: Picture, index: int, setting: Setting) -> None:
        focused = index == self.focus
        row = row_rect(index)
        if focused:
            band = Picture.blank(row.size, canvas.scale, alpha=True)
            band.rect(FOCUS_BAND, band.get_rect(), border_radius=8)
            canvas.blit(band, row)
        font = self.app.fonts.get(INTERFACE, 21)
        label = font.render(setting.label, True, HEADING if focused else SUBTLE)
        canvas.blit(label, label.get_rect(midright=(LABEL_RIGHT, row.centery)))
        if setting.kind == SLIDER:
            self._draw_slider(canvas, index, setting, focused)
        else:
            self._draw_choices(canvas, index, setting, focused)

    def _draw_slider(self, canvas: Picture, index: int, setting: Setting, focused: bool) -> None:
        track = track_rect(index)
        position = setting.index_of(self.value(setting))
        share = position / max(1, len(setting.values) - 1)
        canvas.rect(TRACK, track, border_radius=3)
        filled = track.copy()
        filled.width = max(6, round(track.width * share))
        canvas.rect(ACCENT if focused else SUBTLE, filled, border_radius=3)
        centre = (track.x + round(track.width * share), track.centery)
        canvas.circle((20, 18, 22), centre, 11)
        canvas.circle(ACCENT if focused else HEADING, centre, 9)
        text = setting.names(setting.values[position])
        value = self.app.fonts.get(INTERFACE, 19).render(text, True, HEADING)
        canvas.blit(value, value.get_rect(midleft=(track.right + 26, track.centery)))

    def _draw_choices(self, canvas: Picture, index: int, setting: Setting, focused: bool) -> None:
        chosen = setting.index_of(self.value(setting))
        font = self.app.fonts.get(INTERFACE, 19)
        for option, rect in enumerate(choice_rects(index, len(setting.values))):
            on = option == chosen
            canvas.rect(CHOICE_ON if on else CHOICE_FILL, rect, border_radius=7)
            edge = ACCENT if on and focused else (140, 126, 98) if on else (70, 66, 62)
            canvas.rect(edge, rect, width=1, border_radius=7)
            colour = HEADING if on else SUBTLE
            label = font.render(setting.names(setting.values[option]), True, colour)
            canvas.blit(label, label.get_rect(center=rect.center))


def apply_preferences(app: App, new: Preferences) -> None:
    """Make new preferences take effect at once: window, volumes, the text box on screen."""
    from vn.ui.screens.gamemenu import find_game

    old = app.prefs
    if new == old:
        return
    if new.fullscreen != old.fullscreen:
        app.toggle_fullscreen()
    app.prefs = new
    app.audio.set_volumes(*volumes(new))
    game = find_game(app)
    if game is not None:
        game.apply_preferences()
    app.stack.mark_dirty()


def keep_preferences(app: App) -> None:
    """Write the preferences (and lines read) now; a refusal is said, not raised."""
    from vn.ui.notice import notify

    if not app.keep_persistent():
        notify(app, "Your preferences could not be saved; they apply until you quit.")


def preferences_screen(app: App) -> PreferencesScreen:
    """The registry's "preferences": edits the app's preferences, kept when it closes."""
    return PreferencesScreen(
        app,
        lambda: app.prefs,
        lambda new: apply_preferences(app, new),
        lambda: keep_preferences(app),
    )
