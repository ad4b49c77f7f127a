"""Shared pieces for the save tests: a fake clock, a store on it, and sample saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vn.save import SaveStore

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))


class FakeClock:
    """Seconds since the epoch that move only when a test says so."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float = 1.0) -> float:
        self.now += seconds
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def store(folder: Path, clock: FakeClock) -> SaveStore:
    return SaveStore(folder, clock=clock)


@pytest.fixture
def png() -> bytes:
    return PNG


@pytest.fixture
def meta() -> dict[str, Any]:
    return {"scene_title": "The Forest", "speaker": "Kotetsu", "line_text": "Shut up, Izumo."}


@pytest.fixture
def state() -> dict[str, Any]:
    return {
        "line": "forest/shut-up-izumo",
        "scene": "forest",
        "sprites": [["kotetsu", "angry", "left"]],
        "variables": {"trust": 3, "ratio": 0.25, "met": True, "none": None},
        "history": ["forest/a", "forest/b"],
        "text": "Ünïcödé — “quotes”, \n newlines and \u2028 separators",
    }


def forge_save(body: bytes, **header: Any) -> bytes:
    """A save file around `body` with a correct length and hash, unless `header` overrides."""
    import hashlib
    import json

    fields: dict[str, Any] = {
        "format": "vn-save",
        "version": 2,
        "saved_at": 1_800_000_000.0,
        "meta": {"scene_title": "Forged"},
        "state_bytes": len(body),
        "state_sha256": hashlib.sha256(body).hexdigest(),
        "thumbnail_sha256": None,
    }
    fields.update(header)
    return json.dumps(fields, separators=(",", ":")).encode() + b"\n" + body


@pytest.fixture
def forge():
    return forge_save
