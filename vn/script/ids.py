"""Stable statement ids: derived from the scene and the text, so edits elsewhere keep them."""

from __future__ import annotations

import re
import unicodedata

SLUG_WORDS = 4
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str, fallback: str = "line") -> str:
    """The first four words that keep ASCII letters or digits, joined with `-`."""
    folded = (text if text.isascii() else unicodedata.normalize("NFKD", text)).lower()
    kept: list[str] = []
    for word in folded.split():
        if not (word.isascii() and word.isalnum()):
            word = _NOT_ALNUM.sub("", word)
            if not word:
                continue
        kept.append(word)
        if len(kept) == SLUG_WORDS:
            break
    return "-".join(kept) or fallback


class IdAllocator:
    """Hands out `scene/base`, `scene/base-2`, ... in order within one scene."""

    def __init__(self, scene: str) -> None:
        self.scene = scene
        self._counts: dict[str, int] = {}

    def derived(self, base: str) -> str:
        count = self._counts.get(base, 0) + 1
        self._counts[base] = count
        return f"{self.scene}/{base}" if count == 1 else f"{self.scene}/{base}-{count}"

    def explicit(self, word: str) -> str:
        return f"{self.scene}/{word}"
