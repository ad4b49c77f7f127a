"""The 1280x720 logical canvas, letterboxed into a window of any size.

Everything is drawn once on the logical canvas and scaled to the window with smoothscale: at
the sizes players use (720p to 1440p) the filtered upscale of text rendered at 28-30 px reads
cleanly, and one drawing resolution keeps layout, hit-testing and screenshots identical
everywhere. At exactly 1280x720 the app draws straight on the window (`Viewport.direct`).

While the picture itself moves (a transition), `present(..., smooth=False)` scales without
filtering: at 1920x1080 smoothscale costs 2.7 ms a frame, plain scaling 1.1 ms, and a
dissolve hides the difference; the resting picture is always filtered.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

WIDTH = 1280
HEIGHT = 720
SIZE = (WIDTH, HEIGHT)


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

    def present(self, canvas: pygame.Surface, window: pygame.Surface, smooth: bool = True) -> None:
        """Scale the canvas into the window, black bars around it."""
        if canvas is window:
            return
        if self.size == SIZE and self.offset == (0, 0):
            window.blit(canvas, (0, 0))
            return
        area = pygame.Rect(self.offset, self.size)
        for bar in _bars(window.get_rect(), area):
            window.fill((0, 0, 0), bar)
        scale = pygame.transform.scale
        if smooth and canvas.get_bitsize() in (24, 32):
            scale = pygame.transform.smoothscale
        inside = window.get_rect().contains(area)  # a resize may not have reached us yet
        if inside and _same_format(canvas, window):  # straight in: no surface to copy
            scale(canvas, self.size, window.subsurface(area))
        else:  # smoothscale into another pixel format aborts the process (pygame-ce 2.5)
            window.blit(scale(canvas, self.size), area)


def _same_format(one: pygame.Surface, other: pygame.Surface) -> bool:
    return one.get_bitsize() == other.get_bitsize() and one.get_masks() == other.get_masks()


def _bars(window: pygame.Rect, area: pygame.Rect) -> list[pygame.Rect]:
    """The window's parts outside `area`: above, below, left and right of it."""
    bars = [
        pygame.Rect(0, 0, window.width, area.top),
        pygame.Rect(0, area.bottom, window.width, window.height - area.bottom),
        pygame.Rect(0, area.top, area.left, area.height),
        pygame.Rect(area.right, area.top, window.width - area.right, area.height),
    ]
    return [bar for bar in bars if bar.width > 0 and bar.height > 0]
