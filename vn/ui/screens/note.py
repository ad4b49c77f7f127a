"""The content note, shown before the story starts, dismissed by a click or a key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import HEIGHT, WIDTH
from vn.ui.fonts import INTERFACE, STORY
from vn.ui.picture import Picture
from vn.ui.screens.base import Screen
from vn.ui.typesetting import wrap

if TYPE_CHECKING:
    from vn.ui.app import App


class ContentNoteScreen(Screen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.note = app.script.game.content_note.strip()

    def enter(self) -> None:
        if not self.note:
            self._begin()

    def handle(self, action: Action) -> bool:
        if action.name == a.ADVANCE:
            self._begin()
            return True
        if action.name == a.MENU:
            self.app.show_title()
            return True
        return False

    def _begin(self) -> None:
        from vn.ui.screens.game import GameScreen

        self.app.replace(GameScreen(self.app))

    def draw(self, canvas: Picture) -> None:
        canvas.fill((12, 12, 14))
        fonts = self.app.fonts
        heading = fonts.get(INTERFACE, 20, bold=True).render("CONTENT NOTE", True, (196, 170, 120))
        canvas.blit(heading, heading.get_rect(center=(WIDTH // 2, 250)))
        body = fonts.get(STORY, 30)
        y = 310
        for row in wrap(self.note, body, 820):
            text = body.render(row, True, (234, 228, 216))
            canvas.blit(text, text.get_rect(midtop=(WIDTH // 2, y)))
            y += 44
        hint = fonts.get(INTERFACE, 18).render(
            "Click or press Enter to begin", True, (140, 136, 128)
        )
        canvas.blit(hint, hint.get_rect(center=(WIDTH // 2, HEIGHT - 90)))
