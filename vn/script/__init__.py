"""The script model and its loader: YAML in, a validated frozen model out (no pygame)."""

from __future__ import annotations

from vn.script.assets import AssetResolver
from vn.script.loader import load_script
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
from vn.script.problems import Problem, ScriptError, Source

__all__ = [
    "Ambience",
    "AssetResolver",
    "Background",
    "Character",
    "Effect",
    "Game",
    "Hide",
    "Line",
    "Music",
    "Overlay",
    "Pause",
    "Problem",
    "Scene",
    "Script",
    "ScriptError",
    "Show",
    "Sound",
    "Source",
    "Statement",
    "load_script",
]
