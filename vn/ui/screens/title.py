"""The title screen: the game's title over its art, and the main menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import HEIGHT, WIDTH
from vn.ui.fonts import STORY, STORY_ITALIC
from vn.ui.picture import Picture
from vn.ui.screens.base import MenuScreen
from vn.ui.widgets import Menu, MenuItem

if TYPE_CHECKING:
    from vn.ui.app import App

SHADE = 185  # the art at 185/255 of its light: a black veil at alpha 70


def default_menu_items(app: App) -> list[MenuItem]:
    """Start, Load, Preferences, Quit; Load and Preferences open the registered screens.

    Continue comes first, resuming the newest save, when there is one."""
    items = [
        MenuItem("Start", app.start_game),
        MenuItem("Load", lambda: app.open("load")),
        MenuItem("Preferences", lambda: app.open("preferences")),
        MenuItem("Quit", app.quit),
    ]
    if app.saving is not None and app.saving.latest() is not None:
        items.insert(0, MenuItem("Continue", app.saving.continue_game))
    return items


class TitleScreen(MenuScreen):
    def __init__(self, app: App, menu_items: list[MenuItem] | None = None) -> None:
        super().__init__(app)
        items = menu_items if menu_items is not None else default_menu_items(app)
        self.menu = Menu(items, center_x=WIDTH // 2, top=380 - 33 * max(0, len(items) - 4))
        self._music_asked = False

    def enter(self) -> None:
        self._music_asked = False

    def update(self, dt: float) -> None:
        # The music is asked for on the first update, after the first frame is on screen:
        # decoding it first would delay the title (it fades in over 1.5 s anyway).
        if not self._music_asked:
            self._music_asked = True
            self.app.audio.ambience(None, fade=1.0)
            self.app.audio.music(self.app.script.game.title_music, fade=1.5)

    def handle(self, action: Action) -> bool:
        if action.name == a.MENU:
            return False
        if action.name == a.QUICKLOAD:
            return self.app.open("quickload")
        used = self.menu.handle(action)
        self.dirty = self.dirty or used
        return used

    def draw(self, canvas: Picture) -> None:
        game = self.app.script.game
        canvas.blit(
            self.app.images.scaled(
                "backgrounds", game.title_background or "black", (WIDTH, HEIGHT)
            ),
            (0, 0),
        )
        # The art is darkened by multiplying it: the same as a black veil at alpha 70, with no
        # full-screen surface to allocate and fill before the first frame.
        canvas.fill((SHADE, SHADE, SHADE), special_flags=pygame.BLEND_MULT)
        title_font = self.app.fonts.get(STORY, 64)
        title = title_font.render(game.title, True, (244, 238, 226))
        shadow = title_font.render(game.title, True, (0, 0, 0))
        rect = title.get_rect(center=(WIDTH // 2, 230))
        shadow.set_alpha(150)
        canvas.blit(shadow, rect.move(2, 3))
        canvas.blit(title, rect)
        rule = pygame.Rect(0, 0, 120, 1)
        rule.center = (WIDTH // 2, rect.bottom + 22)
        canvas.rect((200, 190, 170), rule)
        subtitle = self.app.fonts.get(STORY_ITALIC, 22).render(
            "a visual novel", True, (210, 204, 190)
        )
        canvas.blit(subtitle, subtitle.get_rect(center=(WIDTH // 2, rect.bottom + 48)))
        self.menu.draw(canvas, self.app.fonts, self.app.images)
