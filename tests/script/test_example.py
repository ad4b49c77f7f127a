"""The README's example loads clean into the model the contract describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from vn.script import (
    Ambience,
    AssetResolver,
    Background,
    Effect,
    Hide,
    Line,
    Music,
    Overlay,
    Pause,
    Script,
    Show,
    Sound,
    Source,
    load_script,
)


@pytest.fixture
def script(tmp_path: Path, example_text: str, assets: AssetResolver) -> Script:
    file = tmp_path / "example.yaml"
    file.write_text(example_text, encoding="utf-8")
    return load_script(file, assets)


def test_game_and_characters(script: Script) -> None:
    assert script.game.title == "The Long Walk Home"
    assert script.game.content_note == "This story contains blood and strong language."
    assert (script.game.title_background, script.game.title_music) == ("title", "motif")
    assert (script.game.ending_background, script.game.ending_text) == ("ending", "The End")
    assert script.game.ending_music == "motif"
    assert script.characters["kotetsu"].name == "Kotetsu"
    assert script.characters["izumo"].color == "#7fa7c9"
    assert script.characters["izumo"].sprite == "izumo"


def test_statement_ids_and_kinds(script: Script) -> None:
    body = script.scenes[0].body
    assert [(type(s).__name__, s.id) for s in body] == [
        ("Background", "forest/bg-forest_deep"),
        ("Ambience", "forest/ambience-forest_wind"),
        ("Show", "forest/show-kotetsu"),
        ("Show", "forest/show-izumo"),
        ("Line", "forest/kotetsu-panted-as-he"),
        ("Line", "forest/shut-up-izumo"),
        ("Line", "forest/tetsu-i-love-you"),
        ("Line", "forest/almost-there-almost-fucking"),
        ("Line", "forest/kotetsu"),
        ("Sound", "forest/sound-stumble"),
        ("Effect", "forest/effect-shake"),
        ("Pause", "forest/pause"),
        ("Line", "forest/silence"),
        ("Overlay", "forest/overlay-memory"),
        ("Line", "forest/remember-rain"),
        ("Overlay", "forest/overlay-none"),
        ("Hide", "forest/hide-izumo"),
        ("Music", "forest/music-motif"),
        ("Effect", "forest/effect-fade_black"),
    ]


def test_statement_fields_and_defaults(script: Script) -> None:
    source = script.statement("forest/bg-forest_deep").source
    assert isinstance(source, Source) and (source.line, source.col) == (19, 9)
    assert script.statement("forest/bg-forest_deep") == Background(
        "forest/bg-forest_deep", source, "forest_deep", "fade", 1.5
    )
    ambience = script.statement("forest/ambience-forest_wind")
    assert isinstance(ambience, Ambience) and ambience.fade == 2.0
    kotetsu = script.statement("forest/show-kotetsu")
    assert isinstance(kotetsu, Show)
    assert (kotetsu.expression, kotetsu.at, kotetsu.transition, kotetsu.duration) == (
        "default",
        "left",
        "dissolve",
        1.0,
    )
    izumo = script.statement("forest/show-izumo")
    assert isinstance(izumo, Show) and (izumo.expression, izumo.at) == ("fading", "right")
    slur = script.statement("forest/tetsu-i-love-you")
    assert isinstance(slur, Line)
    assert (slur.kind, slur.speaker, slur.text, slur.manner) == (
        "dialogue",
        "izumo",
        "'Tetsu, I love you.",
        "slur",
    )
    thought = script.statement("forest/almost-there-almost-fucking")
    assert isinstance(thought, Line) and thought.kind == "thought"
    inferred = script.statement("forest/kotetsu")
    assert isinstance(inferred, Line) and inferred.inferred is True
    narration = script.statement("forest/silence")
    assert isinstance(narration, Line)
    assert (narration.kind, narration.speaker, narration.text) == (
        "narration",
        None,
        "He said nothing.",
    )
    shake = script.statement("forest/effect-shake")
    assert isinstance(shake, Effect) and (shake.duration, shake.strength) == (0.4, 12.0)
    assert isinstance(script.statement("forest/sound-stumble"), Sound)
    pause = script.statement("forest/pause")
    assert isinstance(pause, Pause) and pause.seconds == 1.0
    memory = script.statement("forest/overlay-memory")
    assert isinstance(memory, Overlay) and memory.name == "memory"
    off = script.statement("forest/overlay-none")
    assert isinstance(off, Overlay) and off.name is None
    hide = script.statement("forest/hide-izumo")
    assert isinstance(hide, Hide) and hide.character == "izumo"
    music = script.statement("forest/music-motif")
    assert isinstance(music, Music) and (music.name, music.fade, music.loop) == ("motif", 3.0, True)


def test_lookups(script: Script) -> None:
    assert [line.id for line in script.lines()][:2] == [
        "forest/kotetsu-panted-as-he",
        "forest/shut-up-izumo",
    ]
    assert len(script.lines()) == 7
    assert script.scene_of("forest/silence").id == "forest"
    assert script.position("forest/silence") == (0, 12)
    assert "forest/silence" in script and "forest/nothing" not in script
    with pytest.raises(KeyError):
        script.statement("forest/nothing")


def test_the_model_is_frozen(script: Script) -> None:
    line = script.lines()[0]
    with pytest.raises(AttributeError):
        line.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        script.characters["x"] = script.characters["kotetsu"]  # type: ignore[index]


def test_without_assets_only_the_form_of_names_is_checked(
    tmp_path: Path, example_text: str
) -> None:
    file = tmp_path / "example.yaml"
    file.write_text(example_text.replace("forest_deep", "not_drawn_yet"), encoding="utf-8")
    script = load_script(file)
    assert script.statement("forest/bg-not_drawn_yet").name == "not_drawn_yet"
