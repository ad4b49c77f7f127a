"""The screen contract: actions in, update(dt), draw when dirty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn.ui.actions import Action
from vn.ui.picture import Picture

if TYPE_CHECKING:
    from vn.ui.app import App
    from vn.ui.widgets import Menu


class Screen:
    """A full-canvas screen on the stack.

    Screens never see raw events: they get `handle(action)` and, for hover, `pointer(pos)`.
    `dirty` asks for a redraw; `animating` asks the loop to run at 60 fps instead of sleeping.
    `opaque` screens cover everything below; a translucent one (a menu over the game) is drawn
    over the screens under it.
    """

    opaque: bool = True

    def __init__(self, app: App) -> None:
        self.app = app
        self.dirty = True

    def enter(self) -> None:
        """Pushed on the stack."""

    def exit(self) -> None:
        """Popped off the stack."""

    def pause(self) -> None:
        """Another screen was pushed over this one."""

    def resume(self) -> None:
        """The screen over this one was popped."""
        self.dirty = True

    def handle(self, action: Action) -> bool:
        """React to an action; True when it was used."""
        return False

    def pointer(self, pos: tuple[int, int]) -> None:
        """The pointer moved to `pos` on the canvas."""

    def update(self, dt: float) -> None:
        """Advance time by `dt` seconds."""

    @property
    def animating(self) -> bool:
        return False

    def rescaled(self) -> None:
        """The window's resolution changed: whatever was drawn ahead (text, composed pictures)
        must be drawn again at the new scale."""
        self.dirty = True

    def draw(self, canvas: Picture) -> None:
        """Draw the whole screen on the 1280x720 canvas."""


class MenuScreen(Screen):
    """A screen whose choices are one `Menu` (set as `self.menu`): the pointer hovers over it."""

    menu: Menu

    def pointer(self, pos: tuple[int, int]) -> None:
        if self.menu.pointer(pos):
            self.dirty = True
