"""Build the model from a script's YAML files: parse each, then check and build its sections."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from vn.script import nodes
from vn.script.assets import AssetIndex
from vn.script.limits import Limits
from vn.script.model import Game, Scene, Script
from vn.script.nodes import Context
from vn.script.problems import Problem, Source
from vn.script.reader import read_nodes
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


def build_script(
    path: Path,
    files: list[Path],
    contents: list[bytes | None],
    known: AssetIndex | None,
    limits: Limits,
    problems: list[Problem],
) -> Script | None:
    """The Script of the files read (None where a file could not be read); None when any
    problem was found, every one of them added to `problems` in file and line order."""
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
    return Script(game, declared.characters, tuple(scenes))


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
