"""Saves survive script edits: a missing line resumes at the nearest earlier one that exists."""

from __future__ import annotations

import json
from collections.abc import Callable

from vn.runtime import Engine, State
from vn.script import Line, Script

TWO_SCENES = """\
game: {title: T}
characters:
  a: {name: A, color: "#000000"}
scenes:
  - scene: road
    title: Road
    body:
      - bg: road
      - show: a
      - First line.
      - a: Second line.
      - Third line.
  - scene: gate
    title: Gate
    body:
      - bg: gate
      - Fourth line.
      - a: Fifth line.
      - Sixth line.
"""


def play_to(engine: Engine, line_id: str) -> None:
    while engine.state.line != line_id:
        engine.next()


def saved_at(script: Script, line_id: str) -> dict[str, object]:
    engine = Engine(script)
    play_to(engine, line_id)
    return json.loads(json.dumps(engine.to_json()))


def next_line(engine: Engine) -> Line:
    while True:
        directive = engine.next()
        if isinstance(directive, Line):
            return directive


def test_unchanged_script_is_not_relocated(make_script: Callable[[str], Script]) -> None:
    script = make_script(TWO_SCENES)
    engine = Engine.from_json(script, saved_at(script, "gate/fifth-line"))
    assert engine.relocated is False
    assert engine.relocation_note == ""
    assert engine.state.line == "gate/fifth-line"


def test_deleted_line_resumes_at_the_previous_line(make_script: Callable[[str], Script]) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "gate/fifth-line")
    new = make_script(TWO_SCENES.replace("      - a: Fifth line.\n", ""))
    engine = Engine.from_json(new, data)
    assert engine.relocated is True
    assert "nearest earlier line" in engine.relocation_note
    assert engine.state == State(line="gate/fourth-line", scene="gate", background="gate")
    assert engine.history[-1] == "gate/fourth-line"
    assert next_line(engine).id == "gate/sixth-line"
    assert engine.rollback() and engine.state.line == "gate/fourth-line"


def test_reworded_line_resumes_at_the_previous_line(make_script: Callable[[str], Script]) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "road/third-line")
    new = make_script(TWO_SCENES.replace("Third line.", "The third line, reworded."))
    engine = Engine.from_json(new, data)
    assert engine.relocated
    assert engine.state.line == "road/second-line"
    assert engine.state.sprites == (("a", "default", "center"),)
    assert next_line(engine).id == "road/the-third-line-reworded"


def test_inserted_line_keeps_the_save_where_it_was(make_script: Callable[[str], Script]) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "road/second-line")
    new = make_script(
        TWO_SCENES.replace(
            "      - First line.\n", "      - New opening.\n      - First line.\n"
        ).replace("      - Third line.\n", "      - Inserted line.\n      - Third line.\n")
    )
    engine = Engine.from_json(new, data)
    assert engine.relocated is False
    assert engine.state.line == "road/second-line"
    assert next_line(engine).id == "road/inserted-line"
    assert engine.rollback() and engine.state.line == "road/second-line"


def test_renamed_scene_resumes_at_the_last_line_before_it(
    make_script: Callable[[str], Script],
) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "gate/fifth-line")
    new = make_script(TWO_SCENES.replace("scene: gate", "scene: village_gate"))
    engine = Engine.from_json(new, data)
    assert engine.relocated is True
    assert engine.state.line == "road/third-line"
    assert engine.state.scene == "road"
    assert engine.history == ("road/first-line", "road/second-line", "road/third-line")
    assert next_line(engine).id == "village_gate/fourth-line"


def test_renamed_first_scene_starts_again(make_script: Callable[[str], Script]) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "road/second-line")
    new = make_script(TWO_SCENES.replace("scene: road", "scene: highway"))
    engine = Engine.from_json(new, data)
    assert engine.relocated is True
    assert "beginning" in engine.relocation_note
    assert engine.state == State()
    assert next_line(engine).id == "highway/first-line"


def test_without_history_falls_back_to_the_scenes_first_line(
    make_script: Callable[[str], Script],
) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "gate/sixth-line")
    data["history"] = []
    data["rollback"] = []
    new = make_script(TWO_SCENES.replace("Sixth line.", "Sixth line, rewritten."))
    engine = Engine.from_json(new, data)
    assert engine.relocated is True
    assert engine.state.line == "gate/fourth-line"
    assert engine.state.background == "gate"


def test_missing_history_entries_are_dropped(make_script: Callable[[str], Script]) -> None:
    old = make_script(TWO_SCENES)
    data = saved_at(old, "gate/sixth-line")
    new = make_script(TWO_SCENES.replace("      - a: Second line.\n", ""))
    engine = Engine.from_json(new, data)
    assert engine.relocated is False
    assert "road/second-line" not in engine.history
    while engine.rollback():
        pass
    assert engine.state.line == "road/first-line"
