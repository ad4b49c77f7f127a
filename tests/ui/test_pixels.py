"""The title's decoded pixels are kept raw and read back the same, until the image changes."""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from vn.paths import ASSETS_DIR
from vn.ui.images import ImageCache
from vn.ui.pixels import PixelStore


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_kept_pixels_read_back_the_same(tmp_path: Path) -> None:
    cases = [
        ("backgrounds", "title", ASSETS_DIR / "backgrounds" / "title.png"),
        ("ui", "icon", ASSETS_DIR / "ui" / "icon.png"),
    ]
    store = PixelStore(tmp_path, {(kind, name) for kind, name, _ in cases})
    for kind, name, path in cases:
        decoded = pygame.image.load(str(path))
        first = store.load(kind, name, path)
        assert (tmp_path / f"pixels-{kind}-{name}.raw").is_file()
        again = store.load(kind, name, path)
        assert again.get_size() == decoded.get_size()
        assert pixels(first) == pixels(again) == pixels(decoded)


def test_only_wanted_images_are_kept(tmp_path: Path) -> None:
    store = PixelStore(tmp_path, {("backgrounds", "title")})
    store.load("ui", "icon", ASSETS_DIR / "ui" / "icon.png")
    assert list(tmp_path.iterdir()) == []


def test_a_changed_image_or_a_damaged_file_is_decoded_again(tmp_path: Path) -> None:
    image = tmp_path / "art.png"
    red = pygame.Surface((8, 4))
    red.fill((200, 0, 0))
    pygame.image.save(red, str(image))
    store = PixelStore(tmp_path / "cache", {("backgrounds", "art")})
    assert store.load("backgrounds", "art", image).get_at((1, 1))[:3] == (200, 0, 0)
    blue = pygame.Surface((6, 6))
    blue.fill((0, 0, 200))
    pygame.image.save(blue, str(image))
    os.utime(image, ns=(1, 1))
    loaded = store.load("backgrounds", "art", image)
    assert loaded.get_size() == (6, 6) and loaded.get_at((1, 1))[:3] == (0, 0, 200)
    raw = tmp_path / "cache" / "pixels-backgrounds-art.raw"
    raw.write_bytes(raw.read_bytes()[:-5])
    assert store.load("backgrounds", "art", image).get_at((5, 5))[:3] == (0, 0, 200)
    assert len(raw.read_bytes().partition(b"\n")[2]) == 6 * 6 * 4


def test_kept_pixels_through_the_image_cache_match_the_decoded_image(tmp_path: Path) -> None:
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    path = ASSETS_DIR / "backgrounds" / "title.png"
    wanted = {("backgrounds", "title")}
    ImageCache(lambda kind, name: path, PixelStore(tmp_path, wanted)).get("backgrounds", "title")
    assert (tmp_path / "pixels-backgrounds-title.raw").is_file()
    kept = ImageCache(lambda kind, name: path, PixelStore(tmp_path, wanted))
    image = kept.get("backgrounds", "title").surface
    assert image.get_masks() == pygame.image.load(str(path)).convert_alpha().get_masks()
    assert pixels(image) == pixels(pygame.image.load(str(path)))
