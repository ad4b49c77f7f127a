"""Save slots on disk: write, list, read, delete; damage is reported, never raised past us."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from vn.save.atomic import atomic_write, fsync_folder, remove_stale_temps
from vn.save.errors import SaveError
from vn.save.fileio import read_bounded, too_large, write_error
from vn.save.format import (
    MAX_HEADER_BYTES,
    MAX_SAVE_BYTES,
    Document,
    encode_save,
    read_document,
    read_meta_document,
    sha256_hex,
)
from vn.save.jsontext import JsonProblem
from vn.save.meta import clean_meta
from vn.save.slotinfo import SlotInfo, SlotStatus
from vn.save.slots import SlotLayout

if TYPE_CHECKING:
    from datetime import datetime

MAX_THUMBNAIL_BYTES = 4 * 1024 * 1024
STALE_TEMP_SECONDS = 60.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_log = logging.getLogger("vn.save")


class SaveStore:
    """The save slots in one folder: `NAME.json` (header line + state) and `NAME.png`."""

    def __init__(
        self,
        folder: Path,
        *,
        clock: Callable[[], float] = time.time,
        layout: SlotLayout | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.layout = layout or SlotLayout()
        self._clock = clock
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _log.warning("can't create the save folder %s: %s", self.folder, error)
        remove_stale_temps(self.folder, clock(), STALE_TEMP_SECONDS)

    # paths

    def json_path(self, slot: str) -> Path:
        return self.folder / f"{self.layout.check(slot)}.json"

    def png_path(self, slot: str) -> Path:
        return self.folder / f"{self.layout.check(slot)}.png"

    def thumbnail_path(self, slot: str) -> Path | None:
        """The slot's picture, or None when there is none that belongs to this save."""
        return self.read_meta(slot).thumbnail

    # writing

    def write(
        self,
        slot: str,
        meta: Mapping[str, Any],
        state: Mapping[str, Any],
        thumbnail_png: bytes | None = None,
    ) -> SlotInfo:
        """Store a save; the slot's previous save stays whole if this raises SaveError."""
        json_path, png_path = self.json_path(slot), self.png_path(slot)
        data = self._encode(meta, state, thumbnail_png)
        try:
            if thumbnail_png:
                atomic_write(png_path, thumbnail_png)
            atomic_write(json_path, data)
        except OSError as error:
            failure = write_error(error, self.folder)
            _log.error("saving slot %s failed: %s (%s)", slot, failure.message, error)
            raise failure from None
        if not thumbnail_png:
            with contextlib.suppress(OSError):
                png_path.unlink()
        _log.info("saved slot %s", slot)
        return self.read_meta(slot)

    def autosave(
        self, meta: Mapping[str, Any], state: Mapping[str, Any], thumbnail_png: bytes | None = None
    ) -> SlotInfo:
        """Write over the oldest autosave (an empty or damaged one first)."""
        infos = [self.read_meta(slot) for slot in self.layout.auto_slots()]
        oldest = min(infos, key=_age_rank)
        return self.write(oldest.slot, meta, state, thumbnail_png)

    def _encode(
        self, meta: Mapping[str, Any], state: Mapping[str, Any], thumbnail_png: bytes | None
    ) -> bytes:
        if not isinstance(state, Mapping):
            raise SaveError.unwritable("the game state is not a JSON object", "state")
        if thumbnail_png is not None and len(thumbnail_png) > MAX_THUMBNAIL_BYTES:
            raise SaveError.unwritable("the thumbnail is too large", "too-large")
        thumbnail = sha256_hex(thumbnail_png) if thumbnail_png else None
        try:
            data = encode_save(clean_meta(meta), dict(state), self._clock(), thumbnail)
        except JsonProblem as problem:
            reason = f"the game state can't be stored: {problem.reason}"
            raise SaveError.unwritable(reason, "state") from None
        if len(data) > MAX_SAVE_BYTES:
            raise SaveError.unwritable("the save would be too large", "too-large")
        return data

    def delete(self, slot: str) -> None:
        """Empty a slot (the save first, so a crash never leaves a save without its end)."""
        for path in (self.json_path(slot), self.png_path(slot)):
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as error:
                failure = write_error(error, self.folder)
                raise SaveError(
                    f"the save couldn't be deleted: {failure.reason}", failure.code
                ) from None
        fsync_folder(self.folder)
        _log.info("deleted slot %s", slot)

    # reading

    def read(self, slot: str) -> dict[str, Any]:
        """The engine state stored in a slot. Raises SaveError with a player-fit message."""
        return self._load(slot).state or {}

    def read_meta(self, slot: str) -> SlotInfo:
        """The slot's header only (one bounded read), plus its thumbnail's hash check."""
        path = self.json_path(slot)
        try:
            found = read_bounded(path, MAX_HEADER_BYTES, whole=False)
            if found is None:
                return SlotInfo(slot, SlotStatus.EMPTY)
            head, size = found
            if size > MAX_SAVE_BYTES:
                raise too_large(MAX_SAVE_BYTES)
            doc = read_meta_document(head, size, lambda: self._whole(path))
        except SaveError as error:
            return self._damaged(slot, error)
        return self._info(slot, doc)

    def verify(self, slot: str) -> SlotInfo:
        """Like read_meta, but reads and checks the whole save, so `ok` means loadable."""
        try:
            doc = self._load(slot)
        except SaveError as error:
            if error.code == "empty-slot":
                return SlotInfo(slot, SlotStatus.EMPTY)
            return self._damaged(slot, error, logged=True)
        return self._info(slot, doc)

    def slots(self) -> list[SlotInfo]:
        """Every slot in display order, each checked whole (empty, ok or damaged)."""
        return [self.verify(slot) for slot in self.layout.names()]

    def latest(self) -> SlotInfo | None:
        """The newest loadable save of any kind, for "Continue"; None if there is none.

        Headers are cheap and whole reads are not: saves are tried newest first by their header,
        and only until one reads whole.
        """
        headed = [info for info in map(self.read_meta, self.layout.names()) if info.ok]
        for info in sorted(headed, key=_age_rank, reverse=True):
            checked = self.verify(info.slot)
            if checked.ok:
                return checked
        return None

    def _load(self, slot: str) -> Document:
        path = self.json_path(slot)
        try:
            data = self._whole(path, missing_ok=False)
            return read_document(data)
        except SaveError as error:
            if error.code != "empty-slot":
                _log.warning("save slot %s can't be read: %s %s", slot, error.message, error.detail)
            raise

    def _whole(self, path: Path, *, missing_ok: bool = True) -> bytes:
        found = read_bounded(path, MAX_SAVE_BYTES)
        if found is None:
            if missing_ok:
                return b""
            raise SaveError("there is no save in this slot", "empty-slot")
        return found[0]

    def _damaged(self, slot: str, error: SaveError, *, logged: bool = False) -> SlotInfo:
        if not logged:
            _log.warning("save slot %s can't be read: %s %s", slot, error.message, error.detail)
        return SlotInfo(slot, SlotStatus.DAMAGED, reason=error.message, code=error.code)

    def _info(self, slot: str, doc: Document) -> SlotInfo:
        return SlotInfo(
            slot=slot,
            status=SlotStatus.OK,
            saved_at=_moment(doc.saved_at, self.json_path(slot)),
            meta=MappingProxyType(dict(doc.meta)),
            version=doc.version,
            thumbnail=self._thumbnail(slot, doc),
        )

    def _thumbnail(self, slot: str, doc: Document) -> Path | None:
        path = self.png_path(slot)
        try:
            found = read_bounded(path, MAX_THUMBNAIL_BYTES)
        except SaveError:
            return None
        if found is None:
            return None
        data = found[0]
        if doc.thumbnail_sha256 is not None:
            return path if sha256_hex(data) == doc.thumbnail_sha256 else None
        legacy = doc.state_sha256 is None
        return path if legacy and data.startswith(PNG_SIGNATURE) else None


def _age_rank(info: SlotInfo) -> tuple[int, float]:
    """Empty before damaged before saved; saved ones oldest first."""
    if info.status is SlotStatus.EMPTY:
        return (0, 0.0)
    if info.status is SlotStatus.DAMAGED or info.saved_at is None:
        return (1, 0.0)
    return (2, info.saved_at.timestamp())


def _moment(saved_at: float | None, path: Path) -> datetime | None:
    """The save's time from its header, or the file's for saves that lack one."""
    from datetime import datetime, timezone  # imported with the first save listed, not at start

    try:
        stamp = saved_at if saved_at is not None else os.stat(path).st_mtime
        return datetime.fromtimestamp(stamp, timezone.utc)
    except (OSError, OverflowError, ValueError):
        return None
