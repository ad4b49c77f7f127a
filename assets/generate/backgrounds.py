"""The scene backgrounds: layered ink-wash landscapes with atmospheric depth."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from . import palette as P
from .gate import gate, paint_gate, running_figure
from .paint import (
    Canvas,
    Colour,
    bleed,
    blur,
    edge_darkening,
    fbm,
    glow,
    ink_edge,
    noise_1d,
    paper,
    rgb,
    smoothstep,
    vignette,
)
from .scenery import (
    below,
    blotches,
    branches,
    foliage,
    grass,
    light_shafts,
    mist,
    ridge,
    skyline,
    streaks,
    trunk,
)
from .shapes import Field, ellipse, fill, stroke


def _mix(a: tuple[float, ...], b: tuple[float, ...], t: float) -> tuple[float, float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def _finish(rng: np.random.Generator, canvas: Canvas, dark_edges: float = 0.22) -> np.ndarray:
    """Paper grain and a soft darkening towards the corners, the same on every scene."""
    canvas.multiply(paper(rng, canvas.h, canvas.w))
    canvas.multiply(1.0 - dark_edges * vignette(canvas.h, canvas.w))
    return canvas.result()


def _tree_layer(
    rng: np.random.Generator,
    canvas: Canvas,
    depth: float,
    count: int,
    width: tuple[float, float],
    ground: float,
    colour: tuple[float, float, float],
    soft: float,
    avoid: tuple[float, float] | None = None,
) -> None:
    """A rank of trunks at one depth: nearer ranks are darker, wider and sharper."""
    h, w = canvas.h, canvas.w
    s = w / 1280
    mask = np.zeros((h, w))
    limbs = np.zeros((h, w))
    for i in range(count):
        x = (i + rng.random()) / count * w * 1.1 - w * 0.05
        if avoid and avoid[0] * w < x < avoid[1] * w:
            x = avoid[0] * w if rng.random() < 0.5 else avoid[1] * w
            x += (rng.random() - 0.5) * 60 * s
        wd = (width[0] + (width[1] - width[0]) * rng.random() ** 2) * s
        lean = (rng.random() - 0.5) * 0.04
        g = ground + (rng.random() - 0.5) * 14 * s * (1 - depth)
        np.maximum(mask, trunk(rng, h, w, x, wd, -10, g, lean), out=mask)
        if depth < 0.9:
            np.maximum(limbs, branches(rng, h, w, x, wd, 0, g, 2), out=limbs)
    mask = np.maximum(mask, limbs)
    alpha = bleed(rng, mask, soft * s + 0.6, 0.3, 30 * s)
    ys = np.arange(h)[:, None] + 0.5
    alpha = alpha * (1.0 - 0.75 * depth * smoothstep(ground - 220 * s, ground, ys))
    alpha = edge_darkening(alpha, 2.5 * s, 0.25)
    texture = fbm(rng, h, w, 50 * s, 3)
    canvas.lay(alpha * (0.82 + 0.18 * texture), colour)


def forest_deep(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Deep forest in late light: ranks of trunks fading into mist, sun low on the right."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER)
    c.vertical_gradient([(0.0, P.SKY_HIGH), (0.55, P.MIST), (1.0, P.GREEN_GREY)])
    c.lay(0.75 * glow(h, w, h * 0.5, w * 0.8, w * 0.3, 0.8), P.DUSK_LOW)
    c.lay(0.5 * glow(h, w, h * 0.55, w * 0.8, w * 0.08), P.SUN_CORE)
    ranks = [
        (0.95, 34, (8, 18), 0.60, 0.14, 5.0),
        (0.75, 22, (14, 30), 0.66, 0.28, 3.0),
        (0.50, 13, (24, 52), 0.74, 0.48, 1.6),
    ]
    for depth, count, width, ground, tone, soft in ranks:
        colour = _mix(_mix(P.MIST, P.BLUE_GREY, 0.5), P.INK_GREEN, tone)
        _tree_layer(rng, c, depth, count, width, ground * h, colour, soft)
        c.lay(0.45 * mist(rng, h, w, ground * h - 20 * s, 70 * s), P.MIST)
        ys = np.arange(h)[:, None] + 0.5
        region = np.broadcast_to(smoothstep(h * (0.3 - 0.2 * depth), 0.0, ys), (h, w))
        canopy = np.maximum(blotches(rng, region, 90 * s, 0.75), foliage(rng, region, 5 * s, 0.5))
        c.lay(bleed(rng, canopy, 1.5 * s, 0.2, 20 * s) * 0.85, colour)
    ground_line = skyline(rng, w, h * 0.8, 30 * s, 160 * s)
    earth = bleed(rng, below(h, ground_line), 14 * s, 0.5, 40 * s)
    earth *= smoothstep(h * 0.74, h * 0.9, np.arange(h)[:, None] + 0.5) * 0.6 + 0.4
    c.lay(earth * 0.9, _mix(P.GREEN_DEEP, P.INK_GREEN, 0.5))
    c.lay(0.35 * glow(h, w, h * 0.84, w * 0.6, w * 0.25, 0.25), P.EARTH)
    near = np.zeros((h, w))
    for x, wd in ((0.06, 120), (0.22, 54), (0.93, 90)):
        np.maximum(near, trunk(rng, h, w, x * w, wd * s, -10, h * 0.97, 0.0), out=near)
    near_alpha = edge_darkening(bleed(rng, near, 1.0, 0.25, 20 * s), 3 * s, 0.3)
    c.lay(near_alpha, P.INK)
    xs = np.abs(np.linspace(-1, 1, w))[None, :]
    top_region = smoothstep(0.3, 0.0, np.linspace(0, 1, h))[:, None] * (0.35 + 0.65 * xs)
    leaves = np.maximum(
        blotches(rng, top_region, 110 * s, 0.8), foliage(rng, top_region, 6 * s, 0.6)
    )
    c.lay(edge_darkening(bleed(rng, leaves, 2 * s, 0.3, 20 * s), 3 * s) * 0.9, P.INK_GREEN)
    undergrowth = grass(
        rng, h, w, int(420 * s * s + 40), (h * 0.8, h * 1.02), (18 * s, 60 * s), 3.2 * s
    )
    c.lay(undergrowth * 0.85, P.INK)
    shafts = light_shafts(rng, h, w, (w * 1.1, h * 0.1), 6, 0.5)
    c.lay(shafts * 0.3, P.SUN_CORE)
    return _finish(rng, c)


def _dusk_sky(c: Canvas, horizon: float, sun: tuple[float, float], warmth: float) -> None:
    h, w = c.h, c.w
    c.vertical_gradient(
        [
            (0.0, P.SKY_HIGH),
            (horizon / h * 0.6, _mix(P.SKY_HIGH, P.DUSK_LOW, 0.5)),
            (horizon / h, P.DUSK_LOW),
            (1.0, P.DUSK_LOW),
        ]
    )
    c.lay(warmth * glow(h, w, sun[1], sun[0], w * 0.35, 0.6), P.DUSK_LOW)
    c.lay(warmth * 0.9 * glow(h, w, sun[1], sun[0], w * 0.09), P.SUN_CORE)


def _clouds(
    rng: np.random.Generator, c: Canvas, top: float, bottom: float, colour: Colour, amount: float
) -> None:
    h, w = c.h, c.w
    s = w / 1280
    ys = np.arange(h)[:, None] + 0.5
    band = smoothstep(top, (top + bottom) / 2, ys) * smoothstep(bottom, (top + bottom) / 2, ys)
    streak = mist(rng, h, w, (top + bottom) / 2, (bottom - top) * 0.5, 6.0)
    c.lay(bleed(rng, (streak * band > 0.45).astype(float), 10 * s, 0.4, 60 * s) * amount, colour)


def _path(
    h: int,
    w: int,
    vanish: tuple[float, float],
    bottom_half: float,
    wobble: np.ndarray,
    ragged: np.ndarray | None = None,
) -> np.ndarray:
    """The dirt path narrowing towards the vanishing point; ``ragged`` frays each edge."""
    ys = np.arange(h)[:, None] + 0.5
    xs = np.arange(w)[None, :] + 0.5
    t = np.clip((ys - vanish[1]) / (h - vanish[1]), 0.0, 1.2)
    half = 3.0 + bottom_half * t**1.05
    rows = np.clip(ys.astype(int) - 1, 0, h - 1)
    centre = vanish[0] + wobble[rows] * t
    offset = xs - centre
    if ragged is not None:
        half = half * (1.0 + 0.09 * np.where(offset < 0, ragged[0][rows], ragged[1][rows]))
    return np.clip(half - np.abs(offset) + 0.5, 0.0, 1.0) * (ys > vanish[1])


def _path_to_gate(
    rng: np.random.Generator,
    h: int,
    w: int,
    gate_x: float,
    span: float,
    horizon: float,
    warmth: float,
    grass_count: int,
) -> Canvas:
    """Open ground, the path, and the great gate far off under a low sun."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER)
    sun = (gate_x + span * 2.2, horizon - span * 0.9)
    _dusk_sky(c, horizon, sun, warmth)
    _clouds(rng, c, h * 0.08, h * 0.3, _mix(P.SKY_HIGH, P.BLUE_GREY, 0.4), 0.35)
    cliff = ridge(rng, w, horizon - span * 1.3, span * 0.9, 260 * s)
    c.lay(
        bleed(rng, below(h, cliff), 6 * s, 0.3, 40 * s) * 0.35, _mix(P.BLUE_GREY, P.DUSK_LOW, 0.35)
    )
    far_trees = skyline(rng, w, horizon + 4 * s, 34 * s, 40 * s)
    c.lay(
        bleed(rng, below(h, far_trees), 3 * s, 0.3, 20 * s) * 0.55,
        _mix(P.BLUE_GREY, P.GREEN_GREY, 0.4),
    )
    g = gate(h, w, gate_x, horizon + 6 * s, span, sun_side=1.0)
    paint_gate(rng, c, g, warmth, 0.3, span / 520)
    c.lay(
        g.walls * smoothstep(0.0, 0.5, np.abs(np.linspace(-1, 1, w)))[None, :] * 0.5,
        _mix(P.MIST, P.DUSK_LOW, 0.4),
    )
    c.lay(0.3 * mist(rng, h, w, horizon + 6 * s, 26 * s, 8.0), _mix(P.MIST, P.DUSK_LOW, 0.5))
    ys = np.arange(h)[:, None] + 0.5
    xs = np.arange(w)[None, :] + 0.5
    hedge = below(h, skyline(rng, w, horizon + 12 * s, 26 * s, 22 * s))
    copses = below(h, skyline(rng, w, horizon + 10 * s, 90 * s, 60 * s))
    copses *= smoothstep(span * 1.6, span * 3.2, np.abs(xs - gate_x))
    trees = bleed(rng, np.maximum(hedge, copses), 2 * s, 0.4, 14 * s)
    trees *= smoothstep(horizon + 40 * s, horizon + 16 * s, ys)
    c.lay(trees * 0.8, _mix(P.GREEN_GREY, P.BLUE_GREY, 0.45))
    c.lay(foliage(rng, trees, 4 * s, 0.5) * 0.5, _mix(P.GREEN_DEEP, P.BLUE_GREY, 0.3))
    field_tone = smoothstep(horizon, h, ys)
    ground = below(h, np.full(w, horizon + 8 * s), 2.0)
    c.lay(
        ground * (0.45 + 0.45 * field_tone) * (0.7 + 0.35 * fbm(rng, h, w, 160 * s, 4)),
        _mix(P.GREEN_GREY, P.GREEN_DEEP, 0.5),
    )
    wobble = np.sin(np.linspace(0.0, 3.0, h)) * 70 * s - np.linspace(0.0, 1.0, h) * 60 * s
    ragged = (noise_1d(rng, h, 22 * s, 4), noise_1d(rng, h, 22 * s, 4))
    track = _path(h, w, (gate_x, horizon + 14 * s), w * 0.22, wobble, ragged)
    path = bleed(rng, track, 3 * s, 0.9, 12 * s)
    c.lay(path * 0.85, _mix(P.EARTH, P.DUSK_LOW, 0.35 * warmth))
    ruts = fbm(rng, h, w, 14 * s, 3)
    c.lay(path * smoothstep(0.62, 0.8, ruts) * field_tone * 0.35, P.EARTH)
    blades = grass(rng, h, w, grass_count, (horizon + 30 * s, h * 1.05), (14 * s, 70 * s), 3.0 * s)
    c.lay(blades * (1 - path * 0.5) * 0.8, _mix(P.INK_GREEN, P.INK, 0.5))
    c.lay(0.25 * warmth * glow(h, w, sun[1], sun[0], w * 0.5, 0.5), P.SUN)
    return c


