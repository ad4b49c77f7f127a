"""The quick menu under the text box (Back, History, Skip, Auto, Save, Q.Save, Q.Load, Prefs)
and the sign that says skipping or auto-forward is on.

Small text buttons in the strip between the text box and the bottom of the screen, so they
never cover a word of the story; they go when the interface is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from vn.ui import actions as a
from vn.ui.canvas import HEIGHT, WIDTH
from vn.ui.fonts import INTERFACE, FontBook
from vn.ui.picture import Picture
from vn.ui.textbox import BOX

BUTTON_PX = 14
SPACING = 26
IDLE = (196, 190, 178)
HOVER = (250, 242, 224)
LIT = (232, 190, 116)
SIGN_PX = 17
SIGN_TOP_RIGHT = (WIDTH - 26, 22)  # notices use the top left
BACKING = (8, 8, 12, 150)


@dataclass(frozen=True)
class QuickButton:
    """A button sends an action to the game screen, or opens a screen by its registry name."""

    label: str
    action: str | None = None
    screen: str | None = None


BUTTONS: tuple[QuickButton, ...] = (
    QuickButton("Back", action=a.ROLLBACK),
    QuickButton("History", action=a.HISTORY),
    QuickButton("Skip", action=a.SKIP_TOGGLE),
    QuickButton("Auto", action=a.AUTO),
    QuickButton("Save", screen="save"),
    QuickButton("Q.Save", action=a.QUICKSAVE),
    QuickButton("Q.Load", action=a.QUICKLOAD),
    QuickButton("Prefs", screen="preferences"),
)


class QuickMenu:
    """The row of buttons: laid out once, hit-tested by canvas position."""

    def __init__(self, fonts: FontBook, buttons: tuple[QuickButton, ...] = BUTTONS) -> None:
        self.buttons = buttons
        self.hover: int | None = None
        self._fonts = fonts
        self._font = fonts.get(INTERFACE, BUTTON_PX)
        widths = [self._font.size(b.label)[0] for b in buttons]
        total = sum(widths) + SPACING * (len(buttons) - 1)
        x = WIDTH // 2 - total // 2
        middle = (BOX.bottom + HEIGHT) // 2
        self.rects: list[pygame.Rect] = []
        for width in widths:
            rect = pygame.Rect(0, 0, width + SPACING, HEIGHT - BOX.bottom)
            rect.center = (x + width // 2, middle)
            self.rects.append(rect)
            x += width + SPACING
        self._backing: tuple[pygame.Rect, Picture] | None = None
        self._labels: dict[tuple[int, tuple[int, int, int]], Picture] = {}

    def rescaled(self) -> None:
        """Labels and backing are drawn again at the fonts' new scale."""
        self._font = self._fonts.get(INTERFACE, BUTTON_PX)
        self._backing = None
        self._labels = {}

    def at(self, pos: tuple[int, int]) -> QuickButton | None:
        index = self._index(pos)
        return None if index is None else self.buttons[index]

    def _index(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, r in enumerate(self.rects) if r.collidepoint(pos)), None)

    def pointer(self, pos: tuple[int, int]) -> bool:
        """Hover lights the button under the pointer; True when that changed."""
        index = self._index(pos)
        changed = index != self.hover
        self.hover = index
        return changed

    def draw(self, canvas: Picture, lit: frozenset[str] = frozenset()) -> None:
        """The row; buttons whose action is in `lit` (skip or auto on) show it."""
        if self._backing is None:  # drawn once; labels rendered once per colour
            row = self.rects[0].unionall(self.rects[1:]).inflate(12, -2)
            backing = Picture.blank(row.size, canvas.scale, alpha=True)
            backing.rect(BACKING, backing.get_rect(), border_radius=row.height // 2)
            self._backing = (row, backing)
        canvas.blit(self._backing[1], self._backing[0])
        for index, (button, rect) in enumerate(zip(self.buttons, self.rects, strict=True)):
            colour = HOVER if index == self.hover else LIT if button.action in lit else IDLE
            label = self._labels.get((index, colour))
            if label is None:
                label = self._labels[index, colour] = self._font.render(button.label, True, colour)
            canvas.blit(label, label.get_rect(center=rect.center))


def draw_sign(canvas: Picture, fonts: FontBook, text: str, arrows: int) -> pygame.Rect:
    """A small label in the top-right corner, "Skipping ▸▸" or "Auto ▸", the arrows drawn
    (not every font has them); the rect it took."""
    font = fonts.get(INTERFACE, SIGN_PX)
    label = font.render(text, True, (246, 238, 220))
    size = label.get_height() // 2
    width = label.get_width() + 10 + arrows * (size + 2)
    rect = pygame.Rect(0, 0, width + 32, label.get_height() + 12)
    rect.topright = SIGN_TOP_RIGHT
    backing = Picture.blank(rect.size, canvas.scale, alpha=True)
    backing.rect((10, 10, 14, 190), backing.get_rect(), border_radius=rect.height // 2)
    canvas.blit(backing, rect)
    canvas.blit(label, label.get_rect(midleft=(rect.x + 16, rect.centery)))
    x = rect.x + 16 + label.get_width() + 10
    for _ in range(arrows):
        top, bottom = rect.centery - size // 2 - 1, rect.centery + size // 2 + 1
        canvas.polygon(LIT, [(x, top), (x + size, rect.centery), (x, bottom)])
        x += size + 2
    return rect
