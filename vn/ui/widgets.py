"""A vertical menu of buttons with pointer hover and keyboard focus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import SIZE
from vn.ui.fonts import INTERFACE, FontBook
from vn.ui.images import ImageCache
from vn.ui.picture import Picture

TEXT = (232, 226, 214)
TEXT_FOCUS = (255, 246, 226)
TEXT_DIM = (150, 146, 138)


@dataclass(frozen=True)
class MenuItem:
    """A button: its label and what choosing it does."""

    label: str
    on_select: Callable[[], None]
    enabled: bool = True


class Menu:
    """Buttons in a column. Up/Down move the focus, the pointer hovers, advance chooses."""

    def __init__(
        self,
        items: list[MenuItem],
        center_x: int,
        top: int,
        size: tuple[int, int] = (300, 52),
        gap: int = 14,
    ) -> None:
        self.items = items
        self.rects = [
            pygame.Rect(center_x - size[0] // 2, top + i * (size[1] + gap), *size)
            for i in range(len(items))
        ]
        self.focus = next((i for i, item in enumerate(items) if item.enabled), 0)

    def at(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, r in enumerate(self.rects) if r.collidepoint(pos)), None)

    def pointer(self, pos: tuple[int, int]) -> bool:
        """Hover focuses the button under the pointer; True when the focus moved."""
        index = self.at(pos)
        if index is None or index == self.focus or not self.items[index].enabled:
            return False
        self.focus = index
        return True

    def handle(self, action: Action) -> bool:
        if action.name in (a.UP, a.DOWN):
            self._move(-1 if action.name == a.UP else 1)
            return True
        if action.name == a.ADVANCE:
            index = self.focus if action.pos is None else self.at(action.pos)
            if index is None or not self.items[index].enabled:
                return False
            self.focus = index
            self.items[index].on_select()
            return True
        return False

    def _move(self, step: int) -> None:
        count = len(self.items)
        index = self.focus
        for _ in range(count):
            index = (index + step) % count
            if self.items[index].enabled:
                self.focus = index
                return

    def draw(self, canvas: Picture, fonts: FontBook, images: ImageCache) -> None:
        font = fonts.get(INTERFACE, 24)
        for index, (item, rect) in enumerate(zip(self.items, self.rects, strict=True)):
            focused = index == self.focus and item.enabled
            skin = images.scaled("ui", "button_hover" if focused else "button", rect.size)
            canvas.blit(skin, rect)
            colour = TEXT_FOCUS if focused else TEXT if item.enabled else TEXT_DIM
            label = font.render(item.label, True, colour)
            canvas.blit(label, label.get_rect(center=rect.center))
            if focused:
                marker = pygame.Rect(rect.x + 14, rect.centery - 3, 6, 6)
                canvas.rect(TEXT_FOCUS, marker)


VEIL = (6, 6, 10)


def draw_veil(canvas: Picture, alpha: int) -> None:
    """Darken what lies under a menu or a dialog, so it reads as set back."""
    veil = Picture.blank(SIZE, canvas.scale, alpha=True)
    veil.fill((*VEIL, alpha))
    canvas.blit(veil, (0, 0))


def draw_panel(canvas: Picture, rect: pygame.Rect) -> None:
    """A dark card with a thin warm edge, so buttons never sit on the story's text."""
    panel = Picture.blank(rect.size, canvas.scale, alpha=True)
    panel.rect((14, 14, 18, 255), panel.get_rect(), border_radius=18)
    panel.rect((96, 88, 72, 255), panel.get_rect(), width=1, border_radius=18)
    canvas.blit(panel, rect)