def dirt_path(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Out of the trees at last: the path, and the great gate towering far ahead."""
    s = w / 1280
    c = _path_to_gate(rng, h, w, w * 0.54, 125 * s, h * 0.62, 0.9, int(700 * s * s + 60))
    return _finish(rng, c)


def title(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Title art: the path to the gate at dusk, the left side left open for the menu."""
    s = w / 1280
    c = _path_to_gate(rng, h, w, w * 0.7, 90 * s, h * 0.64, 1.0, int(500 * s * s + 50))
    xs = np.linspace(0, 1, w)[None, :]
    c.lay(np.broadcast_to(smoothstep(0.55, 0.0, xs) * 0.55, (h, w)), _mix(P.MIST, P.PAPER, 0.5))
    return _finish(rng, c)


def ending(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """A quiet card: a pale dusk sky over the distant gate, the middle left for text."""
    s = w / 1280
    c = _path_to_gate(rng, h, w, w * 0.5, 60 * s, h * 0.78, 0.7, int(260 * s * s + 30))
    ys = np.arange(h)[:, None] + 0.5
    c.lay(
        np.broadcast_to(smoothstep(h * 0.8, h * 0.2, ys) * 0.45, (h, w)),
        _mix(P.MIST, P.DUSK_LOW, 0.4),
    )
    return _finish(rng, c, 0.3)


def gate_scene(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The gate up close, towering, with small figures running out."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER)
    horizon = h * 0.84
    _dusk_sky(c, horizon, (w * 0.9, h * 0.5), 0.9)
    _clouds(rng, c, h * 0.02, h * 0.2, _mix(P.SKY_HIGH, P.BLUE_GREY, 0.4), 0.3)
    village = skyline(rng, w, horizon - 210 * s, 60 * s, 50 * s)
    c.lay(
        bleed(rng, below(h, village), 4 * s, 0.3, 30 * s) * 0.3, _mix(P.BLUE_GREY, P.DUSK_LOW, 0.3)
    )
    g = gate(h, w, w * 0.5, horizon, 340 * s, sun_side=1.0)
    paint_gate(rng, c, g, 1.0, 0.0, s)
    roofs = below(h, skyline(rng, w, horizon - 90 * s, 50 * s, 30 * s), 2.0)
    c.lay(g.opening * roofs * 0.35, _mix(P.BLUE_GREY, P.DUSK_LOW, 0.5))
    c.lay(0.5 * mist(rng, h, w, horizon - 10 * s, 40 * s, 6.0), _mix(P.MIST, P.DUSK_LOW, 0.5))
    field = Field(h, w)
    people = np.zeros((h, w))
    for x, foot, size, stride in (
        (0.44, 0.87, 110, 1.0),
        (0.51, 0.9, 124, -1.0),
        (0.57, 0.86, 100, 0.8),
        (0.475, 0.85, 84, -0.7),
    ):
        np.maximum(people, running_figure(field, x * w, foot * h, size * s, stride), out=people)
    ground = below(h, np.full(w, horizon), 1.0)
    c.lay(ground * 0.75, _mix(P.EARTH, P.GREEN_GREY, 0.4))
    wobble = np.zeros(h)
    path = bleed(rng, _path(h, w, (w * 0.5, horizon - 4 * s), w * 0.5, wobble), 3 * s, 0.4, 30 * s)
    c.lay(path * 0.7, _mix(P.EARTH, P.DUSK_LOW, 0.3))
    c.lay(bleed(rng, people, 0.6, 0.1, 10 * s) * 0.92, P.INK)
    blades = grass(
        rng, h, w, int(260 * s * s + 30), (horizon + 10 * s, h * 1.05), (16 * s, 56 * s), 3 * s
    )
    c.lay(blades * (1 - path) * 0.8, P.INK_GREEN)
    c.lay(0.2 * glow(h, w, h * 0.5, w * 0.9, w * 0.5, 0.5), P.SUN)
    return _finish(rng, c)


def forest_edge(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The forest thins: dark trunks frame an opening where the light comes through."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER)
    horizon = h * 0.66
    _dusk_sky(c, horizon, (w * 0.58, h * 0.5), 0.8)
    hills = ridge(rng, w, horizon - 10 * s, 120 * s, 300 * s)
    c.lay(
        bleed(rng, below(h, hills), 8 * s, 0.3, 40 * s) * 0.25, _mix(P.BLUE_GREY, P.DUSK_LOW, 0.3)
    )
    far_trees = skyline(rng, w, horizon + 6 * s, 40 * s, 36 * s)
    c.lay(
        bleed(rng, below(h, far_trees), 3 * s, 0.3, 20 * s) * 0.4,
        _mix(P.BLUE_GREY, P.GREEN_GREY, 0.5),
    )
    c.lay(0.5 * mist(rng, h, w, horizon, 40 * s, 8.0), _mix(P.MIST, P.DUSK_LOW, 0.5))
    ys = np.arange(h)[:, None] + 0.5
    meadow = below(h, np.full(w, horizon + 6 * s), 2.0) * (0.4 + 0.5 * smoothstep(horizon, h, ys))
    c.lay(meadow, _mix(P.GREEN_GREY, P.DUSK_LOW, 0.15))
    for depth, count, width, tone, soft in (
        (0.7, 12, (14, 28), 0.35, 2.5),
        (0.4, 7, (30, 60), 0.6, 1.4),
    ):
        colour = _mix(_mix(P.MIST, P.BLUE_GREY, 0.5), P.INK_GREEN, tone)
        _tree_layer(
            rng,
            c,
            depth,
            count,
            width,
            h * (0.78 + 0.1 * (1 - depth)),
            colour,
            soft,
            avoid=(0.3, 0.78),
        )
    near = np.zeros((h, w))
    for x, wd in ((0.03, 140), (0.17, 60), (0.9, 110), (0.99, 70)):
        np.maximum(near, trunk(rng, h, w, x * w, wd * s, -10, h * 1.02, 0.0), out=near)
        np.maximum(near, branches(rng, h, w, x * w, wd * s, 0, h * 0.9, 2), out=near)
    c.lay(edge_darkening(bleed(rng, near, 1.0, 0.25, 20 * s), 3 * s, 0.3), P.INK)
    xs = np.abs(np.linspace(-1, 1, w))[None, :]
    region = smoothstep(0.35, 0.0, np.linspace(0, 1, h))[:, None] * smoothstep(0.3, 0.9, xs)
    leaves = np.maximum(blotches(rng, region, 100 * s, 0.8), foliage(rng, region, 6 * s, 0.6))
    c.lay(edge_darkening(bleed(rng, leaves, 2 * s, 0.3, 20 * s), 3 * s) * 0.9, P.INK_GREEN)
    blades = grass(
        rng, h, w, int(600 * s * s + 60), (h * 0.74, h * 1.04), (18 * s, 70 * s), 3.2 * s
    )
    c.lay(blades * 0.85, P.INK_GREEN)
    shafts = light_shafts(rng, h, w, (w * 0.58, -h * 0.2), 7, 0.7)
    c.lay(shafts * 0.25, P.SUN_CORE)
    return _finish(rng, c)


def _memory(c: Canvas, rng: np.random.Generator) -> np.ndarray:
    """Memories are softer, paler and warmer than the present."""
    c.rgb = blur(c.rgb, 1.6 * c.w / 1280)
    c.lay(np.full((c.h, c.w), 0.28), P.PAPER_WARM)
    c.lay(0.25 * vignette(c.h, c.w), P.SEPIA)
    return _finish(rng, c, 0.12)


def memory_rain(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Rain village: towers and pipes behind veils of rain."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER)
    c.vertical_gradient(
        [
            (0.0, _mix(P.BLUE_GREY, P.MIST, 0.3)),
            (0.7, P.MIST),
            (1.0, _mix(P.MIST, P.BLUE_GREY, 0.4)),
        ]
    )
    field = Field(h, w)
    for layer, (count, tone, base) in enumerate(((9, 0.2, 0.78), (6, 0.4, 0.86), (4, 0.65, 0.98))):
        towers = np.zeros((h, w))
        for i in range(count):
            x = (i + rng.random()) / count * w
            tw = (40 + 50 * rng.random()) * s * (1 + layer * 0.5)
            top = h * (0.08 + 0.35 * rng.random()) - layer * 30 * s
            body = np.array(
                [
                    [x - tw / 2, top + tw * 0.3],
                    [x - tw * 0.35, top],
                    [x + tw * 0.35, top],
                    [x + tw / 2, top + tw * 0.3],
                    [x + tw / 2, base * h],
                    [x - tw / 2, base * h],
                ]
            )
            np.maximum(towers, fill(field, body), out=towers)
            spike = np.array(
                [
                    [x - 2 * s, top - tw * 0.9],
                    [x + 2 * s, top - tw * 0.9],
                    [x + tw * 0.1, top],
                    [x - tw * 0.1, top],
                ]
            )
            np.maximum(towers, fill(field, spike), out=towers)
            for k in range(2):
                py = top + (0.3 + 0.4 * rng.random()) * (base * h - top)
                side = 1 if k else -1
                pipe = np.array(
                    [
                        [x, py],
                        [x + side * tw * 0.8, py],
                        [x + side * tw * 0.9, py + tw * 0.9],
                    ]
                )
                np.maximum(towers, stroke(field, pipe, [tw * 0.12, tw * 0.1, tw * 0.1]), out=towers)
        colour = _mix(_mix(P.MIST, P.BLUE_GREY, 0.6), P.INK_BLUE, tone)
        c.lay(
            edge_darkening(bleed(rng, towers, (3 - layer) * s + 0.6, 0.3, 20 * s), 2 * s, 0.3),
            colour,
        )
        c.lay(0.5 * mist(rng, h, w, base * h - 30 * s, 60 * s), P.MIST)
        rain = streaks(rng, h, w, int(450 * s * s + 40), 90 * s, 0.18, 1.6 * s * (1 + layer * 0.4))
        c.lay(rain * 0.55, _mix(P.MIST, P.PAPER, 0.6) if layer < 2 else P.INK_BLUE)
    return _memory(c, rng)


def memory_sand(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The desert: dunes in layers, a pale sun through blowing sand."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER_WARM)
    c.vertical_gradient(
        [
            (0.0, _mix(P.DUSK_LOW, P.PAPER_WARM, 0.4)),
            (0.5, P.SAND),
            (1.0, _mix(P.SAND, P.EARTH, 0.4)),
        ]
    )
    c.lay(0.7 * glow(h, w, h * 0.3, w * 0.3, 70 * s), P.SUN_CORE)
    field = Field(h, w)
    town = np.zeros((h, w))
    for i in range(7):
        x = w * (0.55 + 0.3 * i / 7 + 0.03 * rng.random())
        bw, bh = (40 + 30 * rng.random()) * s, (30 + 40 * rng.random()) * s
        base = h * 0.5
        np.maximum(
            town,
            fill(
                field,
                np.array(
                    [
                        [x - bw / 2, base],
                        [x - bw / 2, base - bh],
                        [x + bw / 2, base - bh],
                        [x + bw / 2, base],
                    ]
                ),
            ),
            out=town,
        )
        np.maximum(town, ellipse(field, x, base - bh, bw / 2, bw * 0.35), out=town)
    c.lay(bleed(rng, town, 2 * s, 0.3, 20 * s) * 0.35, _mix(P.EARTH, P.BLUE_GREY, 0.3))
    for k, (base, amp, cell, tone) in enumerate(
        ((0.5, 40, 300, 0.3), (0.62, 70, 360, 0.5), (0.78, 90, 420, 0.7), (0.95, 80, 500, 0.9))
    ):
        line = ridge(rng, w, h * base, amp * s, cell * s)
        dune = bleed(rng, below(h, line), (4 - k) * s + 1, 0.2, 40 * s)
        ys = np.arange(h)[:, None] + 0.5
        shade = smoothstep(0.0, 60 * s, ys - line[None, :])
        c.lay(dune * 0.92, _mix(P.SAND, P.EARTH, min(1.0, tone * 1.3)))
        c.lay(dune * (1 - shade) * 0.45, P.SUN_CORE)
        c.lay(dune * smoothstep(20 * s, 140 * s, ys - line[None, :]) * 0.25 * tone, P.EARTH)
        c.lay(ink_edge(below(h, line), 1.2 * s) * 0.6 * tone, _mix(P.EARTH, P.INK, 0.3))
        c.lay(
            0.16 * mist(rng, h, w, h * base - 10 * s, 40 * s, 8.0), _mix(P.SAND, P.PAPER_WARM, 0.5)
        )
    return _memory(c, rng)


def memory_exam(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The exam hall: tiers of desks rising away, tall windows, everything quiet."""
    s = w / 1280
    c = Canvas(h, w, P.PAPER_WARM)
    c.vertical_gradient(
        [(0.0, _mix(P.PAPER_WARM, P.EARTH, 0.25)), (1.0, _mix(P.PAPER_WARM, P.EARTH, 0.45))]
    )
    field = Field(h, w)
    for i in range(5):
        x = w * (0.12 + 0.19 * i)
        win = fill(
            field,
            np.array(
                [
                    [x - 55 * s, 40 * s],
                    [x + 55 * s, 40 * s],
                    [x + 55 * s, 250 * s],
                    [x - 55 * s, 250 * s],
                ]
            ),
        )
        c.lay(bleed(rng, win, 3 * s, 0.2, 20 * s) * 0.8, P.SUN_CORE)
        c.lay(ink_edge(win, 1.5 * s) * 0.4, P.EARTH)
        c.lay(stroke(field, np.array([[x, 40 * s], [x, 250 * s]]), [3 * s, 3 * s]) * 0.4, P.EARTH)
    board = fill(
        field,
        np.array([[w * 0.3, 270 * s], [w * 0.7, 270 * s], [w * 0.7, 340 * s], [w * 0.3, 340 * s]]),
    )
    c.lay(board * 0.5, _mix(P.GREEN_DEEP, P.PAPER_WARM, 0.3))
    c.lay(light_shafts(rng, h, w, (w * 0.1, -h * 0.3), 6, 0.6) * 0.3, P.SUN_CORE)
    for row in range(6):
        t = row / 5
        y = h * (0.5 + 0.45 * t**1.3)
        depth = 18 * s + 34 * s * t
        inset = w * (0.2 - 0.22 * t)
        top = np.array(
            [
                [inset, y],
                [w - inset, y],
                [w - inset + 30 * s * t, y + depth],
                [inset - 30 * s * t, y + depth],
            ]
        )
        desk = fill(field, top)
        front = fill(
            field,
            np.array(
                [
                    [inset - 30 * s * t, y + depth],
                    [w - inset + 30 * s * t, y + depth],
                    [w - inset + 30 * s * t, y + depth * 2.2],
                    [inset - 30 * s * t, y + depth * 2.2],
                ]
            ),
        )
        c.lay(bleed(rng, front, 1.5 * s, 0.2, 20 * s) * (0.45 + 0.3 * t), _mix(P.EARTH, P.INK, 0.3))
        c.lay(bleed(rng, desk, 1.5 * s, 0.2, 20 * s) * 0.7, _mix(P.EARTH, P.PAPER_WARM, 0.4))
        c.lay(ink_edge(desk, 1.0 * s) * (0.3 + 0.3 * t), P.INK)
        for k in range(1, 8):
            px = inset + (w - 2 * inset) * k / 8
            c.lay(
                stroke(
                    field, np.array([[px, y + depth * 1.2], [px, y + depth * 2.1]]), [2 * s, 2 * s]
                )
                * 0.3,
                P.INK,
            )
    return _memory(c, rng)


def black(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Not quite flat: the deepest ink, with the paper barely breathing through."""
    c = Canvas(h, w, rgb("#0b0c0e"))
    c.multiply(1.0 + 0.4 * (paper(rng, h, w) - 1.0))
    return c.result()


def white(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """A soft warm white for fades."""
    c = Canvas(h, w, P.WHITE_WARM)
    c.multiply(1.0 + 0.3 * (paper(rng, h, w) - 1.0))
    return c.result()


SCENES: Mapping[str, Callable[[np.random.Generator, int, int], np.ndarray]] = MappingProxyType(
    {
        "forest_deep": forest_deep,
        "forest_edge": forest_edge,
        "dirt_path": dirt_path,
        "gate": gate_scene,
        "ending": ending,
        "title": title,
        "memory_rain": memory_rain,
        "memory_sand": memory_sand,
        "memory_exam": memory_exam,
        "black": black,
        "white": white,
    }
)
