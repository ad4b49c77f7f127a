"""The history (backlog): every line read so far, with its speaker, scrolled like a page.

It reads the engine's history and never changes it: closing it leaves the game as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from vn.script.model import Line, Script
from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.fonts import INTERFACE, STORY, STORY_ITALIC, Face, FontBook
from vn.ui.keymap import KEY
from vn.ui.picture import Picture
from vn.ui.screens.base import Screen
from vn.ui.screens.gamemenu import PAGE, SUBTLE, draw_heading, draw_hint, find_game
from vn.ui.textbox import TEXT_COLOUR, THOUGHT_COLOUR
from vn.ui.typesetting import wrap

if TYPE_CHECKING:
    from vn.ui.app import App

VIEW = pygame.Rect(150, 130, 980, 520)
NAME_WIDTH = 190  # the speaker column, names set flush right against the text
TEXT_X = VIEW.x + NAME_WIDTH + 28
TEXT_WIDTH = VIEW.right - 36 - TEXT_X
TEXT_PX = 24
NAME_PX = 19
ROW_HEIGHT = 34
ENTRY_GAP = 18
WHEEL_ROWS = 3


def parse_colour(text: str) -> tuple[int, int, int]:
    try:
        colour = pygame.Color(text)
    except (ValueError, TypeError):
        return TEXT_COLOUR
    return (colour.r, colour.g, colour.b)


@dataclass(frozen=True)
class Entry:
    """One line as the history shows it."""

    id: str
    kind: str
    name: str
    colour: tuple[int, int, int]
    text: str


def entries(script: Script, ids: Iterable[str]) -> list[Entry]:
    """The history's lines in reading order; ids no longer in the script are left out."""
    found: list[Entry] = []
    for line_id in ids:
        if line_id not in script:
            continue
        line = script.statement(line_id)
        if not isinstance(line, Line):
            continue
        character = script.characters.get(line.speaker or "")
        if line.kind == "narration" or character is None:
            name, colour = "", TEXT_COLOUR
        else:
            name, colour = character.name, parse_colour(character.color)
        found.append(Entry(line.id, line.kind, name, colour, line.text))
    return found


@dataclass(frozen=True)
class Placed:
    """An entry set in type: its wrapped rows and where it starts on the long page."""

    entry: Entry
    rows: tuple[str, ...]
    top: int

    @property
    def height(self) -> int:
        return len(self.rows) * ROW_HEIGHT


class HistoryScreen(Screen):
    """A page of its own: the game below would show through the lines."""

    def __init__(self, app: App, shown: list[Entry]) -> None:
        super().__init__(app)
        self.entries = shown
        self.placed = self._place(app.fonts)
        self.content_height = self.placed[-1].top + self.placed[-1].height if self.placed else 0
        self.scroll = self.max_scroll  # opens at the bottom, on the latest line
        self._rendered: dict[tuple[int, int], Picture] = {}

    @classmethod
    def of_game(cls, app: App) -> HistoryScreen:
        game = find_game(app)
        ids = game.engine.history if game is not None else ()
        return cls(app, entries(app.script, ids))

    def _font(self, entry: Entry) -> Face:
        return self.app.fonts.get(STORY_ITALIC if entry.kind == "thought" else STORY, TEXT_PX)

    def _place(self, fonts: FontBook) -> list[Placed]:
        placed: list[Placed] = []
        top = 0
        for entry in self.entries:
            rows = tuple(wrap(entry.text, self._font(entry), TEXT_WIDTH)) or ("",)
            placed.append(Placed(entry, rows, top))
            top += len(rows) * ROW_HEIGHT + ENTRY_GAP
        return placed

    # ----- scrolling ------------------------------------------------------------------------
    @property
    def max_scroll(self) -> int:
        return max(0, self.content_height - VIEW.height)

    def scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + pixels))
        self.dirty = True

    def handle(self, action: Action) -> bool:
        """The wheel scrolls a few rows, Page Up/Down (the same actions, from keys) a page."""
        name = action.name
        back = VIEW.height - ROW_HEIGHT if action.device == KEY else WHEEL_ROWS * ROW_HEIGHT
        steps = {
            a.ROLLBACK: -back,
            a.ROLL_FORWARD: back,
            a.UP: -ROW_HEIGHT,
            a.DOWN: ROW_HEIGHT,
            a.HOME: -self.content_height,
            a.END: self.content_height,
        }
        if name in steps:
            self.scroll_by(steps[name])
            return True
        if name in (a.MENU, a.HISTORY) or (name == a.ADVANCE and action.pos is None):
            self.app.pop()
            return True
        return name == a.ADVANCE  # a click on the page does nothing, and nothing below

    # ----- drawing --------------------------------------------------------------------------
    def rescaled(self) -> None:
        self._rendered.clear()
        self.dirty = True

    def draw(self, canvas: Picture) -> None:
        canvas.fill(PAGE)
        draw_heading(canvas, self.app, "History")
        if not self.placed:
            empty = self.app.fonts.get(STORY_ITALIC, TEXT_PX).render(
                "Nothing read yet.", True, SUBTLE
            )
            canvas.blit(empty, empty.get_rect(center=VIEW.center))
        else:
            previous = canvas.get_clip()
            canvas.set_clip(VIEW)
            for index, placed in enumerate(self.placed):
                y = VIEW.y + placed.top - self.scroll
                if y + placed.height < VIEW.y or y > VIEW.bottom:
                    continue
                self._draw_entry(canvas, index, placed, y)
            canvas.set_clip(previous)
            self._draw_scrollbar(canvas)
        draw_hint(
            canvas,
            self.app,
            "Wheel, arrows, Page Up/Down, Home/End to scroll  ·  Esc, right click or L to return",
        )

    def _draw_entry(self, canvas: Picture, index: int, placed: Placed, y: int) -> None:
        entry = placed.entry
        if entry.name:
            label = self.app.fonts.get(INTERFACE, NAME_PX, bold=True).render(
                entry.name, True, entry.colour
            )
            canvas.blit(label, label.get_rect(topright=(TEXT_X - 28, y + 6)))
        for row_index in range(len(placed.rows)):
            surface = self._row(index, row_index)
            canvas.blit(surface, (TEXT_X, y + row_index * ROW_HEIGHT))

    def _row(self, index: int, row_index: int) -> Picture:
        """A row rendered the first time it scrolls into view, then kept."""
        key = (index, row_index)
        surface = self._rendered.get(key)
        if surface is None:
            placed = self.placed[index]
            colour = THOUGHT_COLOUR if placed.entry.kind == "thought" else TEXT_COLOUR
            surface = self._font(placed.entry).render(placed.rows[row_index], True, colour)
            self._rendered[key] = surface
        return surface

    def _draw_scrollbar(self, canvas: Picture) -> None:
        if self.max_scroll <= 0:
            return
        track = pygame.Rect(VIEW.right - 8, VIEW.y, 4, VIEW.height)
        canvas.rect((60, 58, 54), track, border_radius=2)
        share = VIEW.height / self.content_height
        length = max(28, round(track.height * share))
        top = track.y + round((track.height - length) * self.scroll / self.max_scroll)
        canvas.rect((196, 186, 164), (track.x, top, 4, length), border_radius=2)
