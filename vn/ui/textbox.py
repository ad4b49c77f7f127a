"""The text box and name plate: a line set in type, typed out, paged, and its manner shown.

Each page is rendered once into row surfaces; the typewriter reveals it by clipping those rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from vn.ui.fonts import INTERFACE, STORY, STORY_ITALIC, Face, FontBook
from vn.ui.images import ImageCache
from vn.ui.picture import Picture
from vn.ui.typesetting import Page, layout
from vn.ui.typewriter import Typewriter

BOX = pygame.Rect(40, 500, 1200, 200)
TEXT_AREA = pygame.Rect(BOX.x + 64, BOX.y + 38, BOX.width - 150, BOX.height - 56)
PLATE_POS = (BOX.x + 40, BOX.y - 30)
PLATE_MIN = (240, 48)
NAME_PX = 25

TEXT_COLOUR = (238, 232, 220)
THOUGHT_COLOUR = (206, 214, 226)
SHADOW = (0, 0, 0)

INDICATOR_BOB = 3.0  # seconds the continue indicator bobs before it rests (so idle is idle)

SIZE_BY_MANNER = {"whisper": 0.88, "murmur": 0.9, "shout": 1.08, "scream": 1.14}
ALPHA_BY_MANNER = {"whisper": 150, "murmur": 175}
MOTION_TIME = {"shout": 0.6, "scream": 1.2, "slur": 3.0, "choke": 2.4, "sob": 2.4, "pant": 2.4}


@dataclass(frozen=True)
class Speech:
    """What the box shows: the text, its kind, the speaker's name and colour, and the manner."""

    text: str
    kind: str = "narration"
    name: str = ""
    colour: tuple[int, int, int] = TEXT_COLOUR
    manner: str | None = None


def motion(manner: str | None, row: int, t: float, strength: float) -> tuple[int, int]:
    """How far the manner moves a row at time t (strength fades from 1 to 0)."""
    if manner is None or strength <= 0:
        return (0, 0)
    if manner in ("shout", "scream"):
        amp = (1.6 if manner == "shout" else 3.2) * strength
        return (round(math.sin(t * 83 + row) * amp), round(math.cos(t * 67 + row * 2) * amp * 0.7))
    if manner == "slur":
        return (
            round(math.sin(t * 2.3 + row * 1.4) * 3 * strength),
            round(math.sin(t * 1.7 + row) * strength),
        )
    if manner in ("choke", "sob"):
        return (0, round(math.sin(t * 31 + row * 0.7) * 1.4 * strength))
    if manner == "pant":
        return (0, round(math.sin(t * 7) * 1.6 * strength))
    return (0, 0)


