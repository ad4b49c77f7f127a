"""Typefaces: Lora for the story (with its true italic), Inter for the interface.

The fonts ship as variable fonts; pygame renders their default instance, which is the regular
weight (400) of both, so "bold" interface text uses pygame's emboldening of that instance.
When the font packages are missing, pygame's default font stands in, with a warning.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
from collections.abc import Sequence
from pathlib import Path

import pygame

from vn.ui.picture import Picture

log = logging.getLogger(__name__)

STORY = "story"
STORY_ITALIC = "story_italic"
INTERFACE = "interface"
FONTS_FILE = "fonts.json"

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


def font_files(cache_dir: Path | None = None) -> dict[str, Path | None]:
    """The font file of each role. Finding them asks fontpkg, which reads the metadata of every
    installed distribution (about 45 ms of a 240 ms start); with `cache_dir` the answer is kept
    in `fonts.json` there and reused while every file it names is still there."""
    cached = _cached_files(cache_dir)
    if cached is not None:
        return cached
    files = {role: find_font(*spec) for role, spec in _FAMILIES.items()}
    if cache_dir is not None and all(path is not None for path in files.values()):
        _keep_files(cache_dir, files)
    return files


def _cached_files(cache_dir: Path | None) -> dict[str, Path | None] | None:
    if cache_dir is None:
        return None
    try:
        data = json.loads((cache_dir / FONTS_FILE).read_text(encoding="utf-8"))
        if data.get("families") != {role: list(spec) for role, spec in _FAMILIES.items()}:
            return None
        files: dict[str, Path | None] = {role: Path(data["files"][role]) for role in _FAMILIES}
        if all(path is not None and path.is_file() for path in files.values()):
            return files
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass
    return None


def _keep_files(cache_dir: Path, files: dict[str, Path | None]) -> None:
    data = {
        "families": {role: list(spec) for role, spec in _FAMILIES.items()},
        "files": {role: str(path) for role, path in files.items()},
    }
    target = cache_dir / FONTS_FILE
    temporary = target.with_name(f".{FONTS_FILE}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:  # a cache that cannot be written only costs the next start
        log.info("font paths not cached: %s", error)
        with contextlib.suppress(OSError):
            temporary.unlink()


class Face:
    """A font opened at `scale` times its canvas size: it measures in canvas units and renders
    Pictures at the window's resolution, so text is never scaled after it is drawn."""

    __slots__ = ("font", "scale")

    def __init__(self, font: pygame.font.Font, scale: float) -> None:
        self.font = font
        self.scale = scale

    def _units(self, pixels: int) -> int:
        return pixels if self.scale == 1 else math.ceil(pixels / self.scale - 1e-6)

    def size(self, text: str) -> tuple[int, int]:
        width, height = self.font.size(text)
        return (self._units(width), self._units(height))

    def get_height(self) -> int:
        return self._units(self.font.get_height())

    def get_linesize(self) -> int:
        return self._units(self.font.get_linesize())

    def render(
        self,
        text: str,
        antialias: bool,
        colour: Sequence[int] | str,
        background: Sequence[int] | None = None,
    ) -> Picture:
        surface = self.font.render(text, antialias, colour, background)
        width, height = surface.get_size()
        return Picture(surface, self.scale, (self._units(width), self._units(height)))


class FontBook:
    """Fonts by role and canvas size, each opened once per scale.

    `scale` is the window's: the app sets it when the window changes size, and the next `get`
    opens the font at the size the text will be shown at.
    """

    def __init__(self, files: dict[str, Path | None] | None = None) -> None:
        if files is None:
            files = {role: find_font(*spec) for role, spec in _FAMILIES.items()}
        self._files = files
        self._cache: dict[tuple[str, int, bool], pygame.font.Font] = {}
        self._faces: dict[tuple[str, int, bool], Face] = {}  # at `scale`
        self._scale = 1.0

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        if value != self._scale:  # a window dragged to many sizes keeps only the last one's
            self._faces.clear()
            self._cache.clear()
            self._scale = value

    def get(self, role: str, size: int, bold: bool = False) -> Face:
        key = (role, size, bold)
        face = self._faces.get(key)
        if face is None:
            font = self.font(role, round(size * self.scale), bold)
            face = self._faces[key] = Face(font, self.scale)
        return face

    def font(self, role: str, pixels: int, bold: bool = False) -> pygame.font.Font:
        """The pygame font of a role at a size in pixels, opened once."""
        key = (role, max(1, pixels), bold)
        font = self._cache.get(key)
        if font is None:
            font = self._open(role, key[1])
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
