"""Landscape pieces shared by the backgrounds: treelines, trunks, foliage, grass, mist, rain."""

from __future__ import annotations

import numpy as np

from .paint import blur, fbm, noise_1d, smoothstep, value_noise
from .shapes import Field, stroke


def skyline(rng: np.random.Generator, w: int, base: float, crown: float, size: float) -> np.ndarray:
    """Height (y) of a treeline of rounded crowns along x."""
    xs = np.arange(w) + 0.5
    top = np.full(w, base, dtype=np.float64)
    x = -size
    while x < w + size:
        r = size * (0.55 + 0.9 * rng.random())
        lift = crown * (0.4 + 0.8 * rng.random())
        inside = np.abs(xs - x) < r
        bump = lift * np.sqrt(np.clip(1.0 - ((xs[inside] - x) / r) ** 2, 0.0, 1.0))
        top[inside] = np.minimum(top[inside], base - bump)
        x += r * (0.6 + 0.6 * rng.random())
    return top + noise_1d(rng, w, size * 0.25) * crown * 0.08


def below(h: int, line: np.ndarray, feather: float = 1.0) -> np.ndarray:
    """Coverage of everything under a per-column height line."""
    ys = np.arange(h)[:, None] + 0.5
    return np.clip((ys - line[None, :]) / feather + 0.5, 0.0, 1.0)


def ridge(rng: np.random.Generator, w: int, base: float, amp: float, cell: float) -> np.ndarray:
    """A soft hill or dune line."""
    return base - amp * (noise_1d(rng, w, cell, 3) * 0.5 + 0.5)


def trunk(
    rng: np.random.Generator,
    h: int,
    w: int,
    x0: float,
    width: float,
    top: float,
    bottom: float,
    lean: float = 0.0,
) -> np.ndarray:
    """Coverage of one tree trunk: tapering, wobbling, with a rough bark edge and root flare."""
    out = np.zeros((h, w))
    y0, y1 = max(0, int(top)), min(h, int(bottom) + 2)
    if y1 <= y0:
        return out
    ys = np.arange(y0, y1) + 0.5
    t = (ys - top) / max(1.0, bottom - top)
    wobble = noise_1d(rng, y1 - y0, 320.0) * (width * 0.12 + 4.0)
    centre = x0 + lean * (ys - bottom) + wobble
    flare = 1.0 + 0.45 * smoothstep(0.9, 1.0, t) ** 2
    half = width * 0.5 * (0.8 + 0.2 * t) * flare
    half = half + noise_1d(rng, y1 - y0, 9.0) * min(2.0, width * 0.05)
    span = int(np.max(half) + np.max(np.abs(wobble)) + width + 4)
    xa, xb = max(0, int(x0 - span - abs(lean) * h)), min(w, int(x0 + span + abs(lean) * h))
    if xb <= xa:
        return out
    xs = np.arange(xa, xb) + 0.5
    d = np.abs(xs[None, :] - centre[:, None]) - half[:, None]
    cover = np.clip(0.5 - d, 0.0, 1.0)
    cover *= np.clip((bottom + 1 - ys) / 2.0, 0.0, 1.0)[:, None]
    out[y0:y1, xa:xb] = cover
    return out


def branches(
    rng: np.random.Generator,
    h: int,
    w: int,
    x: float,
    width: float,
    top: float,
    bottom: float,
    n: int,
) -> np.ndarray:
    """A few limbs reaching up and out from a trunk."""
    field = Field(h, w)
    out = np.zeros((h, w))
    for _ in range(n):
        y = top + (bottom - top) * (0.05 + 0.45 * rng.random())
        side = 1.0 if rng.random() < 0.5 else -1.0
        ln = width * (2.0 + 3.0 * rng.random())
        pts = np.array(
            [
                [x, y],
                [x + side * ln * 0.5, y - ln * 0.35],
                [x + side * ln, y - ln * (0.5 + 0.5 * rng.random())],
            ]
        )
        wd = width * (0.25 + 0.2 * rng.random())
        np.maximum(out, stroke(field, pts, [wd, wd * 0.6, 1.0]), out=out)
    return out


def blotches(
    rng: np.random.Generator, region: np.ndarray, cell: float, amount: float
) -> np.ndarray:
    """Soft masses of foliage wash, ragged at the rim."""
    h, w = region.shape
    n = fbm(rng, h, w, cell, 4)
    level = 1.0 - amount * region
    return smoothstep(level - 0.08, level + 0.08, n)


