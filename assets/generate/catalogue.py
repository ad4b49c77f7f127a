"""What the generator writes: every catalogued asset, its kind, file and seed."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .backgrounds import SCENES
from .characters import CAST, bust
from .overlays import OVERLAYS
from .pngio import save_png
from .sounds import SOUNDS
from .ui import UI
from .wavio import save_wav

BASE_SEED = 20240917
SCREEN = (720, 1280)
KINDS = ("backgrounds", "overlays", "characters", "ui", "music", "ambience", "sound")


@dataclass(frozen=True)
class Asset:
    kind: str
    name: str  # as scripts name it: "forest_deep", "kotetsu/grief"
    write: Callable[[Path, np.random.Generator], None]

    @property
    def relative(self) -> Path:
        suffix = ".wav" if self.kind in ("music", "ambience", "sound") else ".png"
        return Path(self.kind) / f"{self.name}{suffix}"

    def rng(self) -> np.random.Generator:
        """Each asset's own stream, so one can be rebuilt alone and come out the same."""
        key = zlib.crc32(f"{self.kind}/{self.name}".encode())
        return np.random.default_rng([BASE_SEED, key])


def _image(
    paint: Callable[[np.random.Generator], np.ndarray],
) -> Callable[[Path, np.random.Generator], None]:
    return lambda path, rng: save_png(path, paint(rng))


def _sound(
    make: Callable[[np.random.Generator, int], np.ndarray], rate: int
) -> Callable[[Path, np.random.Generator], None]:
    return lambda path, rng: save_wav(path, make(rng, rate), rate)


def assets() -> list[Asset]:
    h, w = SCREEN
    out: list[Asset] = []
    for name, scene in SCENES.items():
        out.append(Asset("backgrounds", name, _image(lambda rng, f=scene: f(rng, h, w))))
    for name, overlay in OVERLAYS.items():
        out.append(Asset("overlays", name, _image(lambda rng, f=overlay: f(rng, h, w))))
    for sprite, (_, expressions) in CAST.items():
        for expression in expressions:
            paint = lambda rng, s=sprite, e=expression: bust(rng, s, e)  # noqa: E731
            out.append(Asset("characters", f"{sprite}/{expression}", _image(paint)))
    for name, element in UI.items():
        out.append(Asset("ui", name, _image(element)))
    for name, sound in SOUNDS.items():
        out.append(Asset(sound.kind, name, _sound(sound.make, sound.rate)))
    return out


def build(root: Path, only: str | None = None) -> list[Path]:
    """Write every asset (or one kind of them) under ``root``; return the files written."""
    written = []
    for asset in assets():
        if only and asset.kind != only:
            continue
        path = root / asset.relative
        asset.write(path, asset.rng())
        written.append(path)
    return written
