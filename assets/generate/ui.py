"""The interface skin: nine-slice panels (all detail within 24 px of the rim), marks, icon."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from . import palette as P
from .gate import gate, paint_gate
from .paint import Canvas, blur, glow, smoothstep, value_noise
from .shapes import Field, catmull_rom, fill, stroke

CORNER = 24


def _rim_distance(h: int, w: int) -> np.ndarray:
    """Distance in pixels from the nearest outer edge, with rounded corners."""
    y = np.arange(h)[:, None] + 0.5
    x = np.arange(w)[None, :] + 0.5
    dy = np.minimum(y, h - y)
    dx = np.minimum(x, w - x)
    r = 10.0
    cy, cx = np.maximum(r - dy, 0.0), np.maximum(r - dx, 0.0)
    corner = r - np.sqrt(cy * cy + cx * cx)
    return np.where((dy < r) & (dx < r), corner, np.minimum(dy, dx))


def _edge_noise(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Brush-bristle wobble that varies along each edge only a little (stretches cleanly)."""
    along_x = value_noise(rng, 1, w, 6.0)[0][None, :]
    along_y = value_noise(rng, h, 1, 6.0)[:, 0][:, None]
    return (along_x + along_y - 1.0) * 2.5


def panel(
    rng: np.random.Generator,
    h: int,
    w: int,
    fill_colour: tuple[float, float, float],
    fill_alpha: float,
    rim_colour: tuple[float, float, float],
    rim_alpha: float,
    accent: tuple[float, float, float] | None = None,
) -> np.ndarray:
    """A dark ink panel: uniform middle, soft brushed rim within CORNER pixels."""
    d = _rim_distance(h, w) + _edge_noise(rng, h, w)
    body = smoothstep(2.0, 12.0, d)
    alpha = body * fill_alpha
    rgb = np.empty((h, w, 3))
    rgb[:] = fill_colour
    line = np.exp(-(((d - 7.0) / 1.3) ** 2)) * rim_alpha
    rgb = rgb * (1 - line[..., None]) + np.asarray(rim_colour) * line[..., None]
    alpha = np.maximum(alpha, line)
    if accent is not None:
        x = np.arange(w)[None, :] + 0.5
        y = np.arange(h)[:, None] + 0.5
        mark = smoothstep(3.0, 0.0, np.abs(x - 14.0)) * smoothstep(9.0, 14.0, np.minimum(y, h - y))
        rgb = rgb * (1 - mark[..., None]) + np.asarray(accent) * mark[..., None]
        alpha = np.maximum(alpha, mark * 0.95)
    return np.concatenate([rgb, alpha[..., None]], axis=2)


def textbox(rng: np.random.Generator) -> np.ndarray:
    return panel(rng, 220, 1200, P.INK, 0.8, P.PAPER, 0.28)


def nameplate(rng: np.random.Generator) -> np.ndarray:
    return panel(rng, 52, 280, P.INK, 0.88, P.PAPER, 0.3, accent=P.BLOOD)


def button(rng: np.random.Generator) -> np.ndarray:
    return panel(rng, 56, 300, P.INK_BLUE, 0.62, P.PAPER, 0.22)


def button_hover(rng: np.random.Generator) -> np.ndarray:
    return panel(rng, 56, 300, P.INK_BLUE, 0.82, P.SUN, 0.75, accent=P.SUN)


def slot_frame(rng: np.random.Generator) -> np.ndarray:
    return panel(rng, 160, 380, P.INK, 0.55, P.PAPER, 0.45)


def continue_mark(rng: np.random.Generator) -> np.ndarray:
    """A small brush chevron pointing on."""
    size, k = 32, 4
    field = Field(size * k, size * k)
    pts = catmull_rom([(34, 44), (64, 84), (96, 46)], closed=False, steps=8)
    mark = stroke(field, pts, [6.0, 18.0, 5.0])
    dot = stroke(field, np.array([[58, 108], [70, 108]]), [8.0, 10.0, 6.0])
    a = np.maximum(mark, dot)
    a = a.reshape(size, k, size, k).mean(axis=(1, 3))
    rgb = np.empty((size, size, 3))
    rgb[:] = P.WHITE_WARM
    rgb[20:] = P.SUN_CORE
    return np.concatenate([rgb, a[..., None]], axis=2)


def icon(rng: np.random.Generator) -> np.ndarray:
    """The gate in ink against a warm low sun, on a round paper disc."""
    size, k = 64, 4
    n = size * k
    c = Canvas(n, n, P.PAPER)
    c.vertical_gradient([(0.0, P.DUSK_LOW), (0.7, P.SUN_CORE), (1.0, P.EARTH)])
    c.lay(glow(n, n, n * 0.5, n * 0.5, n * 0.22), P.SUN)
    g = gate(n, n, n * 0.5, n * 0.8, n * 0.34, sun_side=1.0)
    paint_gate(rng, c, g, 1.0, 0.0, 0.4)
    c.lay((np.arange(n)[:, None] > n * 0.8) * np.ones((1, n)) * 0.85, P.INK_GREEN)
    disc = fill(
        Field(n, n),
        catmull_rom(
            [
                (n / 2 + n * 0.47 * np.cos(t), n / 2 + n * 0.47 * np.sin(t))
                for t in np.linspace(0, 2 * np.pi, 24, endpoint=False)
            ],
            closed=True,
        ),
    )
    rim = np.clip(blur(disc, 3.0) * 2.0, 0.0, 1.0) * (1 - blur(disc, 3.0)) * 3.0
    c.lay(np.clip(rim, 0.0, 1.0), P.INK)
    rgb = c.result().reshape(size, k, size, k, 3).mean(axis=(1, 3))
    alpha = disc.reshape(size, k, size, k).mean(axis=(1, 3))
    return np.concatenate([rgb, alpha[..., None]], axis=2)


UI: Mapping[str, Callable[[np.random.Generator], np.ndarray]] = MappingProxyType(
    {
        "textbox": textbox,
        "nameplate": nameplate,
        "button": button,
        "button_hover": button_hover,
        "slot_frame": slot_frame,
        "continue": continue_mark,
        "icon": icon,
    }
)
