"""The village's great gate, as masks to paint: front view, any size."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import palette as P
from .paint import Canvas, bleed, edge_darkening, fbm, ink_edge
from .shapes import Field, catmull_rom, ellipse, fill, stroke


@dataclass(frozen=True)
class GateMasks:
    pillars: np.ndarray  # the two great posts and the beams
    lit: np.ndarray  # faces catching the low sun
    roof: np.ndarray  # the tiled roof over the beam
    tiles: np.ndarray  # tile lines on the roof face
    walls: np.ndarray  # the village wall on either side
    planks: np.ndarray  # seams on the wall
    doors: np.ndarray  # the heavy doors standing open
    opening: np.ndarray  # the way through, where the village light shows

    @property
    def body(self) -> np.ndarray:
        return np.maximum(np.maximum(self.pillars, self.roof), np.maximum(self.walls, self.doors))


def _rect(field: Field, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return fill(field, np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]))


def _roof(field: Field, cx: float, y: float, u: float, half: float, lift: float) -> np.ndarray:
    return fill(
        field,
        catmull_rom(
            [
                (cx - half, y - lift),
                (cx - half * 0.7, y - 0.02 * u),
                (cx, y),
                (cx + half * 0.7, y - 0.02 * u),
                (cx + half, y - lift),
                (cx + half * 0.8, y - lift - 0.06 * u),
                (cx + half * 0.55, y - 0.2 * u),
                (cx, y - 0.26 * u),
                (cx - half * 0.55, y - 0.2 * u),
                (cx - half * 0.8, y - lift - 0.06 * u),
            ],
            closed=True,
            steps=8,
        ),
    )


def gate(
    h: int, w: int, cx: float, ground: float, span: float, sun_side: float = -1.0
) -> GateMasks:
    """The gate centred at ``cx`` standing on ``ground``; ``span`` is the opening's width."""
    field = Field(h, w)
    u = span
    pillar_w = 0.2 * u
    tall = 1.3 * u
    pillars = np.zeros((h, w))
    lit = np.zeros((h, w))
    walls = np.zeros((h, w))
    doors = np.zeros((h, w))
    for side in (-1.0, 1.0):
        inner = cx + side * u / 2
        outer = inner + side * pillar_w
        x0, x1 = min(inner, outer), max(inner, outer)
        np.maximum(pillars, _rect(field, x0, ground - tall, x1, ground), out=pillars)
        lit_x = x0 if side == sun_side else x0 + (x1 - x0) * 0.55
        np.maximum(
            lit, _rect(field, lit_x, ground - tall, lit_x + (x1 - x0) * 0.45, ground), out=lit
        )
        door = np.array(
            [
                [inner, ground - tall + 0.14 * u],
                [inner - side * 0.16 * u, ground - tall + 0.24 * u],
                [inner - side * 0.16 * u, ground - 0.04 * u],
                [inner, ground],
            ]
        )
        np.maximum(doors, fill(field, door), out=doors)
        wall_end = -0.1 * w if side < 0 else 1.1 * w
        wall_top = ground - 0.6 * u
        wx0, wx1 = min(outer, wall_end), max(outer, wall_end)
        np.maximum(walls, _rect(field, wx0, wall_top, wx1, ground), out=walls)
    beam_top = ground - tall - 0.02 * u
    np.maximum(
        pillars,
        _rect(field, cx - 0.82 * u, beam_top, cx + 0.82 * u, beam_top + 0.12 * u),
        out=pillars,
    )
    np.maximum(
        pillars,
        _rect(field, cx - 0.7 * u, beam_top + 0.2 * u, cx + 0.7 * u, beam_top + 0.26 * u),
        out=pillars,
    )
    np.maximum(
        lit,
        _rect(field, cx - 0.8 * u, beam_top + 0.07 * u, cx + 0.8 * u, beam_top + 0.12 * u),
        out=lit,
    )
    np.maximum(
        lit,
        _rect(field, cx - 0.7 * u, beam_top + 0.23 * u, cx + 0.7 * u, beam_top + 0.26 * u),
        out=lit,
    )
    roof = _roof(field, cx, beam_top + 0.01 * u, u, 1.1 * u, 0.14 * u)
    wall_top = ground - 0.6 * u
    for side in (-1.0, 1.0):
        x0 = cx + side * (u / 2 + pillar_w)
        x1 = -0.1 * w if side < 0 else 1.1 * w
        cap = np.array(
            [
                [x0, wall_top - 0.07 * u],
                [x1, wall_top - 0.07 * u],
                [x1, wall_top + 0.03 * u],
                [x0 - side * 0.05 * u, wall_top + 0.03 * u],
            ]
        )
        np.maximum(roof, fill(field, cap), out=roof)
    xs = np.arange(w)[None, :] + 0.5
    ys = np.arange(h)[:, None] + 0.5
    tile_pitch = max(3.0, 0.035 * u)
    tiles = roof * np.clip(1.0 - np.abs(((xs - cx) / tile_pitch) % 1.0 - 0.5) * 6.0, 0.0, 1.0)
    tiles = tiles * (ys < beam_top - 0.03 * u)
    plank_pitch = max(4.0, 0.09 * u)
    planks = walls * np.clip(1.0 - np.abs(((xs - cx) / plank_pitch) % 1.0 - 0.5) * 10.0, 0.0, 1.0)
    plaque = _rect(field, cx - 0.15 * u, beam_top + 0.12 * u, cx + 0.15 * u, beam_top + 0.2 * u)
    np.maximum(pillars, plaque, out=pillars)
    opening = _rect(field, cx - u / 2, beam_top, cx + u / 2, ground) * (
        1 - np.maximum(pillars, doors)
    )
    return GateMasks(
        pillars=pillars,
        lit=lit * pillars,
        roof=roof,
        tiles=tiles,
        walls=walls * (1 - pillars),
        planks=planks,
        doors=doors,
        opening=opening,
    )


