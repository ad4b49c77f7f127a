"""The stage: background, characters and overlay, with transitions between pictures.

Driven only by the script's statements and states: any `State` can be drawn directly (after
a load or a rollback), and each staging statement changes the picture through its transition,
the way Ren'Py's `with` does: the whole old picture turns into the whole new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import pygame

from vn.ui.canvas import HEIGHT, SIZE, WIDTH
from vn.ui.images import ImageCache
from vn.ui.picture import Picture
from vn.ui.transitions import Transition

POSITIONS: dict[str, float] = {
    "far_left": 0.14,
    "left": 0.30,
    "center": 0.50,
    "right": 0.70,
    "far_right": 0.86,
}
HEAD_SHARE = 0.42  # the top share of a bust that must stay above the text box


class StateLike(Protocol):
    background: str | None
    overlay: str | None
    sprites: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Sprite:
    character: str
    expression: str
    at: str


class Stage:
    """What stands on the stage, drawn once into a cached picture when it changes."""

    def __init__(self, images: ImageCache, sprites_of: Mapping[str, str], box_top: int) -> None:
        self._images = images
        self._sprites_of = sprites_of
        self._box_top = box_top
        self.background: str | None = None
        self.overlay: str | None = None
        self.sprites: list[Sprite] = []
        self._picture: Picture | None = None
        self.transition: Transition | None = None

    # ----- changes --------------------------------------------------------------------------
    def show_state(self, state: StateLike) -> None:
        """Draw a moment from a state alone, without transitions."""
        self.background = state.background
        self.overlay = state.overlay
        self.sprites = [Sprite(*s) for s in state.sprites]
        self.transition = None
        self._picture = None

    def apply(self, statement: Any) -> float:
        """Apply a Background, Overlay, Show or Hide; the seconds its transition takes."""
        kind = type(statement).__name__
        before = self.picture().copy()
        if kind == "Background":
            self.background = statement.name
            self.sprites = []
        elif kind == "Overlay":
            self.overlay = statement.name
        elif kind == "Show":
            self._show(Sprite(statement.character, statement.expression, statement.at))
        elif kind == "Hide":
            self.sprites = [s for s in self.sprites if s.character != statement.character]
        else:
            return 0.0
        self._picture = None
        self.transition = Transition(
            statement.transition, before, self.picture(), statement.duration
        )
        if self.transition.done:
            self.transition = None
            return 0.0
        return self.transition.duration

    def _show(self, sprite: Sprite) -> None:
        for index, shown in enumerate(self.sprites):
            if shown.character == sprite.character:
                self.sprites[index] = sprite
                return
        self.sprites.append(sprite)

    # ----- time -----------------------------------------------------------------------------
    @property
    def animating(self) -> bool:
        return self.transition is not None

    def update(self, dt: float) -> bool:
        """Advance the transition; True when the picture changed."""
        if self.transition is None:
            return False
        self.transition.update(dt)
        if self.transition.done:
            self.transition = None
        return True

    def finish(self) -> None:
        self.transition = None

    def rescaled(self) -> None:
        """Compose the still picture again at the images' new scale (a running transition
        resamples its two pictures until it ends)."""
        self._picture = None

    # ----- drawing --------------------------------------------------------------------------
    def draw(self, canvas: Picture) -> None:
        if self.transition is not None:
            self.transition.draw(canvas)
        else:
            canvas.blit(self.picture(), (0, 0))

    def picture(self) -> Picture:
        """The still picture of the stage as it stands now."""
        if self._picture is None:
            self._picture = self._compose()
        return self._picture

    def _compose(self) -> Picture:
        picture = Picture.blank(SIZE, self._images.scale)
        if self.background:
            picture.blit(self._images.scaled("backgrounds", self.background, SIZE), (0, 0))
        for sprite in self.sprites:
            image = self._images.get("characters", self._image_name(sprite))
            picture.blit(image, self.sprite_rect(sprite, image.get_size()))
        if self.overlay:
            picture.blit(self._images.scaled("overlays", self.overlay, SIZE), (0, 0))
        return picture

    def _image_name(self, sprite: Sprite) -> str:
        folder = self._sprites_of.get(sprite.character, sprite.character)
        return f"{folder}/{sprite.expression}"

    def sprite_rect(self, sprite: Sprite, size: tuple[int, int]) -> pygame.Rect:
        """Bottom-aligned at its place, raised if needed so the head clears the text box."""
        width, height = size
        centre = round(WIDTH * POSITIONS.get(sprite.at, 0.5))
        top = min(HEIGHT - height, round(self._box_top - HEAD_SHARE * height))
        return pygame.Rect(centre - width // 2, top, width, height)
