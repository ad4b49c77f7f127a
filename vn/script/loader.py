"""Load a script folder (or one file) into the model, reporting every problem in one run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vn.script import cache
from vn.script.assets import CHECKED_KINDS, AssetIndex, AssetResolver
from vn.script.cache import cache_key
from vn.script.limits import Limits
from vn.script.model import Script
from vn.script.problems import Problem, ScriptError


def load_script(
    path: Path | str,
    assets: AssetResolver | None = None,
    *,
    limits: Limits | None = None,
    cache_dir: Path | None = None,
) -> Script:
    """The validated Script; raises ScriptError with every problem found.

    Without `assets`, asset names are checked for form only, not for files. With `cache_dir`,
    an unchanged script (same files, same asset names) is read from the cache kept there
    (`vn.script.cache`), and a script loaded in full is stored there."""
    problems: list[Problem] = []
    try:
        with _collector_paused():
            script = _load(Path(path), assets, limits or Limits(), problems, cache_dir)
    except (RecursionError, MemoryError) as error:
        label = "nested too deeply" if isinstance(error, RecursionError) else "too large"
        problems.append(Problem(str(path), 1, 1, f"the script is {label} to read"))
        script = None
    if problems or script is None:
        raise ScriptError(problems or [Problem(str(path), 1, 1, "the script could not be read")])
    return script


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A load builds hundreds of thousands of objects and frees none, so every collection the
    cyclic collector starts finds nothing and walks them all again: paused, a 100,000-line
    script loads in a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def script_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The files a path names: a folder's `*.yaml` in file-name order, or the file itself."""
    try:
        is_dir, is_file, exists = path.is_dir(), path.is_file(), path.exists()
    except (OSError, ValueError):
        return [], [Problem(str(path), 1, 1, "cannot read this path")]
    if is_dir:
        files = sorted(
            (item for item in path.glob("*.yaml") if item.is_file()), key=lambda p: p.name
        )
        if not files:
            return [], [Problem(str(path), 1, 1, "no .yaml files in this folder")]
        return files, []
    if is_file:
        return [path], []
    message = "not a file or folder" if exists else "no such file or folder"
    return [], [Problem(str(path), 1, 1, message)]


def _load(
    path: Path,
    assets: AssetResolver | None,
    limits: Limits,
    problems: list[Problem],
    cache_dir: Path | None,
) -> Script | None:
    files, found = script_files(path)
    problems.extend(found)
    contents = [_read(file, limits, problems) for file in files]
    known = AssetIndex(assets) if assets is not None else None
    store: tuple[Path, str] | None = None
    if cache_dir is not None and files and not problems:
        named = [(str(file), data or b"") for file, data in zip(files, contents, strict=True)]
        store = (cache.cache_file(cache_dir, path), cache_key(named, _listing(known), limits))
        cached = cache.read(*store)
        if cached is not None:
            return cached
    from vn.script.build import build_script  # YAML is imported only when it is read

    script = build_script(path, files, contents, known, limits, problems)
    if script is None:
        return None
    if store is not None and not (known is not None and known.unlisted):
        cache.write(store[0], store[1], script)
    return script


def _listing(known: AssetIndex | None) -> list[tuple[str, tuple[str, ...]]] | None:
    """Every name of every kind the validator checks, for the cache key."""
    if known is None:
        return None
    return [(kind, known.names(kind)) for kind in CHECKED_KINDS]


def _read(file: Path, limits: Limits, problems: list[Problem]) -> bytes | None:
    try:
        with file.open("rb") as stream:
            return stream.read(limits.max_bytes + 1)
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
        problems.append(Problem(str(file), 1, 1, message))
        return None
