"""The save file layout: a one-line JSON header, a newline, then the state JSON.

The header carries the metadata and the state's length and SHA-256, so the save screen
reads one bounded line, and a cut-short or hand-edited state is caught before parsing.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import vn
from vn.save.errors import SaveError
from vn.save.jsontext import JsonProblem, decode, encode
from vn.save.migrations import CURRENT_VERSION, migrate

FORMAT = "vn-save"
MAX_SAVE_BYTES = 8 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
_HEADER_START = b'{"format":"vn-save"'
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Document:
    """A save as read: `version` is the version written, the rest is already migrated."""

    version: int
    meta: Mapping[str, Any]
    saved_at: float | None
    thumbnail_sha256: str | None
    state: dict[str, Any] | None = field(default=None, repr=False)
    header_bytes: int = 0
    state_bytes: int | None = None
    state_sha256: str | None = None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode_save(
    meta: Mapping[str, Any], state: Mapping[str, Any], saved_at: float, thumbnail_sha256: str | None
) -> bytes:
    """The bytes of a current-version save. Raises JsonProblem on unstorable state."""
    body = encode(state)
    header = {
        "format": FORMAT,
        "version": CURRENT_VERSION,
        "game_version": vn.__version__,
        "saved_at": saved_at,
        "meta": dict(meta),
        "state_bytes": len(body),
        "state_sha256": sha256_hex(body),
        "thumbnail_sha256": thumbnail_sha256,
    }
    return encode(header) + b"\n" + body


@contextmanager
def _as_save_error() -> Iterator[None]:
    """Turn the parsers' JsonProblem into the SaveError a player sees."""
    try:
        yield
    except _Newer as newer:
        raise SaveError.newer(newer.version) from None
    except JsonProblem as problem:
        raise SaveError.unreadable(problem.reason, problem.code, problem.detail) from None


def _head(head: bytes) -> Document | None:
    """The header from a file's first bytes, or None when the file has no header line
    (a legacy single-object save, to be parsed whole)."""
    if not head:
        raise JsonProblem("the file is empty", "empty")
    if head.count(0) == len(head):
        raise JsonProblem("the file holds only zero bytes", "zeros")
    end = head.find(b"\n")
    if end < 0:
        if not head.startswith(_HEADER_START):
            return None
        if len(head) >= MAX_HEADER_BYTES:
            raise JsonProblem("its header is too long", "garbled")
        raise JsonProblem("it is cut short", "truncated")
    try:
        header = decode(head[:end])
    except JsonProblem:
        if head.startswith(_HEADER_START):
            raise JsonProblem("its header is garbled", "garbled") from None
        return None
    if not isinstance(header, dict) or "format" not in header:
        return None
    return _header_document(header, end + 1)


def _header_document(header: dict[str, Any], header_bytes: int) -> Document:
    if header["format"] != FORMAT:
        raise JsonProblem("it is not a save file from this game", "format")
    version = _version(header)
    if version < 2:
        raise JsonProblem(f"its version (v{version}) is not one this game knows", "version")
    meta = _typed(header, "meta", dict)
    state_bytes = _typed(header, "state_bytes", int)
    state_sha256 = _typed(header, "state_sha256", str)
    thumbnail = header.get("thumbnail_sha256")
    if not 0 <= state_bytes <= MAX_SAVE_BYTES or not _SHA256.fullmatch(state_sha256):
        raise JsonProblem("its header is the wrong kind of data", "type")
    if thumbnail is not None and not (isinstance(thumbnail, str) and _SHA256.fullmatch(thumbnail)):
        thumbnail = None  # a bad thumbnail reference only costs the picture
    return Document(
        version=version,
        meta=meta,
        saved_at=_saved_at(header.get("saved_at")),
        thumbnail_sha256=thumbnail,
        header_bytes=header_bytes,
        state_bytes=state_bytes,
        state_sha256=state_sha256,
    )


def _version(obj: dict[str, Any]) -> int:
    version = obj.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise JsonProblem("its version is missing or not a number", "type")
    if version > CURRENT_VERSION:
        raise _Newer(version)
    return version


class _Newer(JsonProblem):
    def __init__(self, version: int) -> None:
        super().__init__(f"newer version v{version}", "newer-version")
        self.version = version


def _typed(obj: dict[str, Any], key: str, kind: type) -> Any:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise JsonProblem("its header is the wrong kind of data", "type")
    return value


def _saved_at(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _check_size(doc: Document, file_size: int) -> None:
    """Catch a cut-short or padded file from its size alone, without reading the state."""
    if doc.state_bytes is None:
        return
    expected = doc.header_bytes + doc.state_bytes
    if file_size < expected:
        raise JsonProblem("it is cut short", "truncated")
    if file_size > expected:
        raise JsonProblem("it has extra data after its end", "extra-data")


def read_document(data: bytes) -> Document:
    """The whole save, checked and migrated. Raises SaveError."""
    with _as_save_error():
        doc = _head(data[:MAX_HEADER_BYTES])
        if doc is None:
            return _legacy(data)
        _check_size(doc, len(data))
        body = data[doc.header_bytes :]
        if sha256_hex(body) != doc.state_sha256:
            raise JsonProblem("it was changed outside the game", "hash")
        state = decode(body)
        if not isinstance(state, dict):
            raise JsonProblem("the game state in it is the wrong kind of data", "type")
        return replace(doc, state=state)


def read_meta_document(head: bytes, file_size: int, whole: Callable[[], bytes]) -> Document:
    """The header only, for the save screen; a legacy save is read whole via `whole()`.
    Raises SaveError."""
    with _as_save_error():
        doc = _head(head)
        if doc is not None:
            _check_size(doc, file_size)
            return doc
    return read_document(whole())


def _legacy(data: bytes) -> Document:
    obj = decode(data)
    if not isinstance(obj, dict) or "version" not in obj:
        raise JsonProblem("it is not a save file from this game", "format")
    if obj.get("format") == FORMAT:
        raise JsonProblem("it is cut short", "truncated")  # a header with nothing after it
    version = _version(obj)
    migrated = migrate(dict(obj))
    return Document(
        version=version,
        meta=migrated["meta"],
        saved_at=migrated["saved_at"],
        thumbnail_sha256=None,
        state=migrated["state"],
    )
