"""Persistent data: round trip, compact seen ids, damage set aside, failed writes."""

from __future__ import annotations

import errno
import json
import logging

import pytest

from vn.save import Persistent, Preferences, SaveError
from vn.save.persistent import pack_ids, unpack_ids


def test_missing_file_gives_defaults(folder):
    persistent = Persistent.load(folder)
    assert folder.is_dir()  # created, ready for the first save
    assert not persistent.path.exists()
    assert persistent.seen == frozenset()
    assert persistent.endings == frozenset()
    assert persistent.preferences == Preferences()


def test_round_trip(folder):
    persistent = Persistent.load(folder)
    assert persistent.mark_seen("forest/shut-up-izumo") is True
    assert persistent.mark_seen("forest/shut-up-izumo") is False
    persistent.mark_seen("village/i-can-see-it")
    persistent.mark_seen("intro")
    assert persistent.reach_ending("village") is True
    persistent.preferences = persistent.preferences.replace(text_speed=0, fullscreen=True)
    persistent.save()
    again = Persistent.load(folder)
    assert again.seen == {"forest/shut-up-izumo", "village/i-can-see-it", "intro"}
    assert again.is_seen("intro") and not again.is_seen("forest/other")
    assert again.endings == {"village"}
    assert again.preferences.text_speed == 0 and again.preferences.fullscreen


def test_seen_ids_are_stored_grouped_by_scene(folder):
    folder.mkdir()
    persistent = Persistent(folder, seen=["forest/b", "forest/a", "village/c"])
    persistent.save()
    data = json.loads((folder / "persistent.json").read_text(encoding="utf-8"))
    assert data["seen"] == {"forest": ["a", "b"], "village": ["c"]}


@pytest.mark.parametrize(
    "ids", [set(), {"a"}, {"s/a", "s/b", "t/a"}, {"a/b/c", "a/b", "x/"}, {"s/a-2", "s/a"}]
)
def test_pack_unpack_round_trip(ids):
    assert unpack_ids(pack_ids(ids)) == ids


def test_partly_damaged_fields_are_tolerated(folder):
    folder.mkdir()
    (folder / "persistent.json").write_text(
        json.dumps(
            {
                "format": "vn-persistent",
                "version": 1,
                "seen": {"forest": ["a", 5, None, "b"], "bad": "not a list"},
                "endings": ["village", 3],
                "preferences": {"text_speed": "fast", "music_volume": 0.1},
            }
        ),
        encoding="utf-8",
    )
    persistent = Persistent.load(folder)
    assert persistent.seen == {"forest/a", "forest/b"}
    assert persistent.endings == {"village"}
    assert persistent.preferences.text_speed == 40
    assert persistent.preferences.music_volume == 0.1
    assert [p.name for p in folder.iterdir()] == ["persistent.json"]  # nothing set aside


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"\x00" * 100,
        b"[1, 2, 3]",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "vn-persistent", "version": 99}',
        b'{"format": "vn-persistent", "version": 1, "seen": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    ],
)
def test_damaged_file_is_set_aside_and_defaults_used(folder, content, caplog):
    folder.mkdir()
    (folder / "persistent.json").write_bytes(content)
    caplog.set_level(logging.WARNING, logger="vn.save")
    persistent = Persistent.load(folder, clock=lambda: 1_800_000_000.0)
    assert persistent.seen == frozenset()
    assert persistent.preferences == Preferences()
    kept = folder / "persistent.json.damaged-20270115-080000"
    assert kept.read_bytes() == content
    assert not (folder / "persistent.json").exists()
    assert any("damaged" in record.getMessage() for record in caplog.records)
    persistent.mark_seen("a")
    persistent.save()
    assert Persistent.load(folder).seen == {"a"}


def test_a_second_damage_in_the_same_second_is_kept_too(folder):
    folder.mkdir()
    for content in (b"first", b"second"):
        (folder / "persistent.json").write_bytes(content)
        Persistent.load(folder, clock=lambda: 1_800_000_000.0)
    assert (folder / "persistent.json.damaged-20270115-080000").read_bytes() == b"first"
    assert (folder / "persistent.json.damaged-20270115-080000-2").read_bytes() == b"second"


def test_a_folder_in_place_of_the_file_is_set_aside(folder):
    (folder / "persistent.json").mkdir(parents=True)
    persistent = Persistent.load(folder, clock=lambda: 1_800_000_000.0)
    assert persistent.seen == frozenset()
    assert (folder / "persistent.json.damaged-20270115-080000").is_dir()


def test_oversized_file_is_set_aside(folder):
    folder.mkdir()
    with (folder / "persistent.json").open("wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    assert Persistent.load(folder).seen == frozenset()
    assert not (folder / "persistent.json").exists()


def test_a_failed_save_keeps_the_old_file(folder, monkeypatch):
    folder.mkdir()
    Persistent(folder, seen=["forest/a"]).save()
    before = (folder / "persistent.json").read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.write", full)
    with pytest.raises(SaveError) as caught:
        Persistent(folder, seen=["forest/a", "forest/b"]).save()
    monkeypatch.undo()
    assert caught.value.code == "disk-full"
    assert (folder / "persistent.json").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["persistent.json"]
