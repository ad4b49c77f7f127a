"""Full-screen RGBA washes laid over a scene: memory, dusk, blood."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from . import palette as P
from .paint import blur, fbm, glow, grid, paper, smoothstep, vignette


def _rgba(colour: tuple[float, float, float] | np.ndarray, alpha: np.ndarray) -> np.ndarray:
    h, w = alpha.shape
    rgb = np.empty((h, w, 3))
    rgb[:] = colour
    return np.concatenate([rgb, np.clip(alpha, 0.0, 1.0)[..., None]], axis=2)


def memory(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Warm sepia, soft vignette and a little paper grain: the remembered missions."""
    grain = paper(rng, h, w) - 1.0
    alpha = 0.24 + 0.55 * vignette(h, w, 1.0, 2.0) + grain * 0.8
    colour = np.empty((h, w, 3))
    edge = vignette(h, w, 1.0, 2.0)[..., None]
    colour[:] = P.SEPIA
    colour = colour * (1 - edge * 0.4) + np.asarray(P.EARTH) * edge * 0.4
    return np.concatenate([colour, np.clip(alpha, 0.0, 1.0)[..., None]], axis=2)


def dusk(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Low warm light from the west, deepening towards the ground."""
    y, _ = grid(h, w)
    sun = glow(h, w, h * 0.55, w * 1.05, w * 0.75, 0.7)
    low = smoothstep(h * 0.3, h, y)
    drift = fbm(rng, h, w, 200.0 * w / 1280, 3)
    alpha = 0.05 + 0.2 * sun + 0.1 * low + 0.03 * (drift - 0.5)
    colour = np.empty((h, w, 3))
    t = np.clip(sun, 0.0, 1.0)[..., None]
    colour[:] = P.EMBER
    colour = colour * (1 - t) + np.asarray(P.SUN) * t
    return np.concatenate([colour, np.clip(alpha, 0.0, 1.0)[..., None]], axis=2)


def blood(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """A dark red vignette that bleeds inward like ink: the last stretch."""
    s = w / 1280
    v = vignette(h, w, 1.0, 1.8)
    ragged = fbm(rng, h, w, 90.0 * s, 4)
    level = v + (ragged - 0.5) * 0.35
    alpha = smoothstep(0.24, 0.8, level) * 0.9
    alpha = blur(alpha, 2.0 * s)
    colour = np.empty((h, w, 3))
    deep = smoothstep(0.3, 0.9, level)[..., None]
    colour[:] = P.BLOOD
    colour = colour * (1 - deep) + np.asarray((0.22, 0.02, 0.03)) * deep
    return np.concatenate([colour, np.clip(alpha, 0.0, 1.0)[..., None]], axis=2)


OVERLAYS: Mapping[str, Callable[[np.random.Generator, int, int], np.ndarray]] = MappingProxyType(
    {
        "memory": memory,
        "dusk": dusk,
        "blood": blood,
    }
)
