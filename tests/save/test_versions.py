"""The migration chain (v1 legacy single object -> v2) and refusal of newer versions."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from vn.save import CURRENT_VERSION, SaveError, SlotStatus
from vn.save.migrations import MIGRATIONS, migrate

NEWER_MESSAGE = "this save is from a newer version of the game (v3); update the game to load it"


def _legacy(state, **meta):
    meta = {"title": "The Forest", "text": "Shut up, Izumo.", "speaker": "Kotetsu", **meta}
    return {"version": 1, "meta": meta, "state": state}


@pytest.mark.parametrize("indent", [None, 2])
def test_v1_save_is_migrated_on_read(store, state, indent):
    legacy = _legacy(state, time="2024-05-01T10:30:00")
    (store.folder / "1-1.json").write_text(json.dumps(legacy, indent=indent), encoding="utf-8")
    assert store.read("1-1") == state
    info = store.read_meta("1-1")
    assert info.status is SlotStatus.OK
    assert info.version == 1
    assert (info.scene_title, info.line_text, info.speaker) == (
        "The Forest",
        "Shut up, Izumo.",
        "Kotetsu",
    )
    assert info.saved_at == datetime(2024, 5, 1, 10, 30, tzinfo=timezone.utc)


def test_v1_save_without_a_time_uses_the_file_time(store, state):
    path = store.folder / "1-1.json"
    path.write_text(json.dumps(_legacy(state)), encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert store.read_meta("1-1").saved_at == datetime.fromtimestamp(1_700_000_000, timezone.utc)


def test_v1_thumbnail_is_shown_when_it_is_a_png(store, state, png):
    (store.folder / "1-1.json").write_text(json.dumps(_legacy(state)), encoding="utf-8")
    (store.folder / "1-1.png").write_bytes(png)
    assert store.thumbnail_path("1-1") == store.folder / "1-1.png"
    (store.folder / "1-1.png").write_bytes(b"GIF89a")
    assert store.thumbnail_path("1-1") is None


def test_a_migrated_save_is_written_back_as_the_current_version(store, state):
    (store.folder / "1-1.json").write_text(json.dumps(_legacy(state)), encoding="utf-8")
    info = store.read_meta("1-1")
    store.write("1-1", dict(info.meta), store.read("1-1"))
    assert store.read_meta("1-1").version == CURRENT_VERSION
    assert store.read("1-1") == state


@pytest.mark.parametrize(
    "broken",
    [
        {"version": 1, "meta": {}, "state": [1, 2]},
        {"version": 1, "meta": "title", "state": {}},
        {"version": 1, "meta": {}},
    ],
)
def test_v1_save_of_the_wrong_shape_is_damaged(store, broken):
    (store.folder / "1-1.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        store.read("1-1")
    assert caught.value.code == "type"
    assert store.verify("1-1").status is SlotStatus.DAMAGED


def test_newer_version_with_a_header_is_refused_clearly(store, forge):
    (store.folder / "1-1.json").write_bytes(forge(b'{"new":"layout"}', version=3, meta=7))
    with pytest.raises(SaveError) as caught:
        store.read("1-1")
    assert caught.value.message == NEWER_MESSAGE
    assert caught.value.code == "newer-version"
    info = store.read_meta("1-1")
    assert (info.status, info.reason) == (SlotStatus.DAMAGED, NEWER_MESSAGE)


def test_newer_version_without_a_header_is_refused_clearly(store):
    (store.folder / "1-1.json").write_text(json.dumps({"version": 3, "x": 1}), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        store.read("1-1")
    assert caught.value.message == NEWER_MESSAGE


@pytest.mark.parametrize("version", [0, -1])
def test_unknown_old_versions_are_damaged(store, version):
    (store.folder / "1-1.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    assert store.verify("1-1").code == "version"


def test_the_chain_has_a_step_from_every_older_version():
    assert sorted(MIGRATIONS) == list(range(1, CURRENT_VERSION))
    doc = migrate({"version": 1, "meta": {"title": "T"}, "state": {"a": 1}})
    assert doc["version"] == CURRENT_VERSION
    assert doc["meta"] == {"scene_title": "T"}
    assert doc["state"] == {"a": 1}
