"""The game menu (Esc, right click), drawn translucent over the paused game.

Also the look the in-game pages share (history, preferences): a veil over the game, a heading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import HEIGHT, WIDTH
from vn.ui.fonts import INTERFACE, STORY, STORY_ITALIC
from vn.ui.picture import Picture
from vn.ui.screens.base import MenuScreen, Screen
from vn.ui.widgets import Menu, MenuItem, draw_panel, draw_veil

if TYPE_CHECKING:
    from vn.ui.app import App
    from vn.ui.screens.game import GameScreen

HEADING = (240, 234, 222)
SUBTLE = (176, 170, 158)
RULE = (150, 138, 112)
PAGE = (12, 12, 15)
FOCUS = (214, 176, 108)

MENU_TOP = 196
PANEL = pygame.Rect(WIDTH // 2 - 220, 36, 440, 618)
BUTTON = (300, 50)
BUTTON_GAP = 12


def find_game(app: App) -> GameScreen | None:
    """The game screen under the menus, if a game is being played."""
    from vn.ui.screens.game import GameScreen

    return next((s for s in reversed(app.stack.screens) if isinstance(s, GameScreen)), None)


def outline_focus(canvas: Picture, rect: pygame.Rect) -> None:
    """A warm edge round the focused button, plain to see from across the room."""
    canvas.rect(FOCUS, rect, width=1, border_radius=6)


def draw_heading(canvas: Picture, app: App, text: str, y: int = 52) -> pygame.Rect:
    """A page's title with a short rule under it; the rect the title took."""
    title = app.fonts.get(STORY, 40).render(text, True, HEADING)
    rect = title.get_rect(midtop=(WIDTH // 2, y))
    canvas.blit(title, rect)
    rule = pygame.Rect(0, 0, 96, 1)
    rule.midtop = (WIDTH // 2, rect.bottom + 10)
    canvas.rect(RULE, rule)
    return rect


def draw_hint(canvas: Picture, app: App, text: str) -> None:
    hint = app.fonts.get(INTERFACE, 16).render(text, True, SUBTLE)
    canvas.blit(hint, hint.get_rect(midbottom=(WIDTH // 2, HEIGHT - 18)))


Ask = Callable[[str, Callable[[], None]], None]


class GameMenuScreen(MenuScreen):
    """Resume, Save, Load, History, Preferences, Main menu, Quit.

    Main menu and Quit would lose what was played since the last save, so they go through
    `ask(question, on_yes)`, the confirmation dialog."""

    opaque = False

    def __init__(self, app: App, ask: Ask) -> None:
        super().__init__(app)
        self._ask = ask
        items = [
            MenuItem("Resume", app.pop),
            MenuItem("Save", lambda: app.open("save")),
            MenuItem("Load", lambda: app.open("load")),
            MenuItem("History", lambda: app.open("history")),
            MenuItem("Preferences", lambda: app.open("preferences")),
            MenuItem("Main menu", self.main_menu),
            MenuItem("Quit", self.quit),
        ]
        self.menu = Menu(items, WIDTH // 2, MENU_TOP, size=BUTTON, gap=BUTTON_GAP)

    def main_menu(self) -> None:
        self._ask("Return to the main menu? Anything not saved will be lost.", self._to_title)

    def quit(self) -> None:
        from vn.ui.screens.confirm import QUIT_QUESTION

        self._ask(QUIT_QUESTION, self.app.quit)

    def _to_title(self) -> None:
        self.app.show_title()

    def handle(self, action: Action) -> bool:
        if action.name == a.MENU:
            self.app.pop()
            return True
        used = self.menu.handle(action)
        self.dirty = True
        return used or action.name == a.ADVANCE

    def draw(self, canvas: Picture) -> None:
        draw_veil(canvas, 150)
        draw_panel(canvas, PANEL)
        heading = draw_heading(canvas, self.app, "Paused", y=70)
        scene = self._scene_title()
        if scene:
            label = self.app.fonts.get(STORY_ITALIC, 22).render(scene, True, SUBTLE)
            canvas.blit(label, label.get_rect(midtop=(WIDTH // 2, heading.bottom + 22)))
        self.menu.draw(canvas, self.app.fonts, self.app.images)
        outline_focus(canvas, self.menu.rects[self.menu.focus])
        draw_hint(canvas, self.app, "Esc or right click to go back to the story")

    def _scene_title(self) -> str:
        game = find_game(self.app)
        if game is None or game.engine.state.scene is None:
            return ""
        scene = next((s for s in self.app.script.scenes if s.id == game.engine.state.scene), None)
        return scene.title if scene is not None and scene.title else ""


def register_comforts(app: App) -> None:
    """Register the game menu, the history and the preferences screens."""
    app.screens["game_menu"] = _game_menu
    app.screens["history"] = _history
    app.screens["preferences"] = _preferences


def _game_menu(app: App) -> Screen:
    """The confirmation dialog is imported with the menu: the title never needs it."""
    from vn.ui.screens.confirm import confirm

    return GameMenuScreen(app, lambda question, on_yes: confirm(app, question, on_yes))


def _history(app: App) -> Screen:
    """Imported when first opened: the title screen never needs it."""
    from vn.ui.screens.history import HistoryScreen

    return HistoryScreen.of_game(app)


def _preferences(app: App) -> Screen:
    from vn.ui.screens.preferences import preferences_screen

    return preferences_screen(app)
