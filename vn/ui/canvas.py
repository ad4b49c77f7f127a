"""The 1280x720 logical canvas, letterboxed into a window of any size.

Everything is drawn once on the logical canvas and scaled to the window with smoothscale: at
the sizes players use (720p to 1440p) the filtered upscale of text rendered at 28-30 px reads
cleanly, and one drawing resolution keeps layout, hit-testing and screenshots identical
everywhere. At exactly 1280x720 the canvas is blitted unscaled, pixel for pixel.
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

    def present(self, canvas: pygame.Surface, window: pygame.Surface) -> None:
        """Scale the canvas into the window, black bars around it."""
        if self.size == SIZE and self.offset == (0, 0):
            window.blit(canvas, (0, 0))
            return
        window.fill((0, 0, 0))
        if canvas.get_bitsize() in (24, 32):
            scaled = pygame.transform.smoothscale(canvas, self.size)
        else:
            scaled = pygame.transform.scale(canvas, self.size)
        window.blit(scaled, self.offset)
