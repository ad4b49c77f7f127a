"""Writes that fail (full disk, read-only or vanished folder, a crash mid-way) leave the
previous save whole and no temp files behind."""

from __future__ import annotations

import errno
import os
import shutil
import sys

import pytest

from vn.save import SaveError, SaveStore, SlotStatus, atomic_write


def _raise(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


def _files(folder):
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


@pytest.fixture
def saved(store, meta, state, png):
    store.write("1-1", meta, state, png)
    store.write("quick", meta, state, png)
    return store, _files(store.folder)


@pytest.mark.parametrize("where", ["os.write", "os.fsync"])
def test_disk_full_keeps_the_old_save(saved, meta, png, monkeypatch, where):
    store, before = saved
    monkeypatch.setattr(where, _raise(errno.ENOSPC))
    with pytest.raises(SaveError) as caught:
        store.write("1-1", meta, {"new": "state"}, png + b"new")
    monkeypatch.undo()
    assert caught.value.code == "disk-full"
    assert caught.value.message == "the game couldn't be saved: the disk is full"
    assert _files(store.folder) == before  # no temp file left, nothing changed
    assert store.read("1-1") == store.read("quick")
    assert store.thumbnail_path("1-1") is not None


def test_disk_full_after_the_thumbnail_keeps_the_old_state(saved, meta, png, state, monkeypatch):
    """The picture went down but the save did not: the old save loads, without a picture."""
    store, before = saved
    real_write, calls = os.write, []

    def write_then_fill(fd, data):
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr("os.write", write_then_fill)
    with pytest.raises(SaveError):
        store.write("1-1", meta, {"new": "state"}, png + b"new")
    monkeypatch.undo()
    assert (store.folder / "1-1.json").read_bytes() == before["1-1.json"]
    assert store.read("1-1") == state
    assert store.thumbnail_path("1-1") is None


@pytest.mark.parametrize(
    ("code", "kind"), [(errno.EROFS, "read-only"), (errno.EACCES, "read-only")]
)
def test_read_only_folder_keeps_the_old_save(saved, meta, monkeypatch, code, kind):
    store, before = saved
    monkeypatch.setattr("os.open", _raise(code))
    with pytest.raises(SaveError) as caught:
        store.write("1-1", meta, {"new": "state"})
    monkeypatch.undo()
    assert caught.value.code == kind
    assert str(store.folder) in caught.value.message
    assert _files(store.folder) == before


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root and Windows ignore folder modes"
)
def test_really_read_only_folder(saved, meta):
    store, before = saved
    store.folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as caught:
            store.write("1-1", meta, {"new": "state"})
        assert caught.value.code == "read-only"
    finally:
        store.folder.chmod(0o755)
    assert _files(store.folder) == before


def test_folder_removed_while_running(saved, meta, state):
    store, _ = saved
    shutil.rmtree(store.folder)
    with pytest.raises(SaveError) as caught:
        store.write("1-1", meta, state)
    assert caught.value.code == "missing-folder"
    assert "no longer exists" in caught.value.message
    assert all(info.status is SlotStatus.EMPTY for info in store.slots())
    assert store.latest() is None


def test_a_folder_in_the_way_of_the_save_file(store, meta, state):
    (store.folder / "1-1.json").mkdir()
    with pytest.raises(SaveError) as caught:
        store.write("1-1", meta, state)
    assert caught.value.code == "not-a-file"
    assert [p.name for p in store.folder.iterdir()] == ["1-1.json"]


@pytest.mark.parametrize("step", ["os.write", "os.fsync", "os.close", "os.replace"])
def test_a_crash_at_any_step_of_atomic_write_leaves_the_old_file(tmp_path, monkeypatch, step):
    target = tmp_path / "file.json"
    target.write_bytes(b"old and whole")
    real = getattr(os, step.split(".")[1])
    calls = []

    def crash(*args, **kwargs):
        calls.append(args)
        if step == "os.close":
            real(*args, **kwargs)  # really close it, then fail as a full disk would
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(step, crash)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert calls
    assert target.read_bytes() == b"old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


def test_atomic_write_survives_short_writes(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr("os.write", lambda fd, data: real_write(fd, bytes(data[:3])))
    atomic_write(tmp_path / "f", b"0123456789" * 10)
    monkeypatch.undo()
    assert (tmp_path / "f").read_bytes() == b"0123456789" * 10


def test_atomic_write_replaces_and_syncs(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr("os.fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    target = tmp_path / "f"
    target.write_bytes(b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(synced) == (2 if sys.platform != "win32" else 1)  # the file, then the folder
    assert [p.name for p in tmp_path.iterdir()] == ["f"]


def test_store_survives_a_folder_it_cannot_create(tmp_path, clock, meta, state):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    store = SaveStore(blocker / "saves", clock=clock)
    assert all(info.status is SlotStatus.EMPTY for info in store.slots())
    with pytest.raises(SaveError):
        store.write("1-1", meta, state)
