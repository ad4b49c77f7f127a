"""Typefaces: Lora for the story (with its true italic), Inter for the interface.

The fonts ship as variable fonts; pygame renders their default instance, which is the regular
weight (400) of both, so "bold" interface text uses pygame's emboldening of that instance.
When the font packages are missing, pygame's default font stands in, with a warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

STORY = "story"
STORY_ITALIC = "story_italic"
INTERFACE = "interface"

_FAMILIES = {
    STORY: ("Lora", "normal"),
    STORY_ITALIC: ("Lora", "italic"),
    INTERFACE: ("Inter", "normal"),
}


def find_font(family: str, style: str) -> Path | None:
    """The font file of a family and style from the installed font packages, or None."""
    try:
        import fontpkg

        return Path(fontpkg.path(family, style=style))
    except Exception as error:  # a missing package or family must never stop the game
        log.warning(
            "font %s (%s) unavailable, using pygame's default font: %s", family, style, error
        )
        return None


class FontBook:
    """Fonts by role and pixel size, each opened once."""

    def __init__(self, files: dict[str, Path | None] | None = None) -> None:
        if files is None:
            files = {role: find_font(*spec) for role, spec in _FAMILIES.items()}
        self._files = files
        self._cache: dict[tuple[str, int, bool], pygame.font.Font] = {}

    def get(self, role: str, size: int, bold: bool = False) -> pygame.font.Font:
        key = (role, size, bold)
        font = self._cache.get(key)
        if font is None:
            font = self._open(role, size)
            font.bold = bold
            self._cache[key] = font
        return font

    def _open(self, role: str, size: int) -> pygame.font.Font:
        path = self._files.get(role)
        if path is not None:
            try:
                return pygame.font.Font(path, size)
            except (OSError, pygame.error) as error:
                log.warning("cannot open font %s: %s", path, error)
                self._files[role] = None
        font = pygame.font.Font(None, round(size * 1.3))
        font.italic = role == STORY_ITALIC  # the default font has no italic: slant it
        return font
