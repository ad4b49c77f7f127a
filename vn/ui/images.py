"""Images by kind and name, decoded once and scaled once per size.

A missing or unreadable file becomes a visible magenta checker with its name on it, and one
log line: a broken asset must show, not crash the game.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pygame

from vn.ui.picture import Picture, alpha_copy
from vn.ui.pixels import PixelStore

log = logging.getLogger(__name__)

Resolve = Callable[[str, str], "Path | None"]

PLACEHOLDER_SIZES = {"backgrounds": (1280, 720), "overlays": (1280, 720), "characters": (460, 640)}


def placeholder(size: tuple[int, int], label: str) -> pygame.Surface:
    """A magenta-and-black checker with the missing asset's name written across it."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    cell = 32
    for y in range(0, size[1], cell):
        for x in range(0, size[0], cell):
            even = (x // cell + y // cell) % 2 == 0
            surface.fill((255, 0, 255, 255) if even else (20, 0, 20, 255), (x, y, cell, cell))
    if not pygame.font.get_init():
        pygame.font.init()
    font = pygame.font.Font(None, max(12, min(36, size[0] // 8)))
    text = font.render(label, True, (255, 255, 255), (0, 0, 0))
    surface.blit(text, text.get_rect(center=(size[0] // 2, size[1] // 2)))
    return surface


class ImageCache:
    """Decoded images by (kind, name), and Pictures of them by canvas size and scale.

    `scale` is the window's (the app sets it on a resize): an image is resampled once from its
    file's pixels to the resolution it is shown at, never from an already scaled copy.
    """

    def __init__(self, resolve: Resolve, pixels: PixelStore | None = None) -> None:
        self._resolve = resolve
        self._pixels = pixels  # keeps the decoded pixels of a few images (the title's)
        self._images: dict[tuple[str, str], pygame.Surface] = {}
        self._pictures: dict[tuple[str, str, tuple[int, int]], Picture] = {}  # at `scale`
        self._scale = 1.0

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        if value != self._scale:
            self._pictures.clear()  # pictures at the old scale are not drawn again
            self._scale = value

    def source(self, kind: str, name: str) -> pygame.Surface:
        """The decoded image at its file's size (a placeholder when it cannot be read)."""
        key = (kind, name)
        image = self._images.get(key)
        if image is None:
            image = self._load(kind, name)
            self._images[key] = image
        return image

    def get(self, kind: str, name: str) -> Picture:
        """The image at its own size in canvas units."""
        return self.scaled(kind, name, self.source(kind, name).get_size())

    def scaled(self, kind: str, name: str, size: tuple[int, int]) -> Picture:
        """The image stretched to `size` canvas units."""
        size = (int(size[0]), int(size[1]))
        key = (kind, name, size)
        picture = self._pictures.get(key)
        if picture is None:
            image = self.source(kind, name)
            pixels = (max(1, round(size[0] * self._scale)), max(1, round(size[1] * self._scale)))
            if image.get_size() != pixels:
                image = pygame.transform.smoothscale(image, pixels)
            picture = self._pictures[key] = Picture(image, self._scale, size)
        return picture

    def _load(self, kind: str, name: str) -> pygame.Surface:
        label = f"{kind}/{name}"
        try:
            path = self._resolve(kind, name)
        except Exception as error:  # a refused name is a missing asset, not a crash
            log.warning("asset %s refused: %s", label, error)
            path = None
        if path is None:
            log.warning("asset %s not found, showing a placeholder", label)
            return self._prepare(placeholder(PLACEHOLDER_SIZES.get(kind, (128, 128)), label))
        try:
            if self._pixels is not None:
                return self._prepare(self._pixels.load(kind, name, path))
            return self._prepare(pygame.image.load(str(path)))
        except (pygame.error, OSError, ValueError) as error:
            log.warning("asset %s (%s) unreadable, showing a placeholder: %s", label, path, error)
            return self._prepare(placeholder(PLACEHOLDER_SIZES.get(kind, (128, 128)), label))

    @staticmethod
    def _prepare(surface: pygame.Surface) -> pygame.Surface:
        """Convert to the display's format when there is a display, keeping alpha."""
        if _display_format(surface):
            return surface  # kept pixels come in the display's format (no 4 ms copy at start)
        return alpha_copy(surface)


def _display_format(surface: pygame.Surface) -> bool:
    """True when `surface` already has the layout `convert_alpha` would give it."""
    display = pygame.display.get_surface()
    if display is None or surface.get_bitsize() != 32:
        return False
    red, green, blue, _ = display.get_masks()
    alpha = bool(surface.get_flags() & pygame.SRCALPHA)
    return alpha and surface.get_masks() == (red, green, blue, 0xFF000000)
