"""The YAML draft: valid, readable, and honest about every guess."""

from __future__ import annotations

import yaml

from vn.adapt import RosterEntry, draft
from vn.adapt.emit import emit

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ROSTER = [RosterEntry("Kotetsu", (), "male"), RosterEntry("Izumo", (), "male")]


def _render(text: str) -> tuple[str, dict]:
    out = emit(draft(text, _ROSTER), "story.txt")
    return out, yaml.load(out, Loader=_LOADER)


def test_dialogue_carries_its_method_as_a_comment() -> None:
    out, data = _render('Kotetsu ran.\n\n"Shut up, Izumo." He grit his teeth.')
    assert '- kotetsu: "Shut up, Izumo."  # via: beat' in out
    body = data["scenes"][0]["body"]
    assert body[0] == {"bg": "black"}
    assert {"kotetsu": "Shut up, Izumo."} in body


def test_manner_and_thought_are_options() -> None:
    _, data = _render('"Why?" Kotetsu whispered.\n\n"I must go on," thought Kotetsu.')
    body = data["scenes"][0]["body"]
    assert {"kotetsu": "Why?", "manner": "whisper"} in body
    assert {"kotetsu": "I must go on.", "thought": True} in body


def test_gaps_get_a_comment_and_a_pause() -> None:
    out, data = _render("Kotetsu ran.\n\n\n\nIzumo coughed.")
    assert "# a line may be missing here\n      - pause: 0.5" in out
    assert {"pause": 0.5} in data["scenes"][0]["body"]


def test_awkward_text_is_quoted_safely_and_never_folded() -> None:
    long = "word " * 60
    text = f'Kotetsu: a # b "c" \'d\' {long}end.\n\n"x: y # z," said Kotetsu.'
    out, data = _render(text)
    body = data["scenes"][0]["body"]
    assert body[1].startswith("Kotetsu: a # b \"c\" 'd' word")
    assert {"kotetsu": "x: y # z."} in body
    assert all(len(line) < 2000 for line in out.splitlines())
    assert sum(1 for line in out.splitlines() if line.strip().startswith("- ")) == len(body) + 1


def test_unknown_speakers_are_declared() -> None:
    out, data = _render('The road was empty.\n\n"Who goes there?"')
    assert data["characters"]["unknown"] == {"name": "???", "color": "#aaaaaa"}
    assert '- unknown: "Who goes there?"  # via: unknown' in out


def test_chapters_become_scenes() -> None:
    _, data = _render("CHAPTER I\n\nKotetsu ran.\n\nCHAPTER II\n\nIzumo coughed.")
    assert [(s["scene"], s["title"]) for s in data["scenes"]] == [
        ("chapter-i", "CHAPTER I"),
        ("chapter-ii", "CHAPTER II"),
    ]
