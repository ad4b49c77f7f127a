"""The generator is seeded: the same piece built twice is the same bytes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # the generator lives beside vn/, not inside the installed package
    sys.path.insert(0, str(REPO))

np = pytest.importorskip("numpy", reason="the generator needs the 'assets' extra (numpy)")

from assets.generate.backgrounds import SCENES  # noqa: E402
from assets.generate.catalogue import assets  # noqa: E402
from assets.generate.pngio import encode_png, to_uint8  # noqa: E402
from assets.generate.sounds import SOUNDS  # noqa: E402
from assets.generate.wavio import save_wav  # noqa: E402


def _small_background(seed: int) -> bytes:
    image = SCENES["dirt_path"](np.random.default_rng(seed), 144, 256)
    return encode_png(to_uint8(image))


def test_background_built_twice_is_identical() -> None:
    first = _small_background(11)
    assert first == _small_background(11)
    assert first != _small_background(12), "the seed should matter"


def test_sound_built_twice_is_identical(tmp_path: Path) -> None:
    sound = SOUNDS["cough"]
    for name in ("a.wav", "b.wav"):
        save_wav(tmp_path / name, sound.make(np.random.default_rng(5), sound.rate), sound.rate)
    assert (tmp_path / "a.wav").read_bytes() == (tmp_path / "b.wav").read_bytes()


def test_each_asset_has_its_own_fixed_seed() -> None:
    catalogue = assets()
    draws = [a.rng().integers(0, 2**62) for a in catalogue]
    assert len(set(draws)) == len(catalogue)
    assert draws == [a.rng().integers(0, 2**62) for a in assets()]


def test_png_encoder_round_trips_through_pygame(tmp_path: Path) -> None:
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pixels = np.random.default_rng(3).integers(0, 256, (9, 13, 4), dtype=np.uint8)
    path = tmp_path / "p.png"
    path.write_bytes(encode_png(pixels))
    image = pygame.image.load(str(path))
    assert image.get_size() == (13, 9)
    for y, x in ((0, 0), (4, 7), (8, 12)):
        assert tuple(image.get_at((x, y))) == tuple(int(v) for v in pixels[y, x])
