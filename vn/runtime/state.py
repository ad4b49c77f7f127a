"""The State on screen: everything that changes while playing, frozen and JSON-ready."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from vn.script.registry import POSITIONS

Value = str | int | float | bool | None
Sprite = tuple[str, str, str]

MAX_ID_CHARS = 200
MAX_SPRITES = 64
MAX_VARIABLES = 256
MAX_INT = 2**53
_ID = re.compile(r"[a-z0-9_-]+(/[a-z0-9_-]+)?")
_FIELDS = ("line", "scene", "background", "overlay", "sprites", "music", "ambience", "variables")


class StateError(ValueError):
    """Saved state data that cannot be used; `reason` says why, for the player."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class State:
    """Exactly what the screen shows at one moment, so any moment can be redrawn from it."""

    line: str | None = None
    scene: str | None = None
    background: str | None = None
    overlay: str | None = None
    sprites: tuple[Sprite, ...] = ()
    music: str | None = None
    ambience: str | None = None
    variables: Mapping[str, Value] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.variables, MappingProxyType):
            object.__setattr__(self, "variables", MappingProxyType(dict(self.variables)))

    def with_sprite(self, character: str, expression: str, at: str) -> State:
        """Show a character, or update their expression and place where they stand."""
        sprite = (character, expression, at)
        if any(shown[0] == character for shown in self.sprites):
            sprites = tuple(sprite if shown[0] == character else shown for shown in self.sprites)
        else:
            sprites = (*self.sprites, sprite)
        return replace(self, sprites=sprites)

    def without_sprite(self, character: str) -> State:
        return replace(self, sprites=tuple(s for s in self.sprites if s[0] != character))

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "scene": self.scene,
            "background": self.background,
            "overlay": self.overlay,
            "sprites": [list(sprite) for sprite in self.sprites],
            "music": self.music,
            "ambience": self.ambience,
            "variables": dict(self.variables),
        }

    def to_compact(self) -> list[Any]:
        """The same fields as a list, for the rollback stack inside saves."""
        data = self.to_json()  # once, not once per field: saves hold up to 256 of these
        return [data[name] for name in _FIELDS]

    @classmethod
    def from_json(cls, data: object) -> State:
        """A State from `to_json()` output; StateError for anything malformed."""
        if not isinstance(data, dict):
            raise StateError("the saved state is not a mapping")
        unknown = set(data) - set(_FIELDS)
        if unknown:
            raise StateError(
                f"the saved state has unknown fields: {', '.join(sorted(map(str, unknown)))}"
            )
        return cls.from_compact([data.get(name) for name in _FIELDS])

    @classmethod
    def from_compact(cls, data: object) -> State:
        if not isinstance(data, list) or len(data) != len(_FIELDS):
            raise StateError("a saved state has the wrong shape")
        line, scene, background, overlay, sprites, music, ambience, variables = data
        return cls(
            line=_optional_id(line, "line", allow_slash=True),
            scene=_optional_id(scene, "scene"),
            background=_optional_id(background, "background"),
            overlay=_optional_id(overlay, "overlay"),
            sprites=_sprites(sprites),
            music=_optional_id(music, "music"),
            ambience=_optional_id(ambience, "ambience"),
            variables=_variables({} if variables is None else variables),
        )


def check_id(value: object, what: str, *, allow_slash: bool = False) -> str:
    """A saved id or name, refusing anything that is not one."""
    if not isinstance(value, str) or len(value) > MAX_ID_CHARS:
        raise StateError(f"the saved {what} is not an id")
    match = _ID.fullmatch(value)
    if match is None or (match.group(1) is not None and not allow_slash):
        raise StateError(f"the saved {what} is not a valid id")
    return value


def _optional_id(value: object, what: str, *, allow_slash: bool = False) -> str | None:
    return None if value is None else check_id(value, what, allow_slash=allow_slash)


def _sprites(value: object) -> tuple[Sprite, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_SPRITES:
        raise StateError("the saved sprites are not a short list")
    sprites: list[Sprite] = []
    for item in value:
        if not isinstance(item, list) or len(item) != 3:
            raise StateError("a saved sprite is not [character, expression, position]")
        character = check_id(item[0], "sprite character")
        expression = check_id(item[1], "sprite expression")
        at = item[2]
        if at not in POSITIONS:
            raise StateError("a saved sprite has an unknown position")
        if any(s[0] == character for s in sprites):
            raise StateError("a saved character is shown twice")
        sprites.append((character, expression, at))
    return tuple(sprites)


def _variables(value: object) -> dict[str, Value]:
    if not isinstance(value, dict) or len(value) > MAX_VARIABLES:
        raise StateError("the saved variables are not a small mapping")
    result: dict[str, Value] = {}
    for key, item in value.items():
        check_id(key, "variable name")
        if isinstance(item, str) and len(item) > 1000:
            raise StateError("a saved variable is too long")
        if item is not None and not isinstance(item, (str, int, float, bool)):
            raise StateError("a saved variable is not a plain value")
        if isinstance(item, float) and not math.isfinite(item):
            raise StateError("a saved variable is not a finite number")
        if isinstance(item, int) and abs(item) > MAX_INT:
            raise StateError("a saved variable is too large a number")
        result[key] = item
    return result
