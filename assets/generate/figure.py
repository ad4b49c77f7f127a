"""A transparent painting surface for the character busts: fills, washes and ink lines."""

from __future__ import annotations

import numpy as np

from .paint import Colour, blur, edge_darkening, fbm, value_noise
from .shapes import Field, catmull_rom, fill, outline, stroke

LINE_WIDTH = 3.2


def _bbox(a: np.ndarray, margin: int) -> tuple[slice, slice] | None:
    """The rows and columns where ``a`` is non-zero, widened by ``margin``."""
    rows = np.flatnonzero(a.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(a.any(axis=0))
    h, w = a.shape
    return (
        slice(max(0, rows[0] - margin), min(h, rows[-1] + 1 + margin)),
        slice(max(0, cols[0] - margin), min(w, cols[-1] + 1 + margin)),
    )


class Figure:
    """RGBA layers composited with 'over'; every fill gets a watery tone and an ink contour."""

    def __init__(self, rng: np.random.Generator, h: int, w: int) -> None:
        self.rng = rng
        self.h, self.w = h, w
        self.field = Field(h, w)
        self.rgb = np.zeros((h, w, 3))
        self.alpha = np.zeros((h, w))
        self.wash = 0.86 + 0.2 * fbm(rng, h, w, 50.0, 5, 0.6)
        granules = blur(rng.standard_normal((h, w)), 1.0)
        self.wash = self.wash * (1.0 + 0.05 * granules)
        xs = (np.arange(w)[None, :] + 0.5) / w
        ys = (np.arange(h)[:, None] + 0.5) / h
        pressure = fbm(rng, h, w, 22.0, 3)
        streak = value_noise(rng, h, w, 3.0)
        streak = blur(streak, 0.8)
        streak_tall = np.repeat(streak[::8], 8, axis=0)[:h]
        self.streaks = 0.78 + 0.44 * blur(streak_tall, 2.0)
        self.brush = (0.5 + 0.95 * pressure) * (
            0.85 + 0.45 * np.clip(xs - 0.45, 0, 1) * 2 + 0.2 * ys
        )
        self.line_ink: Colour = (0.1, 0.11, 0.13)
        density = fbm(rng, h, w, 14.0, 3)[..., None] ** 0.7
        self.ink_field = (
            np.asarray((0.34, 0.36, 0.4)) * (1 - density) + np.asarray(self.line_ink) * density
        )

    def lay(self, a: np.ndarray, colour: Colour | np.ndarray) -> None:
        box = _bbox(a, 0)
        if box is None:
            return
        a = np.clip(a[box], 0.0, 1.0)
        c = np.asarray(colour, dtype=np.float64)
        c = c[box] if c.ndim == 3 else c[None, None, :]
        alpha = self.alpha[box]
        out_a = a + alpha * (1.0 - a)
        safe = np.where(out_a > 1e-6, out_a, 1.0)[..., None]
        rgb = (c * a[..., None] + self.rgb[box] * (alpha * (1.0 - a))[..., None]) / safe
        self.rgb[box] = rgb
        self.alpha[box] = out_a

    def tint(self, a: np.ndarray, colour: Colour, strength: float) -> None:
        """Glaze colour over what is already there, without changing coverage."""
        box = _bbox(a, 0)
        if box is None:
            return
        k = (np.clip(a[box], 0.0, 1.0) * strength)[..., None]
        self.rgb[box] = self.rgb[box] * (1.0 - k) + np.asarray(colour)[None, None, :] * k

    def shape(
        self,
        points: list[tuple[float, float]],
        colour: Colour,
        line: float | None = LINE_WIDTH,
        shade: Colour | None = None,
        closed_steps: int = 10,
        streaked: bool = False,
    ) -> np.ndarray:
        """Fill a smooth closed shape through ``points``, shade it from the right, outline it."""
        poly = catmull_rom(points, closed=True, steps=closed_steps)
        return self.poly(poly, colour, line, shade, streaked)

    def poly(
        self,
        poly: np.ndarray,
        colour: Colour,
        line: float | None = LINE_WIDTH,
        shade: Colour | None = None,
        streaked: bool = False,
    ) -> np.ndarray:
        """Fill with a watery wash (dry-brush streaks for hair) and ink the rim."""
        mask = fill(self.field, poly)
        box = _bbox(mask, 10)
        if box is None:
            return mask
        texture = self.streaks if streaked else self.wash**0.5
        self.lay(mask, np.asarray(colour)[None, None, :] * texture[..., None])
        rim = np.zeros_like(mask)
        rim[box] = np.clip(edge_darkening(mask[box], 3.0, 0.6) - mask[box], 0.0, 1.0)
        self.tint(rim, (0.0, 0.0, 0.0), 0.5)
        if shade is not None:
            xs = poly[:, 0]
            mid, span = (xs.min() + xs.max()) / 2, (xs.max() - xs.min()) / 2 + 1e-6
            gx = np.clip((np.arange(self.w) + 0.5 - mid) / span, -1.0, 1.0)
            side = np.clip((gx - 0.15) * 1.6, 0.0, 1.0)[None, :]
            soft = np.zeros_like(mask)
            soft[box] = blur(mask[box], 2.0)
            self.tint(soft * mask * side, shade, 0.75)
        if line:
            self.lay(outline(self.field, poly, line * self.brush), self.ink_field)
        return mask

    def line(
        self,
        points: list[tuple[float, float]],
        widths: list[float],
        colour: Colour | None = None,
        smooth: bool = True,
    ) -> None:
        pts = (
            catmull_rom(points, closed=False, steps=8)
            if smooth and len(points) > 2
            else np.asarray(points, float)
        )
        self.lay(stroke(self.field, pts, widths), colour or self.line_ink)

    def result(self) -> np.ndarray:
        """RGBA float image; soft paper grain in the colour, crisp alpha."""
        grain = 1.0 + 0.02 * self.rng.standard_normal((self.h, self.w))
        rgb = np.clip(self.rgb * grain[..., None], 0.0, 1.0)
        return np.concatenate([rgb, self.alpha[..., None]], axis=2)
