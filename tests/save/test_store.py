"""Round trips, slot listing, deletion, "Continue", autosave rotation and thumbnails."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from vn.save import SaveError, SaveStore, SlotLayout, SlotStatus


def test_round_trip_keeps_state_and_meta(store, meta, state, png, clock):
    info = store.write("1-1", meta, state, png)
    assert store.read("1-1") == state
    assert info.status is SlotStatus.OK
    assert info.saved_at == datetime.fromtimestamp(clock.now, timezone.utc)
    assert (info.scene_title, info.speaker, info.line_text) == (
        "The Forest",
        "Kotetsu",
        "Shut up, Izumo.",
    )
    assert info.version == 2
    assert info.thumbnail == store.folder / "1-1.png"
    assert info.thumbnail.read_bytes() == png
    assert store.read_meta("1-1") == info


def test_overwrite_replaces_the_previous_save(store, meta, state, clock):
    store.write("quick", meta, state)
    clock.advance(5)
    store.write("quick", {"scene_title": "Village"}, {"line": "village/x"})
    assert store.read("quick") == {"line": "village/x"}
    assert store.read_meta("quick").scene_title == "Village"


def test_file_starts_with_a_compact_header_line(store, meta, state):
    store.write("1-2", meta, state)
    first, _, rest = (store.folder / "1-2.json").read_bytes().partition(b"\n")
    assert first.startswith(b'{"format":"vn-save","version":2')
    assert b"\n" not in rest  # the state is one line too; newlines in text are escaped


def test_slots_lists_every_slot_in_order(store, meta, state):
    store.write("2-3", meta, state)
    infos = store.slots()
    names = [info.slot for info in infos]
    pages = [f"{page}-{index}" for page in (1, 2, 3) for index in range(1, 7)]
    assert names == [*pages, "quick", "auto-1", "auto-2", "auto-3"]
    assert [info.slot for info in infos if info.ok] == ["2-3"]
    assert all(info.status is SlotStatus.EMPTY for info in infos if info.slot != "2-3")


def test_layout_is_configurable(folder, clock):
    store = SaveStore(folder, clock=clock, layout=SlotLayout(pages=2, per_page=2, autosaves=1))
    assert [info.slot for info in store.slots()] == ["1-1", "1-2", "2-1", "2-2", "quick", "auto-1"]
    assert store.layout.page_slots(2) == ["2-1", "2-2"]
    with pytest.raises(ValueError):
        store.write("3-1", {}, {})


@pytest.mark.parametrize("bad", ["9-9", "../persistent", "", "auto-4", "1-7"])
def test_unknown_slot_names_are_refused(store, bad):
    with pytest.raises(ValueError):
        store.read_meta(bad)


def test_folder_is_created_when_missing(tmp_path, clock):
    folder = tmp_path / "a" / "b" / "saves"
    SaveStore(folder, clock=clock)
    assert folder.is_dir()


def test_line_text_is_cut_to_its_first_words(store, state):
    long_line = "I can see the village from here, past the trees and the river and the hill."
    info = store.write("1-1", {"line_text": " ".join([long_line] * 3)}, state)
    assert len(info.line_text) <= 80
    assert info.line_text.endswith("…")
    shown, full = info.line_text[:-1], " ".join([long_line] * 3)
    assert full.startswith(shown)
    assert full[len(shown)] == " "  # cut between words


def test_extra_meta_fields_are_kept(store, state):
    info = store.write("1-1", {"chapter": 2, "route": "village"}, state)
    assert info.meta["chapter"] == 2
    assert info.meta["route"] == "village"


def test_meta_that_is_not_plain_data_is_refused(store, state):
    with pytest.raises(ValueError):
        store.write("1-1", {"scene_title": ["a", "list"]}, state)


def test_reading_an_empty_slot_raises(store):
    with pytest.raises(SaveError) as caught:
        store.read("1-1")
    assert caught.value.code == "empty-slot"


def test_delete_empties_the_slot_and_its_thumbnail(store, meta, state, png):
    store.write("1-4", meta, state, png)
    store.delete("1-4")
    assert store.read_meta("1-4").status is SlotStatus.EMPTY
    assert not (store.folder / "1-4.png").exists()
    store.delete("1-4")  # deleting an empty slot is harmless
    assert store.read_meta("1-4").status is SlotStatus.EMPTY


def test_latest_is_the_newest_readable_save_of_any_kind(store, meta, state, clock):
    assert store.latest() is None
    store.write("1-1", meta, state)
    clock.advance(10)
    store.autosave(meta, state)
    clock.advance(10)
    store.write("quick", meta, state)
    clock.advance(10)
    store.write("2-2", meta, state)
    assert store.latest().slot == "2-2"
    (store.folder / "2-2.json").write_bytes(b"garbage")
    assert store.latest().slot == "quick"


def test_autosaves_rotate_over_the_oldest(store, meta, clock):
    written = []
    for number in range(5):
        clock.advance(1)
        written.append(store.autosave(meta, {"n": number}).slot)
    assert written == ["auto-1", "auto-2", "auto-3", "auto-1", "auto-2"]
    assert store.read("auto-3") == {"n": 2}
    assert store.read("auto-1") == {"n": 3}


def test_autosave_overwrites_a_damaged_autosave_first(store, meta, clock):
    for number in range(3):
        clock.advance(1)
        store.autosave(meta, {"n": number})
    (store.folder / "auto-3.json").write_bytes(b"\x00" * 10)
    clock.advance(1)
    assert store.autosave(meta, {"n": 9}).slot == "auto-3"


def test_a_mismatched_thumbnail_shows_no_thumbnail(store, meta, state, png):
    store.write("1-1", meta, state, png)
    (store.folder / "1-1.png").write_bytes(png + b"changed")
    assert store.thumbnail_path("1-1") is None
    assert store.read("1-1") == state  # the save itself is fine


def test_a_missing_thumbnail_shows_no_thumbnail(store, meta, state, png):
    store.write("1-1", meta, state, png)
    (store.folder / "1-1.png").unlink()
    assert store.thumbnail_path("1-1") is None
    assert store.read_meta("1-1").ok


def test_saving_without_a_thumbnail_drops_the_old_one(store, meta, state, png):
    store.write("1-1", meta, state, png)
    store.write("1-1", meta, state, None)
    assert store.thumbnail_path("1-1") is None
    assert not (store.folder / "1-1.png").exists()


def test_read_meta_reads_only_the_header(store, meta, state):
    """A state garbled in place (same length) passes read_meta but not read or verify."""
    store.write("1-1", meta, state)
    path = store.folder / "1-1.json"
    data = bytearray(path.read_bytes())
    data[-3] = ord("#")
    path.write_bytes(bytes(data))
    assert store.read_meta("1-1").ok
    assert store.verify("1-1").status is SlotStatus.DAMAGED
    with pytest.raises(SaveError):
        store.read("1-1")


@pytest.mark.parametrize(
    ("state", "code"),
    [
        ({"x": float("nan")}, "state"),
        ({"x": float("inf")}, "state"),
        ({"x": object()}, "state"),
        ({"x": 10**40}, "state"),
        ({"x": "\ud800"}, "state"),
        (["not", "a", "dict"], "state"),
    ],
)
def test_unstorable_state_is_refused_and_the_old_save_kept(store, meta, state, code):
    store.write("1-1", meta, {"good": True})
    before = (store.folder / "1-1.json").read_bytes()
    with pytest.raises(SaveError) as caught:
        store.write("1-1", meta, state)
    assert caught.value.code == code
    assert caught.value.message.startswith("the game couldn't be saved: ")
    assert (store.folder / "1-1.json").read_bytes() == before


def test_stale_temp_files_are_removed_but_fresh_ones_kept(folder, clock, meta, state):
    SaveStore(folder, clock=clock).write("1-1", meta, state)
    stale = folder / ".1-1.json.abc123.tmp"
    fresh = folder / ".1-2.json.def456.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half a save")
    os.utime(stale, (clock.now - 3600, clock.now - 3600))
    os.utime(fresh, (clock.now, clock.now))
    store = SaveStore(folder, clock=clock)
    assert not stale.exists()
    assert fresh.exists()
    assert [info.slot for info in store.slots() if info.ok] == ["1-1"]


def test_saved_at_falls_back_when_the_clock_is_odd(folder, meta, state):
    store = SaveStore(folder, clock=lambda: 0.0)
    info = store.write("1-1", meta, state)
    assert info.saved_at == datetime.fromtimestamp(0, timezone.utc)


def test_kind_of_slot(store, meta, state):
    assert [store.read_meta(name).kind for name in ("1-1", "quick", "auto-2")] == [
        "page",
        "quick",
        "auto",
    ]


def test_paths_are_inside_the_folder(store: SaveStore):
    assert store.json_path("3-6") == store.folder / "3-6.json"
    assert store.png_path("auto-1") == Path(store.folder, "auto-1.png")


def test_latest_passes_over_a_newest_save_whose_header_reads_but_whose_body_is_broken(
    store, meta, state, clock
):
    store.write("1-1", meta, state)
    clock.advance(10)
    store.write("1-2", meta, state)
    path = store.folder / "1-2.json"
    header, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(header + b"\n" + body.replace(b"{", b"[", 1))  # same size, edited state
    assert store.read_meta("1-2").ok  # the header alone cannot tell
    assert store.latest().slot == "1-1"
