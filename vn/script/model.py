"""The script model: frozen dataclasses, each statement with a stable id and its source."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from vn.script.problems import Source

__all__ = [
    "Ambience",
    "Background",
    "Character",
    "Effect",
    "Game",
    "Hide",
    "Line",
    "Music",
    "Overlay",
    "Pause",
    "Scene",
    "Script",
    "Show",
    "Sound",
    "Source",
    "Statement",
]


@dataclass(frozen=True)
class Line:
    """A line of the text box: narration, dialogue or a thought."""

    id: str
    source: Source
    kind: str
    speaker: str | None
    text: str
    manner: str | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Background:
    id: str
    source: Source
    name: str
    transition: str = "cut"
    duration: float = 0.0


@dataclass(frozen=True)
class Overlay:
    """A full-screen tint; `name` None takes it away."""

    id: str
    source: Source
    name: str | None
    transition: str = "dissolve"
    duration: float = 1.0


@dataclass(frozen=True)
class Show:
    id: str
    source: Source
    character: str
    expression: str = "default"
    at: str = "center"
    transition: str = "dissolve"
    duration: float = 1.0


@dataclass(frozen=True)
class Hide:
    id: str
    source: Source
    character: str
    transition: str = "dissolve"
    duration: float = 1.0


@dataclass(frozen=True)
class Music:
    """The music channel; `name` None stops it."""

    id: str
    source: Source
    name: str | None
    fade: float = 0.0
    loop: bool = True


@dataclass(frozen=True)
class Ambience:
    """The looping ambience channel; `name` None stops it."""

    id: str
    source: Source
    name: str | None
    fade: float = 0.0


@dataclass(frozen=True)
class Sound:
    id: str
    source: Source
    name: str
    volume: float = 1.0


@dataclass(frozen=True)
class Effect:
    id: str
    source: Source
    name: str
    duration: float = 0.5
    strength: float = 10.0
    color: str = "#ffffff"


@dataclass(frozen=True)
class Pause:
    id: str
    source: Source
    seconds: float


Statement = Line | Background | Overlay | Show | Hide | Music | Ambience | Sound | Effect | Pause


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    color: str
    sprite: str


@dataclass(frozen=True)
class Scene:
    id: str
    title: str
    card: bool
    body: tuple[Statement, ...]
    source: Source


@dataclass(frozen=True)
class Game:
    title: str
    content_note: str = ""
    title_background: str = "black"
    title_music: str | None = None
    ending_background: str = "black"
    ending_text: str = "The End"
    ending_music: str | None = None


@dataclass(frozen=True)
class Script:
    """A whole validated script; look statements up by their stable id."""

    game: Game
    characters: Mapping[str, Character]
    scenes: tuple[Scene, ...]
    _index: Mapping[str, tuple[int, int]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "characters", MappingProxyType(dict(self.characters)))
        object.__setattr__(self, "scenes", tuple(self.scenes))
        index: dict[str, tuple[int, int]] = {}
        for scene_index, scene in enumerate(self.scenes):
            for body_index, statement in enumerate(scene.body):
                index.setdefault(statement.id, (scene_index, body_index))
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __contains__(self, statement_id: object) -> bool:
        return statement_id in self._index

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id; KeyError when there is none."""
        scene_index, body_index = self._index[statement_id]
        return self.scenes[scene_index].body[body_index]

    def position(self, statement_id: str) -> tuple[int, int]:
        """(scene index, body index) of a statement; KeyError when there is none."""
        return self._index[statement_id]

    def scene_of(self, statement_id: str) -> Scene:
        """The scene holding a statement; KeyError when there is none."""
        return self.scenes[self._index[statement_id][0]]

    def scene(self, scene_id: str) -> Scene:
        """The scene with this id; KeyError when there is none."""
        for scene in self.scenes:
            if scene.id == scene_id:
                return scene
        raise KeyError(scene_id)

    def statements(self) -> Iterator[Statement]:
        """Every statement in play order."""
        for scene in self.scenes:
            yield from scene.body

    def lines(self) -> tuple[Line, ...]:
        """Every Line in play order."""
        return tuple(item for item in self.statements() if isinstance(item, Line))
