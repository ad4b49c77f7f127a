"""A validated Script as compact JSON values and back, for the script cache.

Each statement is one list, `[code, id, file, line, col, *fields]`, its file an index into the
script's list of files. Reading checks every value's type, so a damaged or hand-edited cache
raises ValueError and is never turned into a model the engine could trip over.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from vn.script.model import (
    Ambience,
    Background,
    Character,
    Effect,
    Game,
    Hide,
    Line,
    Music,
    Overlay,
    Pause,
    Scene,
    Script,
    Show,
    Sound,
    Statement,
)
from vn.script.problems import Source

_TEXT = (str,)
_MAYBE = (str, type(None))
_NUMBER = (float,)
_FLAG = (bool,)

# code: (class, the types of its fields after id and source, in declaration order)
_KINDS: Mapping[str, tuple[type, tuple[tuple[type, ...], ...]]] = MappingProxyType(
    {
        "L": (Line, (_TEXT, _MAYBE, _TEXT, _MAYBE, _FLAG)),
        "B": (Background, (_TEXT, _TEXT, _NUMBER)),
        "O": (Overlay, (_MAYBE, _TEXT, _NUMBER)),
        "S": (Show, (_TEXT, _TEXT, _TEXT, _TEXT, _NUMBER)),
        "H": (Hide, (_TEXT, _TEXT, _NUMBER)),
        "M": (Music, (_MAYBE, _NUMBER, _FLAG)),
        "A": (Ambience, (_MAYBE, _NUMBER)),
        "X": (Sound, (_TEXT, _NUMBER)),
        "E": (Effect, (_TEXT, _NUMBER, _NUMBER, _TEXT)),
        "P": (Pause, (_NUMBER,)),
    }
)
_CODES: Mapping[type, str] = MappingProxyType({cls: code for code, (cls, _) in _KINDS.items()})
_FIELDS: Mapping[type, tuple[str, ...]] = MappingProxyType(
    {cls: tuple(f.name for f in dataclasses.fields(cls))[2:] for cls, _ in _KINDS.values()}
)
_GAME_TYPES = (_TEXT, _TEXT, _TEXT, _MAYBE, _TEXT, _TEXT, _MAYBE)


def encode(script: Script) -> dict[str, Any]:
    """The script as JSON-ready values."""
    files: dict[str, int] = {}

    def place(source: Source) -> list[Any]:
        index = files.setdefault(source.file, len(files))
        return [index, source.line, source.col]

    scenes = []
    for scene in script.scenes:
        body = [_statement(statement, place) for statement in scene.body]
        scenes.append([scene.id, scene.title, scene.card, place(scene.source), body])
    return {
        "game": list(dataclasses.astuple(script.game)),
        "characters": [list(dataclasses.astuple(c)) for c in script.characters.values()],
        "scenes": scenes,
        "files": list(files),
    }


def _statement(statement: Statement, place: Any) -> list[Any]:
    cls = type(statement)
    values = [getattr(statement, name) for name in _FIELDS[cls]]
    return [_CODES[cls], statement.id, *place(statement.source), *values]


def decode(data: Any) -> Script:
    """The Script from `encode`'s values; ValueError for anything malformed."""
    try:
        return _decode(data)
    except (TypeError, KeyError, IndexError, AttributeError) as error:
        raise ValueError(f"malformed script cache: {error}") from None


def _decode(data: dict[str, Any]) -> Script:
    files = data["files"]
    _check(files, (_TEXT,) * len(files))
    game = data["game"]
    _check(game, _GAME_TYPES)
    characters = {}
    for row in data["characters"]:
        _check(row, (_TEXT,) * 4)
        characters[row[0]] = Character(*row)
    scenes = []
    for scene_id, title, card, where, body in data["scenes"]:
        _check([scene_id, title, card], (_TEXT, _TEXT, _FLAG))
        statements = tuple(_decode_statement(row, files) for row in body)
        scenes.append(Scene(scene_id, title, card, statements, _source(where, files)))
    return Script(Game(*game), characters, tuple(scenes))


def _decode_statement(row: list[Any], files: list[str]) -> Statement:
    cls, types = _KINDS[row[0]]
    statement_id = row[1]
    values = row[5:]
    if type(statement_id) is not str:
        raise ValueError("a statement id is not text")
    _check(values, types)
    return cls(statement_id, _source(row[2:5], files), *values)  # type: ignore[no-any-return]


def _source(where: list[Any], files: list[str]) -> Source:
    index, line, col = where
    if type(index) is not int or type(line) is not int or type(col) is not int or index < 0:
        raise ValueError("a source is not a file index, a line and a column")
    return Source(files[index], line, col)


def _check(values: Any, types: tuple[tuple[type, ...], ...]) -> None:
    if type(values) is not list or len(values) != len(types):
        raise ValueError("a record has the wrong number of values")
    # JSON gives exact types: an int is never a float here, and no bool is a str or a float.
    if not all(map(isinstance, values, types)):
        raise ValueError("a record holds a value of the wrong type")
