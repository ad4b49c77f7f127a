"""The script cache: a cached load equals a fresh one, and any change to the files or to the
asset names it was checked against, or any damage, sends the load back to the YAML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR, SCRIPT_DIR
from vn.script import AssetResolver, ScriptError, load_script
from vn.script import build as build_module
from vn.script.cache import cache_file
from vn.script.codec import decode, encode
from vn.script.dialogue import records

SCRIPT = """\
game:
  title: Small
characters:
  ann: {name: Ann, color: "#aabbcc"}
scenes:
  - scene: one
    title: One
    body:
      - bg: field
        transition: dissolve
        duration: 2
      - show: ann
        at: left
      - ann: Hello there.
        manner: whisper
      - Narration, inferred.
      - music: song
        fade: 1.5
        loop: false
      - sound: knock
        volume: 0.5
      - effect: flash
        color: "#FF0000"
      - pause: 1
      - overlay: none
      - ambience: stop
      - hide: ann
      - ann: Thinking.
        thought: true
        inferred: true
"""


def make_project(root: Path) -> tuple[Path, Path]:
    """A one-file script and a tiny assets folder it names."""
    assets = root / "assets"
    for kind, name in [
        ("backgrounds", "field.png"),
        ("characters/ann", "default.png"),
        ("music", "song.ogg"),
        ("sound", "knock.wav"),
    ]:
        (assets / kind).mkdir(parents=True, exist_ok=True)
        (assets / kind / name).write_bytes(b"not decoded by the validator")
    script = root / "script"
    script.mkdir()
    (script / "game.yaml").write_text(SCRIPT, encoding="utf-8")
    return script, assets


def refuse_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to read YAML fails the test: the load must come from the cache."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was read")

    monkeypatch.setattr(build_module, "read_nodes", fail)


def test_the_game_loads_from_the_cache_equal_to_a_fresh_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assets = AssetResolver(ASSETS_DIR)
    fresh = load_script(SCRIPT_DIR, assets=assets)
    stored = load_script(SCRIPT_DIR, assets=assets, cache_dir=tmp_path)
    refuse_yaml(monkeypatch)
    cached = load_script(SCRIPT_DIR, assets=assets, cache_dir=tmp_path)
    assert cached == fresh == stored
    assert list(records(cached)) == list(records(fresh))
    assert cached.characters == fresh.characters
    assert [s.source for s in cached.statements()] == [s.source for s in fresh.statements()]


def test_every_statement_kind_survives_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, assets = make_project(tmp_path)
    resolver = AssetResolver(assets)
    fresh = load_script(script, assets=resolver)
    load_script(script, assets=resolver, cache_dir=tmp_path / "cache")
    refuse_yaml(monkeypatch)
    cached = load_script(script, assets=resolver, cache_dir=tmp_path / "cache")
    assert cached == fresh
    assert {type(s).__name__ for s in cached.statements()} == {
        "Background",
        "Show",
        "Line",
        "Music",
        "Sound",
        "Effect",
        "Pause",
        "Overlay",
        "Ambience",
        "Hide",
    }


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    resolver = AssetResolver(assets)
    cache = tmp_path / "cache"
    load_script(script, assets=resolver, cache_dir=cache)
    file = script / "game.yaml"
    file.write_text(SCRIPT.replace("Hello there.", "Goodbye."), encoding="utf-8")
    edited = load_script(script, assets=resolver, cache_dir=cache)
    assert "Goodbye." in [line.text for line in edited.lines()]
    file.write_text(SCRIPT.replace("ann: Hello", "bob: Hello"), encoding="utf-8")
    with pytest.raises(ScriptError, match="unknown speaker `bob`"):
        load_script(script, assets=resolver, cache_dir=cache)


def test_a_removed_asset_is_noticed(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    resolver = AssetResolver(assets)
    cache = tmp_path / "cache"
    load_script(script, assets=resolver, cache_dir=cache)
    (assets / "sound" / "knock.wav").unlink()
    with pytest.raises(ScriptError, match="no sound `knock`"):
        load_script(script, assets=resolver, cache_dir=cache)


def test_an_added_asset_writes_a_new_cache(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    resolver = AssetResolver(assets)
    cache = tmp_path / "cache"
    load_script(script, assets=resolver, cache_dir=cache)
    stored = cache_file(cache, script)
    before = stored.read_bytes().split(b"\n", 1)[0]
    (assets / "backgrounds" / "night.png").write_bytes(b"x")
    load_script(script, assets=resolver, cache_dir=cache)
    assert stored.read_bytes().split(b"\n", 1)[0] != before


def test_a_cache_checked_without_assets_is_not_used_with_them(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    cache = tmp_path / "cache"
    (assets / "music" / "song.ogg").unlink()
    load_script(script, cache_dir=cache)  # names checked for form only: fine
    with pytest.raises(ScriptError, match="no music `song`"):
        load_script(script, assets=AssetResolver(assets), cache_dir=cache)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"Hello there.", b"Hello THERE."),
        lambda data: b"",
        lambda data: b"\xff\xfe" + data,
        lambda data: data.split(b"\n", 1)[0] + b"\n[1, 2",
    ],
)
def test_a_damaged_cache_is_ignored_and_written_again(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    script, assets = make_project(tmp_path)
    resolver = AssetResolver(assets)
    cache = tmp_path / "cache"
    fresh = load_script(script, assets=resolver, cache_dir=cache)
    stored = cache_file(cache, script)
    good = stored.read_bytes()
    stored.write_bytes(damage(good))
    assert load_script(script, assets=resolver, cache_dir=cache) == fresh
    assert stored.read_bytes() == good


def test_a_cache_folder_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    loaded = load_script(script, assets=AssetResolver(assets), cache_dir=blocked / "cache")
    assert loaded.lines()[0].text == "Hello there."


def test_a_script_with_problems_is_not_cached(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    (script / "game.yaml").write_text(SCRIPT.replace("bg: field", "bg: meadow"))
    cache = tmp_path / "cache"
    with pytest.raises(ScriptError):
        load_script(script, assets=AssetResolver(assets), cache_dir=cache)
    assert not cache_file(cache, script).exists()


def test_decode_refuses_values_of_the_wrong_type() -> None:
    good = encode(load_script(SCRIPT_DIR))
    assert decode(json.loads(json.dumps(good))) == load_script(SCRIPT_DIR)
    for path, value in [
        (("scenes", 0, 4, 0, 6), 3),  # a line's text as a number
        (("scenes", 0, 4, 0, 0), "?"),  # an unknown statement code
        (("scenes", 0, 3), [99, 1, 1]),  # a file that is not in the list
        (("game",), ["only a title"]),
        (("scenes", 0, 2), "yes"),  # card not a bool
    ]:
        broken = json.loads(json.dumps(good))
        target = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(ValueError):
            decode(broken)


def test_a_moved_script_does_not_share_a_cache(tmp_path: Path) -> None:
    script, assets = make_project(tmp_path)
    other = tmp_path / "copy"
    shutil.copytree(script, other)
    cache = tmp_path / "cache"
    first = load_script(script, assets=AssetResolver(assets), cache_dir=cache)
    second = load_script(other, assets=AssetResolver(assets), cache_dir=cache)
    assert {s.source.file for s in second.statements()} == {str(other / "game.yaml")}
    assert first != second