def foliage(
    rng: np.random.Generator, region: np.ndarray, cell: float, density: float
) -> np.ndarray:
    """Clusters of dabs (the painter's leaf dots) inside a soft region."""
    h, w = region.shape
    dots = fbm(rng, h, w, cell, 3, 0.55)
    clumps = fbm(rng, h, w, cell * 6, 3)
    level = 1.0 - density * region * (0.55 + 0.9 * clumps)
    return smoothstep(level - 0.06, level + 0.02, dots) * np.clip(region * 1.4, 0.0, 1.0)


def mist(
    rng: np.random.Generator, h: int, w: int, centre: float, thickness: float, stretch: float = 4.0
) -> np.ndarray:
    """A horizontal band of drifting mist (alpha)."""
    narrow = fbm(rng, h, max(8, int(w / stretch)), 60.0, 4)
    xs = np.linspace(0, narrow.shape[1] - 1, w)
    wide = np.stack([np.interp(xs, np.arange(narrow.shape[1]), row) for row in narrow])
    ys = np.arange(h)[:, None] + 0.5
    band = np.exp(-(((ys - centre) / thickness) ** 2))
    return np.clip(band * (0.35 + 0.9 * wide), 0.0, 1.0)


def grass(
    rng: np.random.Generator,
    h: int,
    w: int,
    count: int,
    y_range: tuple[float, float],
    length: tuple[float, float],
    width: float,
    x_range: tuple[float, float] | None = None,
) -> np.ndarray:
    """Coverage of grass blades: quick tapered flicks of the brush."""
    field = Field(h, w)
    out = np.zeros((h, w))
    xa, xb = x_range if x_range else (0.0, float(w))
    for _ in range(count):
        x = xa + (xb - xa) * rng.random()
        y = y_range[0] + (y_range[1] - y_range[0]) * rng.random() ** 0.7
        scale = 0.5 + 0.5 * (y - y_range[0]) / max(1.0, y_range[1] - y_range[0])
        ln = (length[0] + (length[1] - length[0]) * rng.random()) * scale
        bend = (rng.random() - 0.5) * ln * 0.9
        pts = np.array(
            [[x, y], [x + bend * 0.3, y - ln * 0.5], [x + bend, y - ln]], dtype=np.float64
        )
        wd = width * scale * (0.6 + 0.8 * rng.random())
        np.maximum(out, stroke(field, pts, [wd, wd * 0.6, 0.3]), out=out)
    return out


def streaks(
    rng: np.random.Generator, h: int, w: int, count: int, length: float, slant: float, width: float
) -> np.ndarray:
    """Rain: many thin slanted strokes."""
    field = Field(h, w)
    out = np.zeros((h, w))
    for _ in range(count):
        x, y = rng.random() * (w + 200) - 100, rng.random() * (h + 100) - 50
        ln = length * (0.5 + rng.random())
        pts = np.array([[x, y], [x + slant * ln, y + ln]])
        np.maximum(out, stroke(field, pts, [0.2, width, 0.2]) * (0.4 + 0.6 * rng.random()), out=out)
    return out


def light_shafts(
    rng: np.random.Generator, h: int, w: int, origin: tuple[float, float], count: int, spread: float
) -> np.ndarray:
    """Soft beams of low sun fanning from a point (alpha)."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64) + 0.5
    angle = np.arctan2(y - origin[1], x - origin[0])
    dist = np.sqrt((y - origin[1]) ** 2 + (x - origin[0]) ** 2)
    beams = np.zeros((h, w))
    centre = float(np.arctan2(h / 2 - origin[1], w / 2 - origin[0]))
    for _ in range(count):
        a = centre + (rng.random() - 0.5) * spread
        width = 0.012 + 0.03 * rng.random()
        beams += (0.4 + 0.6 * rng.random()) * np.exp(-(((angle - a) / width) ** 2))
    fade = np.exp(-dist / (w * 0.55))
    grain = value_noise(rng, h, w, 90.0)
    return np.clip(beams * fade * (0.6 + 0.4 * grain), 0.0, 1.0)


def soften(a: np.ndarray, sigma: float) -> np.ndarray:
    return blur(a, sigma) if sigma > 0 else a