def paint_gate(
    rng: np.random.Generator, canvas: Canvas, g: GateMasks, warmth: float, haze: float, scale: float
) -> None:
    """Lay the gate's washes and contours on a canvas (``haze`` pales it with distance)."""
    h, w = canvas.h, canvas.w
    grain = fbm(rng, h, w, 30 * scale + 2, 4)
    keep = 1.0 - haze
    wall = edge_darkening(
        bleed(rng, g.walls, 1.0 + scale, 0.2, 20 * scale + 2), 2 * scale + 0.5, 0.3
    )
    far = np.asarray(P.BLUE_GREY) * keep + np.asarray(P.MIST) * haze
    canvas.lay(wall * (0.82 + 0.12 * grain), far)
    canvas.lay(g.planks * 0.25 * keep, P.INK_BLUE)
    canvas.lay(g.opening * 0.85, P.SUN_CORE)
    posts = edge_darkening(
        bleed(rng, g.pillars, 0.8 + scale, 0.2, 20 * scale + 2), 2 * scale + 0.5, 0.35
    )
    canvas.lay(posts * (0.78 + 0.15 * grain) * keep, P.INK_BLUE)
    canvas.lay(g.lit * (0.55 + 0.25 * grain) * warmth, P.EMBER)
    canvas.lay(g.doors * 0.8 * keep, P.GREEN_DEEP)
    canvas.lay(bleed(rng, g.roof, 0.8 + scale, 0.2, 20 * scale + 2) * 0.9 * keep, P.INK)
    canvas.lay(g.tiles * 0.35 * keep, P.BLUE_GREY)
    contour = ink_edge(np.maximum(g.body, g.roof), 0.8 + 1.2 * scale)
    canvas.lay(contour * (0.5 + 0.4 * grain) * keep, P.INK)


def running_figure(field: Field, x: float, foot: float, size: float, stride: float) -> np.ndarray:
    """A small ink figure running towards the viewer."""
    head = ellipse(field, x, foot - size * 0.9, size * 0.085, size * 0.1)
    body = stroke(
        field,
        np.array([[x, foot - size * 0.8], [x + size * 0.02, foot - size * 0.45]]),
        [size * 0.2, size * 0.16],
    )
    legs = np.maximum(
        stroke(
            field,
            np.array(
                [
                    [x, foot - size * 0.47],
                    [x - size * 0.1 * stride, foot - size * 0.2],
                    [x - size * 0.14 * stride, foot],
                ]
            ),
            [size * 0.09, size * 0.06],
        ),
        stroke(
            field,
            np.array(
                [
                    [x, foot - size * 0.47],
                    [x + size * 0.08 * stride, foot - size * 0.25],
                    [x + size * 0.18 * stride, foot - size * 0.08],
                ]
            ),
            [size * 0.09, size * 0.06],
        ),
    )
    arms = np.maximum(
        stroke(
            field,
            np.array(
                [
                    [x - size * 0.06, foot - size * 0.74],
                    [x - size * 0.17, foot - size * 0.58],
                    [x - size * 0.13 * stride, foot - size * 0.45],
                ]
            ),
            [size * 0.06, size * 0.04],
        ),
        stroke(
            field,
            np.array(
                [
                    [x + size * 0.06, foot - size * 0.74],
                    [x + size * 0.18, foot - size * 0.62],
                    [x + size * 0.22, foot - size * 0.7],
                ]
            ),
            [size * 0.06, size * 0.04],
        ),
    )
    return np.maximum(np.maximum(head, body), np.maximum(legs, arms))
