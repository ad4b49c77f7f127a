"""Scene transitions: draw the way from one picture to another at progress t in [0, 1]."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from vn.ui.picture import Picture

Blend = Callable[[Picture, Picture, float, Picture], None]

WIPE_EDGE = 96  # px of soft edge on wipes


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def cut(before: Picture, after: Picture, t: float, out: Picture) -> None:
    out.blit(after, (0, 0))


def dissolve(
    before: Picture,
    after: Picture,
    t: float,
    out: Picture,
    blendable: Picture | None = None,
) -> None:
    """The ends are plain blits: SDL blends an opaque surface at alpha 255 through a path about
    80 times slower than a copy (13 ms a frame at 1280x720, measured by benchmarks/run.py).
    In between, `blendable` (the new picture with an alpha channel, `Picture.with_alpha`) takes
    pygame's SIMD path for a surface's alpha over pixel alpha: a quarter faster than blending
    the opaque picture, the same to within one level."""
    alpha = round(255 * _ease(t))
    if alpha >= 255:
        out.blit(after, (0, 0))
        return
    out.blit(before, (0, 0))
    if alpha <= 0:
        return
    source = blendable if blendable is not None else after
    source.set_alpha(alpha)
    out.blit(source, (0, 0))
    if source is after:
        after.set_alpha(None)


def fade(before: Picture, after: Picture, t: float, out: Picture) -> None:
    """Through black: the first half darkens the old picture, the second lifts the new."""
    picture, darkness = (before, t * 2) if t < 0.5 else (after, (1 - t) * 2)
    out.blit(picture, (0, 0))
    # Multiplying by the light left is the same as blending black over it, with no surface
    # to allocate each frame and no slow alpha-255 blit.
    light = 255 - round(255 * _ease(min(1.0, darkness)))
    if light < 255:
        out.fill((light, light, light), special_flags=pygame.BLEND_MULT)


def _wipe(before: Picture, after: Picture, t: float, out: Picture, rightward: bool) -> None:
    width, height = out.get_size()
    edge = _ease(t) * (width + WIPE_EDGE)
    out.blit(before, (0, 0))
    solid = max(0, int(edge - WIPE_EDGE))
    if rightward:
        out.blit(after, (0, 0), pygame.Rect(0, 0, solid, height))
    else:
        out.blit(after, (width - solid, 0), pygame.Rect(width - solid, 0, solid, height))
    for step in range(0, WIPE_EDGE, 8):
        x = solid + step if rightward else width - solid - step - 8
        if not 0 <= x < width:
            continue
        strip = after.subsurface(pygame.Rect(x, 0, min(8, width - x), height))
        strip.set_alpha(round(255 * (1 - (step + 4) / WIPE_EDGE)))
        out.blit(strip, (x, 0))


def wipe_right(before: Picture, after: Picture, t: float, out: Picture) -> None:
    _wipe(before, after, t, out, rightward=True)


def wipe_left(before: Picture, after: Picture, t: float, out: Picture) -> None:
    _wipe(before, after, t, out, rightward=False)


TRANSITIONS: dict[str, Blend] = {
    "cut": cut,
    "dissolve": dissolve,
    "fade": fade,
    "wipe_right": wipe_right,
    "wipe_left": wipe_left,
}


def get(name: str | None) -> Blend:
    return TRANSITIONS.get(name or "cut", dissolve)


class Transition:
    """A running transition between two frozen pictures."""

    def __init__(self, name: str | None, before: Picture, after: Picture, duration: float) -> None:
        self.name = name or "cut"
        self.blend = get(name)
        self.before = before
        self.after = after
        self.duration = max(0.0, duration) if name != "cut" else 0.0
        self.elapsed = 0.0
        self._blendable = after.with_alpha() if self.blend is dissolve and not self.done else None

    @property
    def progress(self) -> float:
        return 1.0 if self.duration <= 0 else min(1.0, self.elapsed / self.duration)

    @property
    def done(self) -> bool:
        return self.progress >= 1.0

    def update(self, dt: float) -> None:
        self.elapsed += dt

    def finish(self) -> None:
        self.elapsed = self.duration

    def draw(self, out: Picture) -> None:
        if self._blendable is not None:
            dissolve(self.before, self.after, self.progress, out, self._blendable)
        else:
            self.blend(self.before, self.after, self.progress, out)
