"""Skip, auto-forward and seen-line rules on made-up time (no window)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vn.save import Persistent
from vn.ui.reading import (
    HELD,
    OFF,
    TOGGLED,
    Auto,
    Moment,
    SeenLines,
    Skip,
    auto_delay,
)


def moment(
    token: object = 1,
    line_id: str | None = "s/a",
    chars: int = 30,
    complete: bool = True,
    busy: bool = False,
    unread: bool = False,
) -> Moment:
    return Moment(token, line_id, chars, complete, busy, unread)


def test_held_skip_ends_on_release_but_a_toggled_one_does_not() -> None:
    skip = Skip()
    skip.hold(True)
    assert skip.mode == HELD
    skip.hold(False)
    assert skip.mode == OFF
    skip.toggle()
    skip.hold(True)
    skip.hold(False)
    assert skip.mode == TOGGLED
    skip.toggle()
    assert not skip.active


def test_skip_credits_one_line_per_interval_and_caps_a_slow_frame() -> None:
    skip = Skip(interval=0.03, most_per_frame=4)
    skip.toggle()
    assert skip.due(0.0) == 1  # the first line goes at once
    assert skip.due(0.016) == 0
    assert skip.due(0.016) == 1
    assert skip.due(10.0) == 4
    total = sum(skip.due(1 / 60) for _ in range(60))
    assert 30 <= total <= 34  # about one line per 30 ms


def test_skip_stops_at_an_unread_line_unless_all_text_is_skipped() -> None:
    skip = Skip()
    skip.toggle()
    assert skip.may_pass(moment(unread=False), skip_unseen=False)
    assert skip.may_pass(moment(unread=True), skip_unseen=True)
    assert skip.active
    assert not skip.may_pass(moment(unread=True), skip_unseen=False)
    assert not skip.active


def test_skip_passes_staging_with_no_line_on_screen() -> None:
    skip = Skip()
    skip.hold(True)
    assert skip.may_pass(moment(line_id=None, unread=True), skip_unseen=False)


def test_auto_delay_grows_with_length_and_scales_with_the_preference() -> None:
    assert auto_delay(120, 2.0) > auto_delay(20, 2.0)
    assert auto_delay(40, 4.0) == pytest.approx(2 * auto_delay(40, 2.0))
    assert auto_delay(0, 2.0) > 0


def test_auto_goes_on_after_the_delay_on_a_fake_clock() -> None:
    auto = Auto()
    auto.toggle()
    delay = auto_delay(30, 2.0)
    steps = round(delay / 0.01)
    fired = [auto.update(0.01, moment(), 2.0) for _ in range(steps + 1)]
    assert fired.index(True) in (steps - 1, steps)
    assert fired.count(True) == 1


def test_auto_does_not_count_while_busy_or_typing() -> None:
    auto = Auto()
    auto.toggle()
    for _ in range(1000):
        assert not auto.update(0.1, moment(busy=True), 2.0)
        assert not auto.update(0.1, moment(complete=False), 2.0)
    # the count starts over once the transition is done
    assert not auto.update(auto_delay(30, 2.0) - 0.05, moment(), 2.0)
    assert auto.update(0.1, moment(), 2.0)


def test_auto_restarts_its_count_on_a_new_page() -> None:
    auto = Auto()
    auto.toggle()
    delay = auto_delay(30, 2.0)
    assert not auto.update(delay * 0.9, moment(token=1), 2.0)
    assert not auto.update(delay * 0.9, moment(token=2), 2.0)
    assert auto.update(delay * 0.2, moment(token=2), 2.0)


def test_auto_off_never_goes_on() -> None:
    auto = Auto()
    assert not any(auto.update(1.0, moment(), 0.5) for _ in range(100))


def test_seen_lines_are_written_in_batches_and_on_flush(tmp_path: Path) -> None:
    persistent = Persistent.load(tmp_path)
    seen = SeenLines(persistent, write_every=3)
    assert seen.mark("s/a") is False
    assert seen.mark("s/a") is True
    seen.mark("s/b")
    assert not persistent.path.exists()
    seen.mark("s/c")
    assert Persistent.load(tmp_path).seen == {"s/a", "s/b", "s/c"}
    seen.mark("s/d")
    assert "s/d" not in Persistent.load(tmp_path).seen
    assert seen.flush()
    assert "s/d" in Persistent.load(tmp_path).seen
    assert json.loads(persistent.path.read_text())["format"] == "vn-persistent"


def test_seen_lines_survive_a_refused_write(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    persistent = Persistent.load(folder)
    seen = SeenLines(persistent, write_every=100)
    seen.mark("s/a")
    folder.rmdir()
    folder.write_text("not a folder")
    assert not seen.flush()
    assert seen.unsaved == 1
    folder.unlink()
    folder.mkdir()
    assert seen.flush()
    assert Persistent.load(folder).seen == {"s/a"}
