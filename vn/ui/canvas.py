"""The 1280x720 logical canvas, letterboxed into a window of any size.

Every screen lays out in canvas units, and the app draws them at the window's own resolution
(see `vn.ui.picture`): in a 2560x1440 window the canvas is a 2560x1440 surface at scale 2,
text is rendered at twice its size, and presenting is a plain copy into the letterbox. Nothing
is scaled after it is drawn, so text stays as sharp as the font makes it at any window size.
At exactly 1280x720 the app draws straight on the window (`Viewport.direct`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

WIDTH = 1280
HEIGHT = 720
SIZE = (WIDTH, HEIGHT)
WINDOW_STEPS = (3.0, 2.5, 2.0, 1.5)  # first window sizes tried, in canvases
DESKTOP_SHARE = 0.8  # of the desktop a first window may take


def first_window_size(desktop: tuple[int, int] | None) -> tuple[int, int]:
    """The window to open on a desktop of this size (in pixels): the canvas at the largest
    step that leaves a fifth of the desktop free, so a 4K or high-DPI screen starts with a
    window as large on screen as 1280x720 is on a plain one; never less than the canvas."""
    if desktop is None:
        return SIZE
    room = (desktop[0] * DESKTOP_SHARE, desktop[1] * DESKTOP_SHARE)
    for step in WINDOW_STEPS:
        size = (round(WIDTH * step), round(HEIGHT * step))
        if size[0] <= room[0] and size[1] <= room[1]:
            return size
    return SIZE


@dataclass(frozen=True)
class Viewport:
    """Where the canvas lands in a window: a scale and the letterbox offset."""

    window: tuple[int, int]
    scale: float
    offset: tuple[int, int]
    size: tuple[int, int]

    @classmethod
    def fit(cls, window: tuple[int, int]) -> Viewport:
        ww, wh = max(1, window[0]), max(1, window[1])
        scale = min(ww / WIDTH, wh / HEIGHT)
        size = (max(1, round(WIDTH * scale)), max(1, round(HEIGHT * scale)))
        offset = ((ww - size[0]) // 2, (wh - size[1]) // 2)
        return cls((ww, wh), scale, offset, size)

    def to_canvas(self, pos: tuple[int, int]) -> tuple[int, int]:
        """A window position on the canvas (may fall outside it, in the bars)."""
        x = (pos[0] - self.offset[0]) / self.scale
        y = (pos[1] - self.offset[1]) / self.scale
        return (int(x), int(y))

    @property
    def direct(self) -> bool:
        """The canvas is the window itself: nothing to scale, nothing around it."""
        return self.size == SIZE and self.offset == (0, 0) and self.window == SIZE

    def present(self, canvas: pygame.Surface, window: pygame.Surface) -> None:
        """Copy the canvas (drawn at this viewport's size) into the window, black bars around."""
        if canvas is window:
            return
        area = pygame.Rect(self.offset, self.size)
        for bar in _bars(window.get_rect(), area):
            window.fill((0, 0, 0), bar)
        window.blit(canvas, area)


def _bars(window: pygame.Rect, area: pygame.Rect) -> list[pygame.Rect]:
    """The window's parts outside `area`: above, below, left and right of it."""
    bars = [
        pygame.Rect(0, 0, window.width, area.top),
        pygame.Rect(0, area.bottom, window.width, window.height - area.bottom),
        pygame.Rect(0, area.top, area.left, area.height),
        pygame.Rect(area.right, area.top, window.width - area.right, area.height),
    ]
    return [bar for bar in bars if bar.width > 0 and bar.height > 0]
