"""Passing screen effects (shake, flash, fade_black, blur_in), applied over a drawn frame."""

from __future__ import annotations

import math

import pygame

from vn.ui.picture import Picture


def _colour(text: str) -> tuple[int, int, int]:
    try:
        c = pygame.Color(text)
        return (c.r, c.g, c.b)
    except (ValueError, TypeError):
        return (255, 255, 255)


class ScreenEffect:
    """One effect over `duration` seconds; `apply` changes the finished frame in place."""

    def __init__(
        self, name: str, duration: float, strength: float = 10.0, color: str = "#ffffff"
    ) -> None:
        self.name = name
        self.duration = max(0.05, duration)
        self.strength = strength
        self.color = _colour(color)
        self.elapsed = 0.0

    @property
    def progress(self) -> float:
        return min(1.0, self.elapsed / self.duration)

    @property
    def done(self) -> bool:
        return self.elapsed >= self.duration

    def update(self, dt: float) -> None:
        self.elapsed += dt

    def finish(self) -> None:
        self.elapsed = self.duration

    def apply(self, frame: Picture) -> None:
        if self.done:
            return
        handler = getattr(self, f"_{self.name}", None)
        if handler is not None:
            handler(frame, self.progress)

    def _shake(self, frame: Picture, t: float) -> None:
        amplitude = self.strength * (1 - t)
        dx = round(math.sin(self.elapsed * 71.0) * amplitude)
        dy = round(math.cos(self.elapsed * 53.0) * amplitude * 0.6)
        copy = frame.copy()
        frame.fill((0, 0, 0))
        frame.blit(copy, (dx, dy))

    def _flash(self, frame: Picture, t: float) -> None:
        veil = Picture.blank(frame.get_size(), frame.scale)
        veil.fill(self.color)
        veil.set_alpha(round(255 * (1 - t) ** 2))
        frame.blit(veil, (0, 0))

    def _fade_black(self, frame: Picture, t: float) -> None:
        veil = Picture.blank(frame.get_size(), frame.scale)
        veil.set_alpha(round(255 * min(1.0, (1 - abs(2 * t - 1)) * 1.25)))
        frame.blit(veil, (0, 0))

    def _blur_in(self, frame: Picture, t: float) -> None:
        factor = 1 + 15 * (1 - t) ** 2
        if factor < 1.05:
            return
        pixels = frame.surface
        size = pixels.get_size()
        small = (max(1, round(size[0] / factor)), max(1, round(size[1] / factor)))
        blurred = pygame.transform.smoothscale(pygame.transform.smoothscale(pixels, small), size)
        pixels.blit(blurred, (0, 0))
