"""Saved engine data, checked field by field before the engine trusts any of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vn.runtime.state import State, StateError, check_id

FORMAT_VERSION = 1
MAX_SAVED_ITEMS = 100_000
KEYS = frozenset({"version", "state", "after", "ended", "history", "rollback", "forward"})


@dataclass(frozen=True)
class Saved:
    state: State
    after: str | None
    ended: bool
    history: tuple[str, ...]
    rollback: tuple[State, ...]
    forward: tuple[State, ...]


def parse_saved(data: object) -> Saved:
    """The saved fields, or StateError naming what is wrong."""
    if not isinstance(data, dict):
        raise StateError("the saved game is not a mapping")
    if set(data) - KEYS:
        raise StateError("the saved game has unknown fields")
    version = data.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise StateError(f"the saved game has an unknown format version: {version!r:.20}")
    if "state" not in data:
        raise StateError("the saved game has no state")
    after = data.get("after")
    ended = data.get("ended", False)
    if not isinstance(ended, bool):
        raise StateError("the saved end flag is not true or false")
    return Saved(
        state=State.from_json(data["state"]),
        after=None if after is None else check_id(after, "position", allow_slash=True),
        ended=ended,
        history=tuple(
            check_id(i, "history line", allow_slash=True) for i in _list(data, "history")
        ),
        rollback=tuple(State.from_compact(item) for item in _list(data, "rollback")),
        forward=tuple(State.from_compact(item) for item in _list(data, "forward")),
    )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_SAVED_ITEMS:
        raise StateError(f"the saved {key} is not a list of reasonable size")
    return value
