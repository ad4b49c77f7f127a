"""Saving and loading after every step changes nothing: same state, same directives to come."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from vn.runtime import Engine
from vn.script import Line, Script

#: Beyond this many steps, compare the next directives only (the cursor is in to_json anyway).
FULL_COMPARE_STEPS = 1500


def drain(engine: Engine, limit: int | None = None) -> list[object]:
    out = []
    while engine.can_continue() and (limit is None or len(out) < limit):
        out.append(engine.next())
    return out


def reload(engine: Engine) -> Engine:
    return Engine.from_json(engine.script, json.loads(json.dumps(engine.to_json())))


def play_with_round_trips(script: Script) -> int:
    """Play to the end, reloading a copy after every step and checking it matches."""
    expected = drain(Engine(script))
    full = len(expected) <= FULL_COMPARE_STEPS
    engine = Engine(script)
    steps = 0
    while True:
        copy = reload(engine)
        assert not copy.relocated
        assert copy.state == engine.state
        assert copy.history == engine.history
        assert copy.to_json() == engine.to_json()
        assert copy.can_continue() == engine.can_continue()
        rest = expected[steps:]
        assert drain(copy, None if full else 50) == (rest if full else rest[:50])
        if not engine.can_continue():
            return steps
        assert engine.next() == expected[steps]
        steps += 1


def test_example_round_trips_after_every_step(example_script: Script) -> None:
    assert play_with_round_trips(example_script) == len(example_script.scenes[0].body) + 2


def test_project_script_round_trips_after_every_step(project_script: Script) -> None:
    steps = play_with_round_trips(project_script)
    assert steps == sum(len(scene.body) + 1 for scene in project_script.scenes) + 1


def test_round_trip_after_rollbacks_keeps_both_stacks(example_script: Script) -> None:
    engine = Engine(example_script)
    drain(engine)
    assert engine.rollback() and engine.rollback() and engine.rollback()
    assert engine.roll_forward()
    copy = reload(engine)
    assert copy.to_json() == engine.to_json()
    while engine.roll_forward():
        assert copy.roll_forward()
        assert copy.state == engine.state
    assert not copy.roll_forward()
    while engine.rollback():
        assert copy.rollback()
        assert copy.state == engine.state
    assert not copy.rollback()


def test_save_stays_small_after_ten_thousand_lines(
    make_script: Callable[[str], Script],
) -> None:
    body = "\n".join(
        f"      - a: Line number {i} of a very long night, said slowly and with feeling.\n"
        f"      - show: a\n        expression: e{i % 7}\n        at: left"
        for i in range(10_000)
    )
    script = make_script(
        "game: {title: T}\n"
        'characters: {a: {name: A, color: "#000000"}}\n'
        "scenes:\n  - scene: the_long_night_of_many_lines\n    title: N\n    body:\n" + body
    )
    engine = Engine(script)
    lines = sum(isinstance(d, Line) for d in drain(engine))
    assert lines == 10_000
    size = len(json.dumps(engine.to_json(), separators=(",", ":")))
    assert size < 200_000
    assert len(engine.history) == 1000
    assert reload(engine).to_json() == engine.to_json()


@pytest.mark.parametrize("steps", [0, 1, 5, 8])
def test_reload_mid_staging_does_not_replay_it(example_script: Script, steps: int) -> None:
    engine = Engine(example_script)
    for _ in range(steps):
        engine.next()
    assert drain(reload(engine)) == drain(engine)
