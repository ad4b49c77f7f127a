"""Ink-wash painting primitives: noise, blur, paper, washes with bleeding edges."""

from __future__ import annotations

import numpy as np

Colour = tuple[float, float, float]


def rgb(hex_colour: str) -> Colour:
    """'#rrggbb' to floats in [0, 1]."""
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16) / 255.0, int(value[2:4], 16) / 255.0, int(value[4:6], 16) / 255.0)


def smoothstep(edge0: float, edge1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - edge0) / (edge1 - edge0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _box(a: np.ndarray, radius: int, axis: int) -> np.ndarray:
    if radius < 1:
        return a
    pad = [(0, 0)] * a.ndim
    pad[axis] = (radius + 1, radius)
    padded = np.pad(a, pad, mode="edge")
    c = np.cumsum(padded, axis=axis)
    n = a.shape[axis]
    hi = np.take(c, np.arange(2 * radius + 1, 2 * radius + 1 + n), axis=axis)
    lo = np.take(c, np.arange(0, n), axis=axis)
    return (hi - lo) / (2 * radius + 1)


def blur(a: np.ndarray, sigma: float) -> np.ndarray:
    """Near-Gaussian blur: three box passes per axis (fast, and edges clamp)."""
    if sigma <= 0.3:
        return a
    radius = max(1, round(np.sqrt(12.0 * sigma * sigma / 3.0 + 1.0) / 2.0))
    out = a.astype(np.float64, copy=False)
    for _ in range(3):
        out = _box(out, radius, 0)
        out = _box(out, radius, 1)
    return out


def value_noise(rng: np.random.Generator, h: int, w: int, cell: float) -> np.ndarray:
    """Smooth noise in [0, 1] with features about ``cell`` pixels wide."""
    gh, gw = int(h / cell) + 3, int(w / cell) + 3
    grid = rng.random((gh, gw))
    ys = np.arange(h) / cell + rng.random()
    xs = np.arange(w) / cell + rng.random()
    y0, x0 = ys.astype(int), xs.astype(int)
    ty, tx = ys - y0, xs - x0
    ty = ty * ty * (3 - 2 * ty)
    tx = tx * tx * (3 - 2 * tx)
    a = grid[np.ix_(y0, x0)]
    b = grid[np.ix_(y0, x0 + 1)]
    c = grid[np.ix_(y0 + 1, x0)]
    d = grid[np.ix_(y0 + 1, x0 + 1)]
    top = a + (b - a) * tx[None, :]
    bottom = c + (d - c) * tx[None, :]
    return top + (bottom - top) * ty[:, None]


def fbm(
    rng: np.random.Generator, h: int, w: int, cell: float, octaves: int = 4, gain: float = 0.5
) -> np.ndarray:
    """Fractal noise normalised to [0, 1]."""
    total = np.zeros((h, w))
    amp, norm = 1.0, 0.0
    for i in range(octaves):
        total += amp * value_noise(rng, h, w, max(1.5, cell / (2**i)))
        norm += amp
        amp *= gain
    total /= norm
    lo, hi = total.min(), total.max()
    return (total - lo) / (hi - lo + 1e-9)


def noise_1d(rng: np.random.Generator, n: int, cell: float, octaves: int = 3) -> np.ndarray:
    """Smooth 1-D noise in [-1, 1] (wobbles for ridges, trunks and strokes)."""
    return fbm(rng, 1, n, cell, octaves)[0] * 2.0 - 1.0


def paper(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Paper texture around 1.0: soft mottling plus fine fibres."""
    mottle = fbm(rng, h, w, 180.0, 4) - 0.5
    grain = rng.standard_normal((h, w))
    fibres = blur(rng.standard_normal((h, w)), 1.2) * 2.2
    return 1.0 + 0.045 * mottle + 0.012 * grain + 0.018 * fibres


def grid(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates (y, x)."""
    return np.mgrid[0:h, 0:w].astype(np.float64) + 0.5


def bleed(
    rng: np.random.Generator, mask: np.ndarray, soft: float, rough: float = 0.35, cell: float = 40.0
) -> np.ndarray:
    """Soften a hard mask into a wash whose edge wanders like ink on damp paper."""
    h, w = mask.shape
    soft_mask = blur(mask.astype(np.float64), soft)
    jitter = (fbm(rng, h, w, cell, 3) - 0.5) * rough
    return smoothstep(0.25, 0.75, soft_mask + jitter * (soft_mask * (1 - soft_mask) * 4))


def edge_darkening(alpha: np.ndarray, sigma: float = 2.0, amount: float = 0.35) -> np.ndarray:
    """Pigment pools at a wash's rim: raise alpha near its edges."""
    inner = blur(alpha, sigma)
    rim = np.clip(alpha - inner, 0.0, 1.0) * 4.0
    return np.clip(alpha + amount * rim * alpha, 0.0, 1.0)


class Canvas:
    """An RGB float painting surface; layers are laid on with an alpha per pixel."""

    def __init__(self, h: int, w: int, colour: Colour) -> None:
        self.h, self.w = h, w
        self.rgb = np.empty((h, w, 3))
        self.rgb[:] = colour

    def lay(self, alpha: np.ndarray, colour: Colour | np.ndarray) -> None:
        """Lay a colour (or an (h, w, 3) colour field) through an alpha mask."""
        a = np.clip(alpha, 0.0, 1.0)[..., None]
        c = np.asarray(colour, dtype=np.float64)
        self.rgb = self.rgb * (1.0 - a) + c * a

    def multiply(self, factor: np.ndarray) -> None:
        self.rgb = self.rgb * (factor[..., None] if factor.ndim == 2 else factor)

    def vertical_gradient(self, stops: list[tuple[float, Colour]]) -> None:
        """Fill with a top-to-bottom gradient through (position 0..1, colour) stops."""
        ys = (np.arange(self.h) + 0.5) / self.h
        pos = [s[0] for s in stops]
        for ch in range(3):
            column = np.interp(ys, pos, [s[1][ch] for s in stops])
            self.rgb[:, :, ch] = column[:, None]

    def result(self) -> np.ndarray:
        return np.clip(self.rgb, 0.0, 1.0)


def glow(h: int, w: int, cy: float, cx: float, radius: float, squash: float = 1.0) -> np.ndarray:
    """A soft radial falloff, 1 at the centre (the low sun, lamp light)."""
    y, x = grid(h, w)
    d = np.sqrt(((y - cy) / squash) ** 2 + (x - cx) ** 2) / radius
    return np.exp(-d * d)


def vignette(h: int, w: int, strength: float = 1.0, power: float = 2.4) -> np.ndarray:
    """0 in the middle rising towards the corners."""
    y, x = grid(h, w)
    ny = (y / h - 0.5) * 2.0
    nx = (x / w - 0.5) * 2.0
    d = np.sqrt(nx * nx * 0.85 + ny * ny) / np.sqrt(1.85)
    return np.clip(strength * d**power * 2.2, 0.0, 1.0)


def ink_edge(mask: np.ndarray, sigma: float) -> np.ndarray:
    """A line along a mask's rim, about ``2 * sigma`` wide (the painter's contour)."""
    soft = blur(mask, sigma)
    return np.clip(1.0 - np.abs(soft - 0.5) * 3.0, 0.0, 1.0) ** 1.5
