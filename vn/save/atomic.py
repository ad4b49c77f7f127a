"""Crash-safe file replacement: a reader sees the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"

_log = logging.getLogger("vn.save")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash at any moment leaves old or new whole.

    The bytes go to a temp file in the same folder (same file system, so the rename is
    atomic), are flushed and fsynced, then renamed over the target; the folder is fsynced
    where the platform allows, so the rename itself survives a power cut.
    Raises OSError; the temp file never outlives a failure.
    """
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(
        prefix=TEMP_PREFIX + path.name + ".", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_folder(path.parent)


def _write_all(fd: int, data: bytes) -> None:
    """os.write may write less than asked; keep going until all of it is down."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; a no-op where folders can't be opened (Windows)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename is done either way
    finally:
        os.close(fd)


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of atomic_write's temp files."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def remove_stale_temps(folder: Path, now: float, min_age: float) -> int:
    """Remove temp files left by a crash, if older than `min_age` seconds; returns how many.

    The age guard keeps a write that is under way in another process alive.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < min_age:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed += 1
        _log.info("removed a temp file left by an interrupted save: %s", entry.name)
    return removed
