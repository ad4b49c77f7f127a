"""A corpus of damaged saves, each built from a good one: every kind is reported with a
short reason, marked damaged in the slot list, logged, and touches nothing else."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from vn.save import Persistent, SaveError, SaveStore, SlotStatus

TARGET = "1-2"


@dataclass(frozen=True)
class Damage:
    """How to damage the target slot's file, what code it gives, and whether the header
    alone (read_meta) already shows it."""

    make: Callable[[Path, bytes, Callable[..., bytes]], None]
    code: str
    seen_in_header: bool = True


def _put(data: bytes) -> Callable[[Path, bytes, Callable[..., bytes]], None]:
    return lambda path, good, forge: path.write_bytes(data)


def _edit(change: Callable[[bytes], bytes]) -> Callable[[Path, bytes, Callable[..., bytes]], None]:
    return lambda path, good, forge: path.write_bytes(change(good))


def _forged(body: bytes, **header) -> Callable[[Path, bytes, Callable[..., bytes]], None]:
    return lambda path, good, forge: path.write_bytes(forge(body, **header))


def _flip_in_state(good: bytes) -> bytes:
    data = bytearray(good)
    data[-5] ^= 0x01
    return bytes(data)


def _hand_edit(good: bytes) -> bytes:
    return good.replace(b'"trust":3', b'"trust":9')


def _garble_header(good: bytes) -> bytes:
    return good.replace(b'"state_bytes":', b'"state_bytes"=', 1)


def _directory(path: Path, good: bytes, forge) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("not a save")


def _sparse_oversized(path: Path, good: bytes, forge) -> None:
    with path.open("r+b") as handle:
        handle.truncate(9 * 1024 * 1024)


def _device(path: Path, good: bytes, forge) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


CORPUS: dict[str, Damage] = {
    "empty": Damage(_put(b""), "empty"),
    "nul-filled": Damage(_put(b"\x00" * 4096), "zeros"),
    "truncated-state": Damage(_edit(lambda good: good[:-7]), "truncated"),
    "truncated-header": Damage(_edit(lambda good: good[:25]), "truncated"),
    "truncated-after-header": Damage(_edit(lambda good: good[: good.index(b"\n")]), "truncated"),
    "extra-data": Damage(_edit(lambda good: good + b"{}"), "extra-data"),
    "bit-flip-in-state": Damage(_edit(_flip_in_state), "hash", seen_in_header=False),
    "hand-edited": Damage(_edit(_hand_edit), "hash", seen_in_header=False),
    "garbled-header": Damage(_edit(_garble_header), "garbled"),
    "garbage-text": Damage(_put(b"this is not a save at all\nreally not\n"), "garbled"),
    "utf8-bom": Damage(_edit(lambda good: b"\xef\xbb\xbf" + good), "garbled"),
    "non-utf8-state": Damage(_forged(b'{"name":"\xff\xfe"}'), "encoding", seen_in_header=False),
    "non-utf8-file": Damage(_put(b"\x89PNG\r\n\x1a\n\xff\xd8\xff"), "encoding"),
    "state-is-a-list": Damage(_forged(b"[1,2,3]"), "type", seen_in_header=False),
    "header-version-text": Damage(_forged(b"{}", version="2"), "type"),
    "header-meta-list": Damage(_forged(b"{}", meta=[1]), "type"),
    "header-bad-hash": Damage(_forged(b"{}", state_sha256="abc"), "type"),
    "deep-nesting": Damage(_forged(b"[" * 100_000 + b"]" * 100_000), "too-deep", False),
    "nesting-over-limit": Damage(
        _forged(b'{"a":' + b"[" * 80 + b"]" * 80 + b"}"), "too-deep", False
    ),
    "huge-integer": Damage(_forged(b'{"a":' + b"9" * 5000 + b"}"), "number", seen_in_header=False),
    "huge-float": Damage(_forged(b'{"a":1e999}'), "number", seen_in_header=False),
    "nan": Damage(_forged(b'{"a":NaN}'), "number", seen_in_header=False),
    "wrong-format": Damage(_forged(b"{}", format="other-engine"), "format"),
    "json-not-a-save": Damage(_put(b'{"hello": "world"}'), "format"),
    "json-number": Damage(_put(b"42"), "format"),
    "unknown-old-version": Damage(_forged(b"{}", version=1), "version"),
    "oversized": Damage(_sparse_oversized, "too-large"),
    "directory": Damage(_directory, "not-a-file"),
}
if sys.platform != "win32":
    CORPUS["device"] = Damage(_device, "not-a-file")


@pytest.fixture
def world(store: SaveStore, meta, state, png):
    """Good saves around the target, persistent data, and their bytes to compare later."""
    for slot in ("1-1", TARGET, "quick", "auto-1"):
        store.write(slot, meta, state, png)
    persistent = Persistent(store.folder, seen=["forest/a", "forest/b"], endings=["village"])
    persistent.save()
    others = {
        path.name: path.read_bytes()
        for path in store.folder.iterdir()
        if not path.name.startswith(TARGET + ".json")
    }
    return store, others


@pytest.mark.parametrize("kind", list(CORPUS))
def test_damaged_save_is_reported_and_isolated(kind, world, forge, caplog):
    store, others = world
    damage = CORPUS[kind]
    path = store.folder / f"{TARGET}.json"
    damage.make(path, path.read_bytes(), forge)
    damaged_bytes = path.read_bytes() if path.is_file() else None
    caplog.set_level(logging.WARNING, logger="vn.save")

    with pytest.raises(SaveError) as caught:
        store.read(TARGET)
    error = caught.value
    assert error.code == damage.code, error.message
    assert error.message.startswith("this save can't be read: ")
    assert len(error.message) < 100
    assert any(r.name == "vn.save" and TARGET in r.getMessage() for r in caplog.records)

    infos = {info.slot: info for info in store.slots()}
    assert infos[TARGET].status is SlotStatus.DAMAGED
    assert infos[TARGET].reason == error.message
    assert infos[TARGET].thumbnail is None
    assert all(infos[slot].ok for slot in ("1-1", "quick", "auto-1"))
    assert store.latest() is not None and store.latest().slot != TARGET
    header_only = store.read_meta(TARGET)
    if damage.seen_in_header:
        assert (header_only.status, header_only.code) == (SlotStatus.DAMAGED, damage.code)
    else:
        assert header_only.status is SlotStatus.OK

    for slot in ("1-1", "quick", "auto-1"):
        assert store.read(slot)["line"] == "forest/shut-up-izumo"
    now = {
        p.name: p.read_bytes()
        for p in store.folder.iterdir()
        if not p.name.startswith(TARGET + ".json")
    }
    assert now == others
    if damaged_bytes is not None:
        assert path.read_bytes() == damaged_bytes  # reading never "repairs" a save
    assert Persistent.load(store.folder).seen == {"forest/a", "forest/b"}


def test_the_corpus_covers_enough_kinds():
    assert len(CORPUS) >= 15
    assert len({damage.code for damage in CORPUS.values()}) >= 12


def test_unreadable_file_is_reported(world, monkeypatch):
    """Permission denied, simulated so it holds when the tests run as root too."""
    store, _ = world
    real_open = open
    target = str(store.folder / f"{TARGET}.json")

    def refusing_open(file, *args, **kwargs):
        if str(file) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("vn.save.fileio.open", refusing_open, raising=False)
    with pytest.raises(SaveError) as caught:
        store.read(TARGET)
    assert caught.value.code == "permission"
    assert store.verify(TARGET).status is SlotStatus.DAMAGED
    assert store.verify("1-1").ok


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root and Windows ignore chmod 000"
)
def test_unreadable_file_by_permissions(world):
    store, _ = world
    path = store.folder / f"{TARGET}.json"
    path.chmod(0)
    try:
        assert store.verify(TARGET).code == "permission"
    finally:
        path.chmod(0o644)


def test_a_header_line_too_long_is_refused(store, forge):
    path = store.folder / f"{TARGET}.json"
    path.write_bytes(forge(b"{}", meta={"x": "y" * 70_000}))
    assert store.read_meta(TARGET).code == "garbled"


def test_oversized_file_is_refused_before_reading(store, monkeypatch):
    path = store.folder / f"{TARGET}.json"
    path.write_bytes(b"")
    with path.open("r+b") as handle:
        handle.truncate(64 * 1024 * 1024)
    reads = []

    def counting_open(*args, **kwargs):
        reads.append(args)
        return open(*args, **kwargs)

    monkeypatch.setattr("vn.save.fileio.open", counting_open, raising=False)
    with pytest.raises(SaveError) as caught:
        store.read(TARGET)
    assert caught.value.code == "too-large"
    assert caught.value.message == "this save can't be read: it is too large (over 8 MB)"
    assert reads == []


def test_saves_hold_no_code(store, meta, state):
    """The file is JSON from end to end: the header and the state both parse as data."""
    store.write("1-1", meta, state)
    header, _, body = (store.folder / "1-1.json").read_bytes().partition(b"\n")
    assert json.loads(header)["format"] == "vn-save"
    assert json.loads(body) == state
