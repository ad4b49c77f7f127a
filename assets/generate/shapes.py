"""Anti-aliased shapes as signed distances: closed curves, tapered brush strokes, ellipses."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Point = tuple[float, float]


def catmull_rom(points: Sequence[Point], closed: bool, steps: int = 10) -> np.ndarray:
    """A smooth curve through the given (x, y) points, as a dense polyline."""
    p = np.asarray(points, dtype=np.float64)
    p = np.vstack([p[-1:], p, p[:2]]) if closed else np.vstack([p[:1], p, p[-1:]])
    out = []
    t = np.linspace(0.0, 1.0, steps, endpoint=False)[:, None]
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(
            0.5
            * (
                2 * p1
                + (-p0 + p2) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t
            )
        )
    if not closed:
        out.append(p[-2][None, :])
    return np.vstack(out)


class Field:
    """The pixel grid a shape is measured on, limited to a box for speed."""

    def __init__(self, h: int, w: int) -> None:
        self.h, self.w = h, w

    def box(self, pts: np.ndarray, margin: float) -> tuple[slice, slice, np.ndarray, np.ndarray]:
        x0 = int(max(0, np.floor(pts[:, 0].min() - margin)))
        x1 = int(min(self.w, np.ceil(pts[:, 0].max() + margin)))
        y0 = int(max(0, np.floor(pts[:, 1].min() - margin)))
        y1 = int(min(self.h, np.ceil(pts[:, 1].max() + margin)))
        y, x = np.mgrid[y0 : max(y0, y1), x0 : max(x0, x1)].astype(np.float64) + 0.5
        return slice(y0, max(y0, y1)), slice(x0, max(x0, x1)), y, x


def _segment_distance(
    x: np.ndarray, y: np.ndarray, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Distance from pixels to segment a-b, and the position along it (0..1)."""
    d = b - a
    length2 = float(d @ d) or 1e-9
    t = np.clip(((x - a[0]) * d[0] + (y - a[1]) * d[1]) / length2, 0.0, 1.0)
    px = a[0] + t * d[0] - x
    py = a[1] + t * d[1] - y
    return np.sqrt(px * px + py * py), t


def polygon_sdf(
    field: Field, poly: np.ndarray, margin: float = 4.0
) -> tuple[slice, slice, np.ndarray]:
    """Signed distance (negative inside) of a closed polyline, within its box."""
    sy, sx, y, x = field.box(poly, margin)
    best = np.full(y.shape, np.inf)
    inside = np.zeros(y.shape, dtype=bool)
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        dist, _ = _segment_distance(x, y, a, b)
        np.minimum(best, dist, out=best)
        if a[1] != b[1]:
            crosses = (a[1] > y) != (b[1] > y)
            xc = a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            inside ^= crosses & (x < xc)
    return sy, sx, np.where(inside, -best, best)


def fill(field: Field, poly: np.ndarray, feather: float = 0.8) -> np.ndarray:
    """Coverage (0..1) of a closed polyline over the whole field."""
    out = np.zeros((field.h, field.w))
    sy, sx, sdf = polygon_sdf(field, poly, margin=feather + 2)
    out[sy, sx] = np.clip(0.5 - sdf / (2 * feather), 0.0, 1.0)
    return out


def outline(field: Field, poly: np.ndarray, width: np.ndarray | float) -> np.ndarray:
    """Coverage of an ink line along a closed polyline's edge; ``width`` may vary per pixel."""
    out = np.zeros((field.h, field.w))
    wmax = float(np.max(width))
    sy, sx, sdf = polygon_sdf(field, poly, margin=wmax + 2)
    local = width[sy, sx] if isinstance(width, np.ndarray) else width
    out[sy, sx] = np.clip(local / 2 + 0.5 - np.abs(sdf), 0.0, 1.0)
    return out


def stroke(
    field: Field,
    pts: np.ndarray,
    widths: Sequence[float],
    feather: float = 0.7,
) -> np.ndarray:
    """A brush stroke along a polyline; ``widths`` are sampled along its length (tapers)."""
    pts = np.asarray(pts, dtype=np.float64)
    seg = np.sqrt(((pts[1:] - pts[:-1]) ** 2).sum(axis=1))
    arc = np.concatenate([[0.0], np.cumsum(seg)])
    total = arc[-1] or 1.0
    wp = np.linspace(0.0, 1.0, len(widths))
    wmax = max(widths)
    out = np.zeros((field.h, field.w))
    sy, sx, y, x = field.box(pts, wmax / 2 + 3)
    best = np.full(y.shape, np.inf)
    for i in range(len(pts) - 1):
        dist, t = _segment_distance(x, y, pts[i], pts[i + 1])
        u = (arc[i] + t * seg[i]) / total
        half = np.interp(u, wp, widths) / 2.0
        np.minimum(best, dist - half, out=best)
    out[sy, sx] = np.clip(0.5 - best / (2 * feather), 0.0, 1.0)
    return out


def ellipse(
    field: Field,
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    angle: float = 0.0,
    feather: float = 0.8,
) -> np.ndarray:
    """Coverage of a rotated ellipse."""
    r = max(rx, ry) + feather + 2
    sy, sx, y, x = field.box(np.array([[cx - r, cy - r], [cx + r, cy + r]]), 0)
    c, s = np.cos(angle), np.sin(angle)
    dx, dy = x - cx, y - cy
    u = (dx * c + dy * s) / rx
    v = (-dx * s + dy * c) / ry
    d = (np.sqrt(u * u + v * v) - 1.0) * min(rx, ry)
    out = np.zeros((field.h, field.w))
    out[sy, sx] = np.clip(0.5 - d / (2 * feather), 0.0, 1.0)
    return out
