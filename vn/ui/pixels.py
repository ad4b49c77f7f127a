"""Decoded pixels of a few chosen images, kept as raw files in the cache folder.

Decoding the title's 1 MB PNG takes about 16 ms of a 200 ms start; reading its raw pixels
back takes 2. Only the images named are kept (the title background), so the cache stays
one file of a few megabytes. A raw file names the size and modification time of the file it
came from, and is decoded again (and rewritten) when they differ or it is damaged. The pixels
are kept as BGRA, the layout `convert_alpha` gives on the usual displays, so the image cache
uses them as they are read (converting 1280x720 cost 3-4 ms of the first frame).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Collection
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

FORMAT = 2  # 2: BGRA, the layout of a converted surface, so nothing is converted
HEADER_LIMIT = 8192  # a header names a path: longer than this is damage


class PixelStore:
    """Loads images, keeping the decoded pixels of the `wanted` (kind, name) pairs."""

    def __init__(self, folder: Path, wanted: Collection[tuple[str, str]]) -> None:
        self.folder = folder
        self.wanted = frozenset(wanted)

    def load(self, kind: str, name: str, path: Path) -> pygame.Surface:
        if (kind, name) not in self.wanted:
            return pygame.image.load(str(path))
        stat = path.stat()
        source = f"{stat.st_size} {stat.st_mtime_ns} {path}"
        raw = self.folder / f"pixels-{kind}-{name}.raw"
        kept = _read(raw, source)
        if kept is not None:
            return kept
        image = pygame.image.load(str(path))
        _write(raw, source, image)
        return image


def _read(raw: Path, source: str) -> pygame.Surface | None:
    """The kept pixels, read straight into one buffer the surface uses (no copies), or None."""
    try:
        with raw.open("rb") as file:
            header = file.readline(HEADER_LIMIT)
            tag, version, width, height, mode, rest = header.decode().rstrip("\n").split(" ", 5)
            size = (int(width), int(height))
            if (tag, int(version), rest) != ("vn-pixels", FORMAT, source) or mode not in _DEPTH:
                return None
            if min(size) <= 0:
                return None
            pixels = bytearray(size[0] * size[1] * _DEPTH[mode])
            if file.readinto(pixels) != len(pixels) or file.read(1):
                return None
        return pygame.image.frombuffer(pixels, size, mode)
    except (OSError, ValueError, pygame.error):
        return None


def _write(raw: Path, source: str, image: pygame.Surface) -> None:
    mode = "BGRA"
    width, height = image.get_size()
    header = f"vn-pixels {FORMAT} {width} {height} {mode} {source}".encode()
    temporary = raw.with_name(f".{raw.name}.{os.getpid()}.tmp")
    try:
        raw.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(header + b"\n" + pygame.image.tobytes(image, mode))
        os.replace(temporary, raw)
    except (OSError, pygame.error) as error:  # only the next start is slower
        log.info("pixels of %s not kept: %s", raw.name, error)
        with contextlib.suppress(OSError):
            temporary.unlink()


_DEPTH = {"RGB": 3, "RGBA": 4, "BGRA": 4}
