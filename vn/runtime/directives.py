"""The directives the engine hands out besides the model's own statements."""

from __future__ import annotations

from dataclasses import dataclass, replace

from vn.runtime.state import State
from vn.script.model import (
    Ambience,
    Background,
    Hide,
    Line,
    Music,
    Overlay,
    Scene,
    Show,
    Statement,
)


@dataclass(frozen=True)
class SceneStart:
    """A scene begins: the interface may show its title card."""

    scene: Scene


@dataclass(frozen=True)
class End:
    """The story is over: the interface shows the ending card."""


Directive = Statement | SceneStart | End


def apply(state: State, directive: Statement | SceneStart) -> State:
    """The state after a directive; passing events (sound, effect, pause) change nothing."""
    if isinstance(directive, SceneStart):
        return replace(state, scene=directive.scene.id)
    if isinstance(directive, Line):
        return replace(state, line=directive.id)
    if isinstance(directive, Background):
        return replace(state, background=directive.name, sprites=())
    if isinstance(directive, Overlay):
        return replace(state, overlay=directive.name)
    if isinstance(directive, Show):
        return state.with_sprite(directive.character, directive.expression, directive.at)
    if isinstance(directive, Hide):
        return state.without_sprite(directive.character)
    if isinstance(directive, Music):
        return replace(state, music=directive.name)
    if isinstance(directive, Ambience):
        return replace(state, ambience=directive.name)
    return state
