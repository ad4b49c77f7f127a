"""Malformed saves raise StateError with a reason, and nothing else."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn.runtime import Engine, StateError
from vn.script import Script

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["forest", "forest/silence", "left", "kotetsu", "default", 1]),
    lambda children: (
        st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=10), children, max_size=6)
    ),
    max_leaves=40,
)


def valid_save(script: Script) -> dict[str, Any]:
    engine = Engine(script)
    for _ in range(12):
        engine.next()
    assert engine.rollback()
    return json.loads(json.dumps(engine.to_json()))


def test_a_valid_save_loads(example_script: Script) -> None:
    assert Engine.from_json(example_script, valid_save(example_script)).state.line is not None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: [], "not a mapping"),
        (lambda d: {**d, "version": 2}, "unknown format version"),
        (lambda d: {**d, "version": True}, "unknown format version"),
        (lambda d: {**d, "extra": 1}, "unknown fields"),
        (lambda d: {k: v for k, v in d.items() if k != "state"}, "no state"),
        (lambda d: {**d, "state": "x"}, "not a mapping"),
        (lambda d: {**d, "state": {**d["state"], "line": "../../etc"}}, "not a valid id"),
        (lambda d: {**d, "state": {**d["state"], "line": 5}}, "not an id"),
        (lambda d: {**d, "state": {**d["state"], "scene": "a/b"}}, "not a valid id"),
        (lambda d: {**d, "state": {**d["state"], "sprites": [["a", "b"]]}}, "sprite"),
        (lambda d: {**d, "state": {**d["state"], "sprites": [["a", "b", "up"]]}}, "position"),
        (lambda d: {**d, "state": {**d["state"], "sprites": [["a", "b", "left"]] * 2}}, "twice"),
        (lambda d: {**d, "state": {**d["state"], "variables": {"x": [1]}}}, "plain value"),
        (lambda d: {**d, "state": {**d["state"], "variables": {"x": 2**60}}}, "too large"),
        (lambda d: {**d, "state": {**d["state"], "colour": "red"}}, "unknown fields"),
        (lambda d: {**d, "history": "forest/silence"}, "history"),
        (lambda d: {**d, "history": ["x"] * 100_001}, "reasonable size"),
        (lambda d: {**d, "rollback": [[1, 2]]}, "wrong shape"),
        (lambda d: {**d, "forward": [None]}, "wrong shape"),
        (lambda d: {**d, "ended": "yes"}, "true or false"),
        (lambda d: {**d, "after": ["x"]}, "not an id"),
        (lambda d: {**d, "history": ["a" * 500]}, "not an id"),
    ],
)
def test_malformed_saves(example_script: Script, change: Any, reason: str) -> None:
    data = change(valid_save(example_script))
    with pytest.raises(StateError, match=reason) as caught:
        Engine.from_json(example_script, data)
    assert isinstance(caught.value, ValueError)
    assert caught.value.reason


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(JSON)
def test_arbitrary_json_raises_only_state_error(example_script: Script, data: object) -> None:
    try:
        engine = Engine.from_json(example_script, data)
    except StateError:
        return
    assert engine.state is not None


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_damaged_valid_saves_raise_only_state_error(example_script: Script, data: Any) -> None:
    save = valid_save(example_script)
    path = data.draw(st.sampled_from(_paths(save)[1:]))
    damaged = copy.deepcopy(save)
    target = damaged
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON)
    try:
        engine = Engine.from_json(example_script, damaged)
    except StateError:
        return
    while engine.can_continue():
        engine.next()
    while engine.rollback():
        pass
    while engine.roll_forward():
        pass
    assert engine.to_json()["version"] == 1
