"""Kill a writing process at random moments, hundreds of times: every slot must always
hold a whole save (the old one or the new one), never a broken one."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vn.save import SaveStore, SlotStatus
from vn.save.atomic import is_temp_name

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 200
SEED = 20261123


class Writers:
    """Talks to crash_writer.py, which forks a fresh writer on demand."""

    def __init__(self, folder: Path) -> None:
        self.server = subprocess.Popen(
            [sys.executable, str(WRITER), str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self._answer() == "ready"

    def _answer(self) -> str:
        assert self.server.stdout is not None
        line = self.server.stdout.readline().decode().strip()
        if not line:
            _, err = self.server.communicate(timeout=10)
            pytest.fail(f"the writer failed: {err.decode(errors='replace')}")
        return line

    def _send(self, line: str) -> str:
        assert self.server.stdin is not None
        self.server.stdin.write(line.encode() + b"\n")
        self.server.stdin.flush()
        return self._answer()

    def start(self, first: int) -> int:
        return int(self._send(f"write {first}"))

    def kill(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        ended_by = int(self._send(f"reap {pid}"))
        assert ended_by == signal.SIGKILL, "the writer stopped by itself (an error?)"

    def close(self) -> None:
        self.server.kill()
        self.server.communicate()


def _thumbnail(number: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + str(number).encode() * (number % 500 + 1)


def _check(store: SaveStore, newest: dict[str, int]) -> int:
    """Every slot is empty or whole and no older than before; returns how many hold saves."""
    whole = 0
    for info in store.slots():
        assert info.status is not SlotStatus.DAMAGED, f"{info.slot}: {info.reason}"
        if info.status is SlotStatus.EMPTY:
            assert info.slot not in newest, f"{info.slot} lost its save"
            continue
        saved = store.read(info.slot)
        assert hashlib.sha256(saved["payload"].encode()).hexdigest() == saved["digest"]
        assert saved["slot"] in (info.slot, "auto")
        assert info.meta["n"] == saved["n"]
        if info.kind != "auto":
            assert saved["n"] >= newest.get(info.slot, -1), f"{info.slot} went back in time"
        if info.thumbnail is not None:
            assert info.thumbnail.read_bytes() == _thumbnail(saved["n"])
        newest[info.slot] = saved["n"]
        whole += 1
    return whole


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer restarts by forking")
def test_killing_the_writer_never_leaves_a_broken_save(tmp_path):
    folder = tmp_path / "saves"
    folder.mkdir()
    rng = random.Random(SEED)
    reader = SaveStore(folder)
    newest: dict[str, int] = {}
    temps_seen: set[str] = set()
    writers = Writers(folder)
    try:
        for cycle in range(KILLS):
            pid = writers.start(cycle * 1_000_000)
            time.sleep(rng.uniform(0.0, 0.03))
            writers.kill(pid)
            temps_seen.update(p.name for p in folder.iterdir() if is_temp_name(p.name))
            _check(reader, newest)
    finally:
        writers.close()
    assert len(newest) >= 4, "the writer hardly wrote anything; the test proved nothing"
    assert temps_seen, "no kill landed inside a write; the test proved nothing"

    # Leftover temp files never show as slots, and a later start clears them away.
    SaveStore(folder, clock=lambda: time.time() + 3600)
    assert not [p.name for p in folder.iterdir() if is_temp_name(p.name)]
    assert _check(SaveStore(folder), newest) == len(newest)
