"""The closed vocabularies of the script format, in one place for the validator and the UI."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

TRANSITIONS: tuple[str, ...] = ("cut", "dissolve", "fade", "wipe_right", "wipe_left")
POSITIONS: tuple[str, ...] = ("far_left", "left", "center", "right", "far_right")
MANNERS: tuple[str, ...] = (
    "whisper",
    "murmur",
    "shout",
    "scream",
    "slur",
    "choke",
    "sob",
    "pant",
)
EFFECTS: tuple[str, ...] = ("shake", "flash", "fade_black", "blur_in")

#: Words that open a statement; a speaker id may not be one of them.
STATEMENT_WORDS: tuple[str, ...] = (
    "narrate",
    "bg",
    "overlay",
    "show",
    "hide",
    "music",
    "ambience",
    "sound",
    "effect",
    "pause",
)

#: Options each statement word accepts (dialogue takes the same as `narrate` plus `thought`).
OPTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "narrate": ("id", "manner", "inferred"),
        "dialogue": ("id", "manner", "thought", "inferred"),
        "bg": ("id", "transition", "duration"),
        "overlay": ("id", "transition", "duration"),
        "show": ("id", "expression", "at", "transition", "duration"),
        "hide": ("id", "transition", "duration"),
        "music": ("id", "fade", "loop"),
        "ambience": ("id", "fade"),
        "sound": ("id", "volume"),
        "effect": ("id", "duration", "strength", "color"),
        "pause": ("id",),
    }
)

#: Every option key of any statement.
OPTION_KEYS: tuple[str, ...] = tuple(sorted({key for keys in OPTIONS.values() for key in keys}))

#: Words a character id may not take, because a statement mapping could not tell them apart.
RESERVED_WORDS: tuple[str, ...] = STATEMENT_WORDS + OPTION_KEYS

DEFAULT_TRANSITION: Mapping[str, str] = MappingProxyType(
    {
        "bg": "cut",
        "overlay": "dissolve",
        "show": "dissolve",
        "hide": "dissolve",
    }
)
DEFAULT_DURATION = 1.0
DEFAULT_EFFECT_DURATION = 0.5
DEFAULT_SHAKE_STRENGTH = 10.0
DEFAULT_FLASH_COLOR = "#ffffff"
DEFAULT_POSITION = "center"
DEFAULT_EXPRESSION = "default"

NAME_PATTERN = re.compile(r"[a-z0-9_-]+")
CHARACTER_ID_PATTERN = re.compile(r"[a-z0-9_]+")
COLOR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")


def is_name(text: str) -> bool:
    """True for an asset name or id word: lowercase letters, digits, `_` and `-`."""
    return NAME_PATTERN.fullmatch(text) is not None
