"""The dialogue export: every line in play order, for translators, proofreaders and tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vn.script.model import Line, Script

FIELDS: tuple[str, ...] = ("id", "scene", "kind", "speaker", "text", "inferred", "manner")


def records(script: Script) -> Iterator[dict[str, Any]]:
    """One dict per Line: id, scene, kind, speaker (display name, "" for narration), text,
    inferred, manner."""
    for scene in script.scenes:
        for line in scene.body:
            if not isinstance(line, Line):
                continue
            speaker = script.characters[line.speaker].name if line.speaker else ""
            yield {
                "id": line.id,
                "scene": scene.id,
                "kind": line.kind,
                "speaker": speaker,
                "text": line.text,
                "inferred": line.inferred,
                "manner": line.manner,
            }