class TextBox:
    """Shows one Speech at a time, page by page."""

    def __init__(self, fonts: FontBook, images: ImageCache, story_px: int, cps: float) -> None:
        self._fonts = fonts
        self._images = images
        self.story_px = story_px
        self.cps = cps
        self.speech: Speech | None = None
        self.pages: tuple[Page, ...] = ()
        self.page_index = 0
        self.typewriter = Typewriter(0, cps)
        self._rows: list[Picture] = []
        self._ghosts: list[Picture] = []
        self._time = 0.0
        self._rest_time = 0.0
        self.visible = True
        self.opacity = 0.85  # of the panel behind the text (a preference)
        self._backing: tuple[int, Picture] | None = None  # (alpha, the baked panel)
        # ((name, colour), backing, label) of the name plate last drawn
        self._plate: tuple[tuple[str, tuple[int, int, int]], Picture, Picture] | None
        self._plate = None

    # ----- content --------------------------------------------------------------------------
    def show(self, speech: Speech) -> None:
        self.speech = speech
        self._layout()
        self._start_page(0)

    def clear(self) -> None:
        self.speech = None
        self.pages = ()
        self._rows = []
        self._ghosts = []

    def reflow(self, story_px: int) -> None:
        """A new text size: set the current line again, from its first page, fully shown."""
        self.story_px = story_px
        if self.speech is not None:
            self._layout()
            self._start_page(0)
            self.typewriter.complete()

    def font(self) -> Face:
        speech = self.speech
        role = STORY_ITALIC if speech is not None and speech.kind == "thought" else STORY
        scale = SIZE_BY_MANNER.get(speech.manner or "", 1.0) if speech else 1.0
        return self._fonts.get(role, round(self.story_px * scale))

    def line_height(self) -> int:
        return round(self.story_px * 1.42)

    def _layout(self) -> None:
        assert self.speech is not None
        font = self.font()
        area = TEXT_AREA.copy()
        tall = font.get_height()
        line_height = max(self.line_height(), tall)
        self.pages = layout(self.speech.text, font, area, line_height)

    def _start_page(self, index: int) -> None:
        assert self.speech is not None
        self.page_index = index
        self._render_rows()
        self.typewriter = Typewriter(self.pages[index].chars, self.cps)
        self._time = 0.0
        self._rest_time = 0.0

    def rescaled(self) -> None:
        """Render the page's rows, panel and plate again at the fonts' new scale; the typing
        goes on where it was."""
        self._backing = None
        self._plate = None
        if self.speech is not None and self.pages:
            self._render_rows()

    def _render_rows(self) -> None:
        assert self.speech is not None
        page = self.pages[self.page_index]
        font = self.font()
        colour = THOUGHT_COLOUR if self.speech.kind == "thought" else TEXT_COLOUR
        alpha = ALPHA_BY_MANNER.get(self.speech.manner or "")
        self._rows = [font.render(row.text, True, colour) for row in page.rows]
        self._ghosts = []
        if self.speech.manner == "slur":
            self._ghosts = [font.render(row.text, True, colour) for row in page.rows]
            for ghost in self._ghosts:
                ghost.set_alpha(70)
        if alpha is not None:
            for surface in self._rows:
                surface.set_alpha(alpha)

    # ----- progress -------------------------------------------------------------------------
    @property
    def page_complete(self) -> bool:
        return self.speech is None or self.typewriter.done

    @property
    def has_next_page(self) -> bool:
        return self.page_index + 1 < len(self.pages)

    def complete_page(self) -> None:
        self.typewriter.complete()

    def next_page(self) -> None:
        self._start_page(self.page_index + 1)

    @property
    def animating(self) -> bool:
        if self.speech is None or not self.visible:
            return False
        return not self.typewriter.done or self._moving() or self._rest_time < INDICATOR_BOB

    def _moving(self) -> bool:
        assert self.speech is not None
        limit = MOTION_TIME.get(self.speech.manner or "", 0.0)
        return self._time < self._reveal_time() + limit

    def _reveal_time(self) -> float:
        return self.typewriter.total / self.cps if self.cps > 0 else 0.0

    def update(self, dt: float) -> bool:
        """Advance the typing and the animations; True when the box must be drawn again."""
        if self.speech is None:
            return False
        was = self.animating
        self._time += dt
        self.typewriter.update(dt)
        if self.typewriter.done:
            self._rest_time += dt
        return was

    # ----- drawing --------------------------------------------------------------------------
    def draw(self, canvas: Picture) -> None:
        if not self.visible:
            return
        self._draw_panel(canvas)
        if self.speech is None:
            return
        if self.speech.name:
            self._draw_plate(canvas, self.speech.name, self.speech.colour)
        self._draw_text(canvas)
        if self.typewriter.done:
            self._draw_indicator(canvas)

    def _draw_panel(self, canvas: Picture) -> None:
        alpha = round(255 * max(0.0, min(1.0, self.opacity)))
        if self._backing is None or self._backing[0] != alpha:  # made once per opacity
            self._backing = (alpha, self._bake_panel(alpha))
        canvas.blit(self._backing[1], BOX, special_flags=pygame.BLEND_PREMULTIPLIED)

    def _bake_panel(self, alpha: int) -> Picture:
        """The rounded backing with the skin over it at `alpha`, as one premultiplied surface:
        one blend a frame instead of two, the same picture to rounding."""
        panel = Picture.blank(BOX.size, self._images.scale, alpha=True)
        fill = (10, 10, 14, round(alpha * 0.92))
        panel.rect(fill, panel.get_rect(), border_radius=14)
        skin = self._images.scaled("ui", "textbox", BOX.size).copy()
        skin.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        baked = panel.premul_alpha()
        baked.blit(skin.premul_alpha(), (0, 0), special_flags=pygame.BLEND_PREMULTIPLIED)
        return baked

    def plate_rect(self, name: str) -> pygame.Rect:
        width = self._fonts.get(INTERFACE, NAME_PX, bold=True).size(name)[0]
        return pygame.Rect(PLATE_POS, (max(PLATE_MIN[0], width + 56), PLATE_MIN[1]))

    def _draw_plate(self, canvas: Picture, name: str, colour: tuple[int, int, int]) -> None:
        rect = self.plate_rect(name)
        key = (name, colour)
        if self._plate is None or self._plate[0] != key:  # made once per speaker
            backing = Picture.blank(rect.size, self._images.scale, alpha=True)
            backing.rect((8, 8, 12, 225), backing.get_rect(), border_radius=10)
            label = self._fonts.get(INTERFACE, NAME_PX, bold=True).render(name, True, colour)
            self._plate = (key, backing, label)
        _, backing, label = self._plate
        canvas.blit(backing, rect)
        canvas.blit(self._images.scaled("ui", "nameplate", rect.size), rect)
        canvas.blit(label, label.get_rect(center=rect.center))
        accent = pygame.Rect(rect.x + 14, rect.bottom - 7, rect.width - 28, 2)
        canvas.rect(colour, accent)

    def _strength(self) -> float:
        assert self.speech is not None
        limit = MOTION_TIME.get(self.speech.manner or "", 0.0)
        if limit <= 0:
            return 0.0
        over = self._time - self._reveal_time()
        return 1.0 if over <= 0 else max(0.0, 1.0 - over / limit)

    def _draw_text(self, canvas: Picture) -> None:
        assert self.speech is not None
        page = self.pages[self.page_index]
        shown = self.typewriter.shown
        strength = self._strength()
        for index, (row, surface) in enumerate(zip(page.rows, self._rows, strict=True)):
            width = row.visible_width(shown)
            if width <= 0:
                break
            dx, dy = motion(self.speech.manner, index, self._time, strength)
            area = pygame.Rect(0, 0, width, surface.get_height())
            if self._ghosts:
                canvas.blit(self._ghosts[index], (row.rect.x + 2 - dx, row.rect.y + 1), area)
            canvas.blit(surface, (row.rect.x + dx, row.rect.y + dy), area)

    def indicator_rect(self) -> pygame.Rect:
        image = self._images.get("ui", "continue")
        page = self.pages[self.page_index] if self.pages else None
        if page is None or not page.rows:
            return image.get_rect(bottomright=(TEXT_AREA.right, TEXT_AREA.bottom))
        last = page.rows[-1].rect
        rect = image.get_rect(midleft=(last.right + 10, last.centery + 2))
        if rect.right > BOX.right - 16:
            rect.bottomright = (BOX.right - 24, BOX.bottom - 14)
        return rect

    def _draw_indicator(self, canvas: Picture) -> None:
        image = self._images.get("ui", "continue")
        rect = self.indicator_rect()
        bob = 0
        if self._rest_time < INDICATOR_BOB:
            bob = round(abs(math.sin(self._rest_time * math.pi * 1.2)) * -4)
        canvas.blit(image, rect.move(0, bob))
