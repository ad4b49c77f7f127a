"""The chain that brings an older save document up to the current version, one step a time.

A document is the save as a plain dict: {"version", "meta", "saved_at", "state",
"thumbnail_sha256"}. Each step takes version N and returns version N + 1; a step
refuses (JsonProblem) a document whose shape is not what version N wrote.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from vn.save.jsontext import JsonProblem

CURRENT_VERSION = 2

Document = dict[str, Any]


def _v1_to_v2(doc: Document) -> Document:
    """v1 (the prototype): one JSON object; meta keys title, text, speaker, time (ISO 8601)."""
    meta = doc.get("meta", {})
    state = doc.get("state")
    if not isinstance(meta, dict):
        raise JsonProblem("its details are the wrong kind of data", "type")
    if not isinstance(state, dict):
        raise JsonProblem("the game state in it is the wrong kind of data", "type")
    new_meta = {
        new: meta[old]
        for old, new in (("title", "scene_title"), ("text", "line_text"), ("speaker", "speaker"))
        if isinstance(meta.get(old), str)
    }
    return {
        "version": 2,
        "meta": new_meta,
        "saved_at": _iso_to_epoch(meta.get("time")),
        "state": state,
        "thumbnail_sha256": None,
    }


def _iso_to_epoch(value: Any) -> float | None:
    """v1 wrote local ISO times; without a zone we read them as UTC. None when unusable."""
    if not isinstance(value, str):
        return None
    from datetime import datetime, timezone  # only v1 saves need it: not on every start

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    epoch = moment.timestamp()
    return epoch if math.isfinite(epoch) and epoch >= 0 else None


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2}


def migrate(doc: Document) -> Document:
    """Apply each step from the document's version up to CURRENT_VERSION."""
    while doc["version"] < CURRENT_VERSION:
        version = doc["version"]
        step = MIGRATIONS.get(version)
        if step is None:
            raise JsonProblem(f"its version (v{version}) is not one this game knows", "version")
        doc = step(doc)
    return doc
