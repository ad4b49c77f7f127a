"""The pull-based story engine and its JSON state (no pygame)."""

from __future__ import annotations

from vn.runtime.directives import Directive, End, SceneStart, apply
from vn.runtime.engine import Engine
from vn.runtime.state import State, StateError

__all__ = ["Directive", "End", "Engine", "SceneStart", "State", "StateError", "apply"]
