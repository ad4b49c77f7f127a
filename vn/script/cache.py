"""A cache of validated scripts, so an unchanged script loads without YAML or validation.

One file per script path in the folder the caller names (there is no default folder here).
Its first line holds the key it was made for and a digest of the rest; the rest is the
model as JSON (`vn.script.codec`, never pickle). The key is a hash of the cache format, the
engine's version, the reading limits, every script file's name and bytes, and the sorted
names of every asset kind the validator checks, so editing a file or adding, removing or
renaming an asset makes a different key. A missing, damaged or mismatched file is ignored
and written again after the next full load; a cache that cannot be written is skipped.
Writes go to a temporary file renamed over the old one, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from vn import __version__
from vn.script.codec import decode, encode
from vn.script.model import Script

CACHE_FORMAT = 1


def cache_key(
    files: Sequence[tuple[str, bytes]],
    assets: Sequence[tuple[str, Sequence[str]]] | None,
    limits: object,
) -> str:
    """The hex key of a script's files (name, bytes), its asset listing (kind, names) or None
    when names are checked for form only, and the limits it was read under."""
    digest = hashlib.blake2b(digest_size=32)
    header = {"format": CACHE_FORMAT, "engine": __version__, "limits": repr(limits)}
    digest.update(json.dumps(header, sort_keys=True).encode())
    for name, data in files:
        digest.update(b"\0file\0" + name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.blake2b(data, digest_size=32).digest())
    if assets is None:
        digest.update(b"\0no assets\0")
    else:
        for kind, names in assets:
            digest.update(f"\0kind\0{kind}\0".encode() + "\0".join(sorted(names)).encode())
    return digest.hexdigest()


def cache_file(folder: Path, script_path: Path) -> Path:
    """Where the cache of the script at `script_path` lives in `folder`."""
    try:
        where = str(script_path.resolve())
    except (OSError, RuntimeError):
        where = str(script_path.absolute())
    name = hashlib.blake2b(where.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return folder / f"script-{name}.json"


def read(path: Path, key: str) -> Script | None:
    """The cached Script when the file holds one for `key`; None otherwise, silently."""
    try:
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    header, _, payload = data.partition(b"\n")
    if header != _header(key, payload):
        return None
    try:
        return decode(json.loads(payload))
    except (ValueError, RecursionError):
        return None


def write(path: Path, key: str, script: Script) -> bool:
    """Store `script` under `key`; False (and nothing else happens) when it cannot be written."""
    payload = json.dumps(encode(script), ensure_ascii=False, separators=(",", ":")).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace(path, _header(key, payload) + b"\n" + payload)
    except (OSError, ValueError):
        return False
    return True


def _header(key: str, payload: bytes) -> bytes:
    check = hashlib.blake2b(payload, digest_size=16).hexdigest()
    return f"vn-script-cache {CACHE_FORMAT} {key} {check}".encode()


def _replace(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it. No fsync: a cache lost to a crash is
    only a slower next start, and a torn file fails its digest."""
    import tempfile  # only a full load writes: a start from the cache never needs it

    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
