"""A yes/no question over the screen below: `confirm(app, question, on_yes)`.

"No" has the focus at first, so a stray Enter never overwrites or deletes anything; Esc and a
right click answer no.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import WIDTH
from vn.ui.fonts import STORY
from vn.ui.picture import Picture
from vn.ui.screens.base import MenuScreen
from vn.ui.typesetting import wrap
from vn.ui.widgets import TEXT, Menu, MenuItem, draw_panel, draw_veil

if TYPE_CHECKING:
    from vn.ui.app import App

PANEL = pygame.Rect(WIDTH // 2 - 320, 230, 640, 260)
BUTTON = (200, 50)
QUESTION_PX = 30


QUIT_QUESTION = "Quit the game? Your place is kept in an autosave."


class ConfirmScreen(MenuScreen):
    opaque = False

    def __init__(
        self,
        app: App,
        question: str,
        on_yes: Callable[[], None],
        on_no: Callable[[], None] | None = None,
        yes: str = "Yes",
        no: str = "No",
    ) -> None:
        super().__init__(app)
        self.question = question
        self._on_yes = on_yes
        self._on_no = on_no
        top = PANEL.bottom - BUTTON[1] - 34
        self.menu = Menu([MenuItem(yes, self.yes), MenuItem(no, self.no)], 0, top, BUTTON)
        gap = 36
        left = WIDTH // 2 - BUTTON[0] - gap // 2
        self.menu.rects = [pygame.Rect(left + i * (BUTTON[0] + gap), top, *BUTTON) for i in (0, 1)]
        self.menu.focus = 1

    def yes(self) -> None:
        self.app.pop()
        self._on_yes()

    def no(self) -> None:
        self.app.pop()
        if self._on_no is not None:
            self._on_no()

    def handle(self, action: Action) -> bool:
        if action.name == a.MENU:
            self.no()
            return True
        if action.name in (a.LEFT, a.RIGHT):
            action = Action(a.UP if action.name == a.LEFT else a.DOWN)
        used = self.menu.handle(action)
        self.dirty = True
        return used or action.name == a.ADVANCE

    def draw(self, canvas: Picture) -> None:
        draw_veil(canvas, 140)
        draw_panel(canvas, PANEL)
        font = self.app.fonts.get(STORY, QUESTION_PX)
        y = PANEL.y + 44
        for row in wrap(self.question, font, PANEL.width - 80):
            text = font.render(row, True, TEXT)
            canvas.blit(text, text.get_rect(midtop=(WIDTH // 2, y)))
            y += font.get_linesize()
        self.menu.draw(canvas, self.app.fonts, self.app.images)


def confirm(
    app: App,
    question: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
    yes: str = "Yes",
    no: str = "No",
) -> ConfirmScreen:
    """Ask `question`; `on_yes` runs after the dialog has closed, only on "Yes"."""
    screen = ConfirmScreen(app, question, on_yes, on_no, yes, no)
    app.push(screen)
    return screen
