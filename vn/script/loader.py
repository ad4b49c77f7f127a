"""Load a script folder (or one file) into the model, reporting every problem in one run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from vn.script import cache, nodes
from vn.script.assets import CHECKED_KINDS, AssetIndex, AssetResolver
from vn.script.cache import cache_key
from vn.script.model import Game, Scene, Script
from vn.script.nodes import Context
from vn.script.problems import Problem, ScriptError, Source
from vn.script.reader import Limits, read_nodes
from vn.script.sections import (
    TOP_KEYS,
    Declared,
    build_characters,
    build_game,
    build_scenes,
    check_keys,
)


@dataclass(frozen=True)
class _File:
    name: str
    sections: dict[str, yaml.Node]
    ctx: Context


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
    parsed = [
        _parse(str(file), data, limits, problems)
        for file, data in zip(files, contents, strict=True)
        if data is not None
    ]
    readable = [item for item in parsed if item is not None]
    declared = Declared()
    for item in readable:
        if "characters" in item.sections:
            build_characters(item.sections["characters"], item.ctx, declared)
    game = _game(readable, known)
    scenes: list[Scene] = []
    for item in readable:
        if "scenes" in item.sections:
            scenes.extend(build_scenes(item.sections["scenes"], item.ctx, declared, known))
    problems.extend(_missing(readable, files, path))
    for item in readable:
        problems.extend(item.ctx.problems)
    order = {str(file): number for number, file in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line, p.col))
    if problems or game is None:
        return None
    script = Script(game, declared.characters, tuple(scenes))
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


def _parse(name: str, data: bytes, limits: Limits, problems: list[Problem]) -> _File | None:
    root, found = read_nodes(data, name, limits)
    problems.extend(found)
    if found:
        return None
    ctx = Context(name)
    if root is None or nodes.is_null(root):
        hint = "add `game:`, `characters:` or `scenes:`"
        problems.append(Problem(name, 1, 1, "the file is empty", hint))
        return None
    if not isinstance(root, yaml.MappingNode):
        hint = "a script file is a mapping with `game:`, `characters:` and `scenes:`"
        ctx.report(
            root, f"expected a mapping at the top of the file, got {nodes.describe(root)}", hint
        )
        problems.extend(ctx.problems)
        return None
    sections = check_keys(nodes.items(root, ctx), TOP_KEYS, "the top level", ctx)
    return _File(name, sections, ctx)


def _game(readable: list[_File], assets: AssetIndex | None) -> Game | None:
    game: Game | None = None
    first: Source | None = None
    for item in readable:
        node = item.sections.get("game")
        if node is None:
            continue
        if first is not None:
            item.ctx.report(node, f"`game` is declared twice (first at {first})", "keep one")
            continue
        first = item.ctx.source(node)
        game = build_game(node, item.ctx, assets)
    return game


def _missing(readable: list[_File], files: list[Path], path: Path) -> list[Problem]:
    if not files or len(readable) < len(files):
        return []
    where = str(files[0])
    problems = []
    if not any("game" in item.sections for item in readable):
        problems.append(
            Problem(where, 1, 1, "the script has no `game`", "add `game:` with a `title`")
        )
    if not any("scenes" in item.sections for item in readable):
        problems.append(
            Problem(
                where, 1, 1, "the script has no `scenes`", "add `scenes:` with a list of scenes"
            )
        )
    return problems
