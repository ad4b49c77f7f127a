"""Rollback goes back one line at a time, roll-forward retraces the same path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vn.runtime import Engine
from vn.script import Line, Script


def to_line(engine: Engine) -> Line:
    while True:
        directive = engine.next()
        if isinstance(directive, Line):
            return directive


@pytest.fixture
def long_script(make_script: Callable[[str], Script]) -> Script:
    body = "\n".join(
        f"      - Line {i}.\n      - show: a\n        expression: e{i % 5}" for i in range(300)
    )
    return make_script(
        "game: {title: T}\n"
        'characters: {a: {name: A, color: "#000000"}}\n'
        f"scenes:\n  - scene: s\n    title: S\n    body:\n{body}\n"
    )


def test_rollback_at_the_first_line_is_a_no_op(example_script: Script) -> None:
    engine = Engine(example_script)
    assert engine.rollback() is False
    to_line(engine)
    before = engine.to_json()
    assert engine.rollback() is False
    assert engine.to_json() == before
    assert engine.roll_forward() is False


def test_rollback_restores_the_previous_lines_state(example_script: Script) -> None:
    engine = Engine(example_script)
    to_line(engine)
    first = engine.state
    to_line(engine)
    assert engine.rollback() is True
    assert engine.state == first
    assert engine.history == (first.line,)
    assert engine.roll_forward() is True
    assert engine.state.line == "forest/shut-up-izumo"


def test_rollback_n_then_forward_n_is_identity(long_script: Script) -> None:
    engine = Engine(long_script)
    states = []
    for _ in range(250):
        to_line(engine)
        states.append(engine.state)
    end = engine.to_json()
    for n in range(1, 201):
        assert engine.rollback()
        assert engine.state == states[-1 - n]
    for n in range(199, -1, -1):
        assert engine.roll_forward()
        assert engine.state == states[-1 - n]
    assert not engine.roll_forward()
    assert engine.to_json() == end
    assert to_line(engine).text == "Line 250."


def test_rollback_is_bounded(long_script: Script) -> None:
    engine = Engine(long_script, rollback_limit=256)
    for _ in range(300):
        to_line(engine)
    count = 0
    while engine.rollback():
        count += 1
    assert count == 255
    assert engine.state.line == "s/line-44"


def test_next_after_rollback_clears_the_forward_path(example_script: Script) -> None:
    engine = Engine(example_script)
    for _ in range(3):
        to_line(engine)
    assert engine.rollback() and engine.rollback()
    assert engine.can_roll_forward()
    line = to_line(engine)
    assert line.id == "forest/shut-up-izumo"
    assert not engine.can_roll_forward()
    assert engine.roll_forward() is False


def test_after_rollback_the_following_directives_replay(example_script: Script) -> None:
    engine = Engine(example_script)
    directives = []
    while engine.can_continue():
        directives.append(engine.next())
    assert engine.rollback()
    index = directives.index(example_script.statement(engine.state.line))
    replayed = []
    while engine.can_continue():
        replayed.append(engine.next())
    assert replayed == directives[index + 1 :]


def test_history_is_bounded(long_script: Script) -> None:
    engine = Engine(long_script, history_limit=100)
    for _ in range(300):
        to_line(engine)
    assert len(engine.history) == 100
    assert engine.history[-1] == "s/line-299"
