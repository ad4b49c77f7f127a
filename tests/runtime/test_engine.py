"""The engine hands out directives in play order and keeps the State the screen shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vn.runtime import End, Engine, SceneStart, State
from vn.script import Background, Line, Script, Show

SMALL = """\
game: {title: T}
characters:
  a: {name: A, color: "#000000"}
  b: {name: B, color: "#ffffff"}
scenes:
  - scene: one
    title: One
    body:
      - bg: forest
      - show: a
        at: left
      - show: b
      - One.
      - show: a
        expression: grief
        at: right
      - music: motif
      - ambience: wind
      - overlay: dusk
      - a: Two.
      - hide: b
      - sound: step
      - effect: shake
      - pause: 1
      - Three.
  - scene: two
    title: Two
    body:
      - bg: gate
      - music: stop
      - ambience: stop
      - overlay: none
      - b: Four.
"""


@pytest.fixture
def small(make_script: Callable[[str], Script]) -> Script:
    return make_script(SMALL)


def drain(engine: Engine) -> list[object]:
    out = []
    while engine.can_continue():
        out.append(engine.next())
    return out


def test_example_steps_to_end(example_script: Script) -> None:
    engine = Engine(example_script)
    directives = drain(engine)
    assert isinstance(directives[0], SceneStart)
    assert directives[0].scene is example_script.scenes[0]
    assert directives[1:-1] == list(example_script.scenes[0].body)
    assert directives[-1] == End()
    assert not engine.can_continue()
    assert engine.next() == End()
    assert engine.history == tuple(line.id for line in example_script.lines())
    assert engine.state == State(
        line="forest/remember-rain",
        scene="forest",
        background="forest_deep",
        overlay=None,
        sprites=(("kotetsu", "default", "left"),),
        music="motif",
        ambience="forest_wind",
    )


def test_next_returns_the_model_statements_themselves(small: Script) -> None:
    engine = Engine(small)
    engine.next()
    background = engine.next()
    assert background is small.scenes[0].body[0]
    assert isinstance(background, Background)


def test_states_along_the_way(small: Script) -> None:
    engine = Engine(small)
    seen: dict[str, State] = {}
    while engine.can_continue():
        directive = engine.next()
        if isinstance(directive, Line):
            seen[directive.text] = engine.state
            assert engine.line is directive
    assert seen["One."].sprites == (("a", "default", "left"), ("b", "default", "center"))
    assert seen["One."].background == "forest" and seen["One."].music is None
    two = seen["Two."]
    assert two.sprites == (("a", "grief", "right"), ("b", "default", "center"))
    assert (two.music, two.ambience, two.overlay) == ("motif", "wind", "dusk")
    assert seen["Three."].sprites == (("a", "grief", "right"),)
    four = seen["Four."]
    assert (four.scene, four.background, four.sprites) == ("two", "gate", ())
    assert (four.music, four.ambience, four.overlay) == (None, None, None)


def test_scene_start_comes_before_each_scene(small: Script) -> None:
    starts = [d.scene.id for d in drain(Engine(small)) if isinstance(d, SceneStart)]
    assert starts == ["one", "two"]


def test_a_background_clears_the_sprites(small: Script) -> None:
    engine = Engine(small)
    directives = drain(engine)
    assert isinstance(directives[-6], Background)
    assert engine.state.sprites == ()


def test_show_updates_in_place(small: Script) -> None:
    engine = Engine(small)
    while not (isinstance(d := engine.next(), Show) and d.expression == "grief"):
        pass
    assert [sprite[0] for sprite in engine.state.sprites] == ["a", "b"]


def test_state_json_round_trip(small: Script) -> None:
    engine = Engine(small)
    drain(engine)
    for state in (engine.state, State(), State(variables={"met": True, "count": 2})):
        assert State.from_json(state.to_json()) == state
        assert State.from_compact(state.to_compact()) == state
