"""The thumbnail PNG encoder: what it writes reads back as the same picture."""

from __future__ import annotations

import io
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame

from vn.ui.png import SIGNATURE, encode_png


def test_encoded_png_reads_back_pixel_for_pixel() -> None:
    surface = pygame.Surface((37, 21))
    for x in range(37):
        for y in range(21):
            surface.set_at((x, y), (x * 6, y * 12, (x * y) % 256))
    data = encode_png(surface)
    assert data.startswith(SIGNATURE)
    loaded = pygame.image.load(io.BytesIO(data), "thumb.png")
    assert loaded.get_size() == (37, 21)
    for x, y in ((0, 0), (36, 20), (17, 9), (5, 14)):
        assert loaded.get_at((x, y))[:3] == surface.get_at((x, y))[:3]


def test_alpha_is_dropped_and_colour_kept() -> None:
    surface = pygame.Surface((4, 3), pygame.SRCALPHA)
    surface.fill((10, 200, 30, 40))
    loaded = pygame.image.load(io.BytesIO(encode_png(surface)), "thumb.png")
    assert loaded.get_at((2, 1)) == pygame.Color(10, 200, 30, 255)
