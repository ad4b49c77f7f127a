"""The small, display-only metadata stored in a save's header."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

TEXT_LIMITS = {"scene_title": 120, "speaker": 60, "line_text": 80}
OTHER_TEXT_LIMIT = 200
MAX_EXTRA_FIELDS = 16


def first_words(text: str, limit: int) -> str:
    """Whitespace collapsed, cut at a word boundary to at most `limit` characters."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _is_scalar(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, (str, int, bool))


def clean_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What a write stores: known text fields shortened; extra fields must be JSON scalars.

    Raises ValueError on a mapping the interface should never pass (a programming error).
    """
    cleaned: dict[str, Any] = {}
    extra = 0
    for key, value in meta.items():
        if not isinstance(key, str) or not _is_scalar(value):
            raise ValueError(f"save metadata {key!r} must be text keyed and hold a plain value")
        if key in TEXT_LIMITS:
            cleaned[key] = first_words(str(value if value is not None else ""), TEXT_LIMITS[key])
            continue
        extra += 1
        if extra > MAX_EXTRA_FIELDS:
            raise ValueError(f"save metadata holds more than {MAX_EXTRA_FIELDS} extra fields")
        cleaned[key[:64]] = value[:OTHER_TEXT_LIMIT] if isinstance(value, str) else value
    return cleaned


def text_field(meta: Mapping[str, Any], key: str) -> str:
    """A text field read back tolerantly: anything but text shows as empty."""
    value = meta.get(key)
    return value if isinstance(value, str) else ""
