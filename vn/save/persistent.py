"""Data that outlives any one playthrough: lines seen, endings reached, preferences.

It lives in `persistent.json`, apart from the slots, so no save can damage it. A damaged
file is set aside (renamed `persistent.json.damaged-<time>`), logged, and defaults used.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from vn.save.atomic import atomic_write
from vn.save.errors import SaveError
from vn.save.fileio import read_bounded, write_error
from vn.save.jsontext import JsonProblem, decode, encode
from vn.save.preferences import Preferences

FILE_NAME = "persistent.json"
FORMAT = "vn-persistent"
VERSION = 1
MAX_PERSISTENT_BYTES = 8 * 1024 * 1024

_log = logging.getLogger("vn.save")


class Persistent:
    """Mutable on purpose: the interface marks lines seen as they show, then `save()`s."""

    def __init__(
        self,
        folder: Path,
        *,
        seen: Iterable[str] = (),
        endings: Iterable[str] = (),
        preferences: Preferences | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = Path(folder)
        self.preferences = preferences or Preferences()
        self._seen = set(seen)
        self._endings = set(endings)
        self._clock = clock

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    # seen lines and endings

    @property
    def seen(self) -> frozenset[str]:
        return frozenset(self._seen)

    def is_seen(self, line_id: str) -> bool:
        return line_id in self._seen

    def mark_seen(self, line_id: str) -> bool:
        """Record a line as read; True if it was new."""
        if line_id in self._seen:
            return False
        self._seen.add(line_id)
        return True

    @property
    def endings(self) -> frozenset[str]:
        return frozenset(self._endings)

    def reach_ending(self, name: str) -> bool:
        """Record an ending; True if it was new."""
        if name in self._endings:
            return False
        self._endings.add(name)
        return True

    # file

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "seen": pack_ids(self._seen),
            "endings": sorted(self._endings),
            "preferences": self.preferences.to_json(),
        }

    def save(self) -> None:
        """Write atomically. Raises SaveError (the file on disk stays as it was)."""
        try:
            atomic_write(self.path, encode(self.to_json()) + b"\n")
        except OSError as error:
            failure = write_error(error, self.folder)
            _log.error("saving persistent data failed: %s (%s)", failure.message, error)
            raise failure from None

    @classmethod
    def load(cls, folder: Path, *, clock: Callable[[], float] = time.time) -> Persistent:
        """Never raises: a missing file gives defaults, a damaged one is set aside first."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _log.warning("can't create the save folder %s: %s", folder, error)
        path = folder / FILE_NAME
        try:
            found = read_bounded(path, MAX_PERSISTENT_BYTES)
            if found is None:
                return cls(folder, clock=clock)
            data = decode(found[0])
            return cls._from_json(folder, data, clock)
        except (SaveError, JsonProblem) as error:
            reason = error.reason
        set_aside(path, clock())
        _log.warning("persistent data was damaged (%s); starting from defaults", reason)
        return cls(folder, clock=clock)

    @classmethod
    def _from_json(cls, folder: Path, data: Any, clock: Callable[[], float]) -> Persistent:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise JsonProblem("it is not this game's persistent data", "format")
        version = data.get("version")
        if version != VERSION:
            raise JsonProblem(f"its version ({version!r}) is not one this game knows", "version")
        return cls(
            folder,
            seen=unpack_ids(data.get("seen")),
            endings=[name for name in _list(data.get("endings")) if isinstance(name, str)],
            preferences=Preferences.from_json(data.get("preferences")),
            clock=clock,
        )


def pack_ids(ids: Iterable[str]) -> dict[str, list[str]]:
    """Line ids grouped by scene: {"forest": ["shut-up-izumo", ...]}, sorted, so each
    scene name is stored once and the file diffs cleanly."""
    groups: dict[str, list[str]] = {}
    for line_id in sorted(ids):
        scene, _, rest = line_id.rpartition("/")
        groups.setdefault(scene, []).append(rest)
    return groups


def unpack_ids(packed: Any) -> set[str]:
    """The inverse of pack_ids, skipping anything that is not text."""
    ids: set[str] = set()
    if not isinstance(packed, dict):
        return ids
    for scene, names in packed.items():
        for name in _list(names):
            if isinstance(name, str) and (name or scene):
                ids.add(f"{scene}/{name}" if scene else name)
    return ids


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def set_aside(path: Path, now: float) -> Path | None:
    """Rename a damaged file out of the way, keeping it for a curious player; never raises."""
    from datetime import datetime, timezone  # only a damaged file needs it

    stamp = datetime.fromtimestamp(now, timezone.utc).strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.damaged-{stamp}")
    target, number = base, 1
    while target.exists():
        number += 1
        target = base.with_name(f"{base.name}-{number}")
    try:
        path.rename(target)
    except OSError as error:
        _log.error("can't set the damaged %s aside: %s", path.name, error)
        return None
    _log.warning("set the damaged %s aside as %s", path.name, target.name)
    return target
