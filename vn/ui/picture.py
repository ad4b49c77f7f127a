"""Pictures: pixels at the window's resolution, placed in canvas coordinates.

Every screen lays out on the 1280x720 canvas, but draws at the resolution the window shows
it at: a Picture holds a surface `scale` times its canvas size, and every position, rectangle
and width given to it is in canvas units. Text, lines and rounded corners are rendered at that
resolution, so they stay crisp in a large window or on a high-DPI screen instead of being
smoothscaled up from 720p. At scale 1 a Picture is its surface: the same pixels as drawing on
the surface itself, so layout, hit-testing and the tests' measured regions never change.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

Point = tuple[float, float]
RectLike = pygame.Rect | Sequence[float] | Sequence[Sequence[float]]
Colour = pygame.Color | Sequence[int] | str


class Picture:
    """A surface with the scale it was drawn at and the canvas size it stands for."""

    __slots__ = ("_size", "scale", "surface")

    def __init__(
        self, surface: pygame.Surface, scale: float = 1.0, size: tuple[int, int] | None = None
    ) -> None:
        self.surface = surface
        self.scale = scale
        if size is None:
            width, height = surface.get_size()
            size = (max(1, round(width / scale)), max(1, round(height / scale)))
        self._size = size

    @classmethod
    def blank(cls, size: Sequence[int], scale: float, alpha: bool = False) -> Picture:
        """A new picture of canvas size `size`: black, or clear when it has an alpha channel."""
        width, height = max(1, round(size[0] * scale)), max(1, round(size[1] * scale))
        if alpha:
            surface = pygame.Surface((width, height), pygame.SRCALPHA, 32)
        else:
            surface = pygame.Surface((width, height))
        return cls(surface, scale, (int(size[0]), int(size[1])))

    # ----- canvas units to pixels --------------------------------------------------------------
    def px(self, value: float) -> int:
        return round(value * self.scale)

    def point(self, pos: Sequence[float]) -> tuple[int, int]:
        return (round(pos[0] * self.scale), round(pos[1] * self.scale))

    def pixels(self, rect: RectLike) -> pygame.Rect:
        """A canvas rectangle in pixels, edge by edge, so rectangles that touch still touch."""
        r = pygame.Rect(rect)
        left, top = self.px(r.left), self.px(r.top)
        return pygame.Rect(left, top, self.px(r.right) - left, self.px(r.bottom) - top)

    # ----- size -----------------------------------------------------------------------------
    def get_size(self) -> tuple[int, int]:
        return self._size

    def get_width(self) -> int:
        return self._size[0]

    def get_height(self) -> int:
        return self._size[1]

    def get_rect(self, **where: object) -> pygame.Rect:
        rect = pygame.Rect((0, 0), self._size)
        for name, value in where.items():
            setattr(rect, name, value)
        return rect

    # ----- drawing --------------------------------------------------------------------------
    def blit(
        self,
        source: Picture,
        dest: RectLike | Point,
        area: RectLike | None = None,
        special_flags: int = 0,
    ) -> None:
        source = source.at_scale(self.scale)
        where = pygame.Rect(dest).topleft if _is_rect(dest) else dest
        pixels = self.pixels(area) if area is not None else None
        self.surface.blit(source.surface, self.point(where), pixels, special_flags)

    def fill(self, colour: Colour, rect: RectLike | None = None, special_flags: int = 0) -> None:
        pixels = self.pixels(rect) if rect is not None else None
        self.surface.fill(colour, pixels, special_flags)

    def rect(self, colour: Colour, rect: RectLike, width: int = 0, border_radius: int = 0) -> None:
        pygame.draw.rect(
            self.surface,
            colour,
            self.pixels(rect),
            self._stroke(width),
            border_radius=self.px(border_radius) if border_radius else 0,
        )

    def line(self, colour: Colour, start: Point, end: Point, width: int = 1) -> None:
        pygame.draw.line(
            self.surface, colour, self.point(start), self.point(end), self._stroke(width)
        )

    def circle(self, colour: Colour, centre: Point, radius: float, width: int = 0) -> None:
        pygame.draw.circle(
            self.surface, colour, self.point(centre), radius * self.scale, self._stroke(width)
        )

    def polygon(self, colour: Colour, points: Sequence[Point]) -> None:
        pygame.draw.polygon(self.surface, colour, [self.point(p) for p in points])

    def _stroke(self, width: int) -> int:
        return max(1, self.px(width)) if width > 0 else 0

    # ----- clipping and alpha ---------------------------------------------------------------
    def get_clip(self) -> pygame.Rect:
        clip = self.surface.get_clip()
        s = self.scale
        left, top = round(clip.left / s), round(clip.top / s)
        return pygame.Rect(left, top, round(clip.right / s) - left, round(clip.bottom / s) - top)

    def set_clip(self, rect: RectLike | None) -> None:
        self.surface.set_clip(self.pixels(rect) if rect is not None else None)

    def set_alpha(self, alpha: int | None) -> None:
        self.surface.set_alpha(alpha)

    def get_at(self, pos: Sequence[float]) -> pygame.Color:
        return self.surface.get_at(self.point(pos))

    # ----- new pictures from this one -------------------------------------------------------
    def copy(self) -> Picture:
        return Picture(self.surface.copy(), self.scale, self._size)

    def subsurface(self, rect: RectLike) -> Picture:
        r = pygame.Rect(rect)
        return Picture(self.surface.subsurface(self.pixels(r)), self.scale, r.size)

    def premul_alpha(self) -> Picture:
        return Picture(self.surface.premul_alpha(), self.scale, self._size)

    def with_alpha(self) -> Picture:
        """A copy with an alpha channel (opaque where this is), with or without a display."""
        return Picture(alpha_copy(self.surface), self.scale, self._size)

    def at_scale(self, scale: float) -> Picture:
        """This picture at another scale: itself when it already is (the usual case); else
        resampled, for the one frame a resize can leave a picture drawn at the old scale."""
        if scale == self.scale:
            return self
        size = (max(1, round(self._size[0] * scale)), max(1, round(self._size[1] * scale)))
        resampled = _resample(self.surface, size)
        resampled.set_alpha(self.surface.get_alpha())
        return Picture(resampled, scale, self._size)


def alpha_copy(surface: pygame.Surface) -> pygame.Surface:
    """A copy of `surface` with an alpha channel: in the display's format when there is a
    display (the fast blit path), a plain 32-bit copy when there is none."""
    if pygame.display.get_surface() is not None:
        return surface.convert_alpha()
    copy = pygame.Surface(surface.get_size(), pygame.SRCALPHA, 32)
    copy.blit(surface, (0, 0))
    return copy


def _is_rect(dest: object) -> bool:
    if isinstance(dest, pygame.Rect):
        return True
    return isinstance(dest, Sequence) and len(dest) == 4


def _resample(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    if surface.get_bitsize() in (24, 32):
        return pygame.transform.smoothscale(surface, size)
    return pygame.transform.scale(surface, size)
