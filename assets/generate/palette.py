"""The shared palette: paper, inks and the few warm accents."""

from __future__ import annotations

from .paint import rgb

PAPER = rgb("#e6dfd0")
PAPER_WARM = rgb("#eee3cc")
WHITE_WARM = rgb("#f4eee2")
INK = rgb("#1b1f23")
INK_BLUE = rgb("#2c3540")
INK_GREEN = rgb("#26332c")
GREEN_DEEP = rgb("#34443a")
GREEN_GREY = rgb("#5f6d62")
BLUE_GREY = rgb("#7f8b93")
MIST = rgb("#cfd2cc")
SKY_HIGH = rgb("#9aa3a6")
DUSK_LOW = rgb("#e7c39a")
SUN = rgb("#f0a656")
SUN_CORE = rgb("#f8dcae")
EMBER = rgb("#c8642e")
BLOOD = rgb("#8a1a16")
EARTH = rgb("#8c7a62")
SAND = rgb("#d8c29c")
SEPIA = rgb("#a8865a")
