"""A simple panel screen: a heading, some text and a Back button, over the screen below.

Stands in for Load and Preferences until their full screens are registered in `App.screens`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import WIDTH
from vn.ui.fonts import INTERFACE, STORY
from vn.ui.picture import Picture
from vn.ui.screens.base import MenuScreen
from vn.ui.widgets import Menu, MenuItem, draw_panel, draw_veil

if TYPE_CHECKING:
    from vn.ui.app import App

PANEL = pygame.Rect(WIDTH // 2 - 360, 120, 720, 480)


class PanelScreen(MenuScreen):
    opaque = False

    def __init__(self, app: App, heading: str, body: list[str]) -> None:
        super().__init__(app)
        self.heading = heading
        self.body = body
        self.menu = Menu([MenuItem("Back", app.pop)], WIDTH // 2, PANEL.bottom - 90)

    def handle(self, action: Action) -> bool:
        if action.name == a.MENU:
            self.app.pop()
            return True
        used = self.menu.handle(action)
        self.dirty = True
        return used

    def draw(self, canvas: Picture) -> None:
        draw_veil(canvas, 170)
        draw_panel(canvas, PANEL)
        title = self.app.fonts.get(STORY, 40).render(self.heading, True, (240, 234, 222))
        canvas.blit(title, title.get_rect(midtop=(WIDTH // 2, PANEL.y + 40)))
        font = self.app.fonts.get(INTERFACE, 22)
        for index, row in enumerate(self.body):
            text = font.render(row, True, (200, 194, 184))
            canvas.blit(text, text.get_rect(midtop=(WIDTH // 2, PANEL.y + 130 + index * 36)))
        self.menu.draw(canvas, self.app.fonts, self.app.images)
