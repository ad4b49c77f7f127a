"""Every catalogued asset exists, with the size and format the engine and the README promise."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

ROOT = Path(__file__).resolve().parents[2] / "assets"

BACKGROUNDS = ["forest_deep", "forest_edge", "dirt_path", "gate", "memory_rain", "memory_sand",
               "memory_exam", "black", "white", "ending", "title"]  # fmt: skip
OVERLAYS = ["memory", "dusk", "blood"]
CHARACTERS = ["kotetsu/default", "kotetsu/strained", "kotetsu/grief", "izumo/default",
              "izumo/fading", "izumo/gone", "izumo/bare", "iwashi/default", "iwashi/crying",
              "genma/default", "raidou/default", "iruka/default", "medic/default"]  # fmt: skip
UI_SIZES = {
    "textbox": (1200, 220),
    "nameplate": (280, 52),
    "button": (300, 56),
    "button_hover": (300, 56),
    "slot_frame": (380, 160),
    "continue": (32, 32),
    "icon": (64, 64),
}
RGB, RGBA = 2, 6


def png_header(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from the IHDR chunk."""
    data = path.read_bytes()[:29]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


@pytest.mark.parametrize("name", BACKGROUNDS)
def test_background_is_a_full_screen_opaque_png(name: str) -> None:
    assert png_header(ROOT / "backgrounds" / f"{name}.png") == (1280, 720, RGB)


@pytest.mark.parametrize("name", OVERLAYS)
def test_overlay_is_a_full_screen_png_with_alpha(name: str) -> None:
    assert png_header(ROOT / "overlays" / f"{name}.png") == (1280, 720, RGBA)


@pytest.mark.parametrize("name", list(UI_SIZES))
def test_ui_element_has_its_size_and_alpha(name: str) -> None:
    assert png_header(ROOT / "ui" / f"{name}.png") == (*UI_SIZES[name], RGBA)


@pytest.mark.parametrize("name", CHARACTERS)
def test_character_is_a_bust_cut_out_on_transparency(name: str) -> None:
    path = ROOT / "characters" / f"{name}.png"
    assert png_header(path) == (460, 640, RGBA)
    image = pygame.image.load(str(path))
    w, h = image.get_size()
    for corner in ((0, 0), (w - 1, 0), (4, 4), (w - 5, 4)):
        assert image.get_at(corner).a == 0, f"{name}: top corner {corner} should be transparent"
    for point in ((w // 2, h // 2), (w // 2, int(h * 0.45)), (w // 2, h - 2)):
        assert image.get_at(point).a == 255, f"{name}: {point} should be opaque"


@pytest.mark.parametrize("name", CHARACTERS)
def test_character_cut_out_is_clean_without_haze(name: str) -> None:
    image = pygame.image.load(str(ROOT / "characters" / f"{name}.png"))
    touched = pygame.mask.from_surface(image, 0).count()
    solid = pygame.mask.from_surface(image, 254).count()
    w, h = image.get_size()
    assert 0.3 < solid / (w * h) < 0.7, "a bust fills roughly half its frame"
    assert (touched - solid) / (w * h) < 0.01, "only the antialiased rim may be see-through"


def test_nine_slice_panels_are_uniform_inside_their_corners() -> None:
    for name in ("textbox", "nameplate", "button", "button_hover", "slot_frame"):
        image = pygame.image.load(str(ROOT / "ui" / f"{name}.png"))
        w, h = image.get_size()
        inner = {
            tuple(image.get_at((x, y))) for x in range(24, w - 24, 7) for y in range(24, h - 24, 3)
        }
        assert len(inner) == 1, f"{name}: the middle must be one colour to stretch cleanly"


def test_no_stray_files_outside_the_catalogue() -> None:
    expected = {f"backgrounds/{n}.png" for n in BACKGROUNDS}
    expected |= {f"overlays/{n}.png" for n in OVERLAYS}
    expected |= {f"characters/{n}.png" for n in CHARACTERS}
    expected |= {f"ui/{n}.png" for n in UI_SIZES}
    found = {
        p.relative_to(ROOT).as_posix()
        for kind in ("backgrounds", "overlays", "characters", "ui")
        for p in (ROOT / kind).rglob("*")
        if p.is_file()
    }
    assert found == expected
