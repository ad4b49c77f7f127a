"""Bounded, refusing file reads, and the OSError-to-sentence mapping for writes."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from vn.save.errors import SaveError


def read_bounded(path: Path, limit: int, *, whole: bool = True) -> tuple[bytes, int] | None:
    """The file's bytes (the first `limit` only when `whole` is False) and its size,
    or None if there is no such file.

    A whole read refuses files over `limit` before reading them; folders, devices and
    unreadable files raise SaveError instead of OSError.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SaveError.unreadable("it is a folder, not a file", "not-a-file")
        if not stat.S_ISREG(info.st_mode):
            raise SaveError.unreadable("it is not an ordinary file", "not-a-file")
        if whole and info.st_size > limit:
            raise too_large(limit)
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(limit + 1 if whole else limit)
    except (FileNotFoundError, NotADirectoryError):
        return None  # no file there (a missing folder, or a file where the folder should be)
    except PermissionError:
        raise SaveError.unreadable("the game is not allowed to open it", "permission") from None
    except IsADirectoryError:
        raise SaveError.unreadable("it is a folder, not a file", "not-a-file") from None
    except OSError as error:
        reason = f"the disk could not read it ({error.strerror or error})"
        raise SaveError.unreadable(reason, "io") from None
    if whole and len(data) > limit:
        raise too_large(limit)
    return data, size


def too_large(limit: int) -> SaveError:
    return SaveError.unreadable(f"it is too large (over {limit // (1024 * 1024)} MB)", "too-large")


_WRITE_REASONS = {
    errno.ENOSPC: ("the disk is full", "disk-full"),
    getattr(errno, "EDQUOT", errno.ENOSPC): ("the disk is full", "disk-full"),
    errno.EROFS: ("the save folder is read-only", "read-only"),
    errno.EACCES: ("the game is not allowed to write in the save folder", "read-only"),
    errno.EPERM: ("the game is not allowed to write in the save folder", "read-only"),
    errno.ENOENT: ("the save folder no longer exists", "missing-folder"),
    errno.ENOTDIR: ("the save folder no longer exists", "missing-folder"),
    errno.EISDIR: ("a folder is in the way of the save file", "not-a-file"),
}


def write_error(error: OSError, folder: Path) -> SaveError:
    """A player-readable SaveError for a failed write into `folder`."""
    reason, code = _WRITE_REASONS.get(error.errno or 0, (None, "io"))
    if reason is None:
        reason = f"the disk refused it ({error.strerror or error})"
    if code == "missing-folder" or code == "read-only":
        reason = f"{reason} ({folder})"
    return SaveError.unwritable(reason, code)
