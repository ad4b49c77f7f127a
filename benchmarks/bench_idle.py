"""Idle: the CPU the game uses while a finished line waits for a click.

The game child plays up to the first line of the story, lets it finish typing and the continue
indicator settle, then runs the app's real loop (real clock, real sleeping, the mixer on the
dummy audio driver). The parent reads the child's utime+stime from /proc/PID/stat over the
window. The floor is a pygame process with a window that only polls events every 40 ms,
measured over the same seconds, side by side. In a real X window under Xvfb when it is
installed, else under the dummy driver (said in the figure's name).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench_support import (
    Figure,
    dummy_env,
    have_xvfb,
    limit_figure,
    median,
    python_child,
    xvfb,
)

TARGET_PERCENT = 1.0
SETTLE_SECONDS = 4.0  # the continue indicator bobs for 3 s, then rests


def run(quick: bool = False) -> list[Figure]:
    seconds, repeats = (3.0, 1) if quick else (10.0, 3)
    if have_xvfb():
        with xvfb() as env:
            game, floor = _measure(env, seconds, repeats)
        where = "Xvfb"
    else:
        game, floor = _measure(dummy_env(), seconds, repeats)
        where = "dummy driver, no Xvfb"
    return [
        limit_figure(
            "idle",
            f"finished line waiting, % of one core ({where}, {seconds:g} s)",
            game,
            "%",
            most=TARGET_PERCENT,
            floor=floor,
            note="floor: a window polling events every 40 ms",
        )
    ]


def _measure(env: dict[str, str], seconds: float, repeats: int) -> tuple[float, float]:
    games, floors = [], []
    for _ in range(repeats):
        game = subprocess.Popen(python_child("bench_idle", "game"), env=env, **_pipes())
        floor = subprocess.Popen(python_child("bench_idle", "floor"), env=env, **_pipes())
        try:
            _wait_ready(game)
            _wait_ready(floor)
            start = (_cpu_ticks(game.pid), _cpu_ticks(floor.pid), time.monotonic())
            time.sleep(seconds)
            wall = time.monotonic() - start[2]
            games.append(_percent(_cpu_ticks(game.pid) - start[0], wall))
            floors.append(_percent(_cpu_ticks(floor.pid) - start[1], wall))
        finally:
            for process in (game, floor):
                process.kill()
                process.wait()
    return median(games), median(floors)


def _pipes() -> dict[str, object]:
    from bench_support import ROOT

    return {"stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL, "cwd": ROOT, "text": True}


def _wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != "ready":
        raise RuntimeError(f"idle child did not start (said {line!r})")


def _cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def _percent(ticks: int, wall: float) -> float:
    return 100.0 * ticks / os.sysconf("SC_CLK_TCK") / wall


# ----- the children ---------------------------------------------------------------------------
def child_game() -> None:
    import tempfile
    from pathlib import Path

    from vn.paths import ASSETS_DIR, SCRIPT_DIR
    from vn.script import AssetResolver, load_script
    from vn.ui import actions as a
    from vn.ui.actions import Action
    from vn.ui.app import App
    from vn.ui.screens.game import GameScreen

    assets = AssetResolver(ASSETS_DIR)
    script = load_script(SCRIPT_DIR, assets=assets)
    with tempfile.TemporaryDirectory() as folder:
        app = App(script, assets.resolve, Path(folder))
        app.show_title()
        app.render(force=True)
        app.dispatch(Action(a.ADVANCE))  # Start
        app.dispatch(Action(a.ADVANCE))  # the content note
        game = app.stack.top
        assert isinstance(game, GameScreen)
        while not game.line_complete:
            app.dispatch(Action(a.ADVANCE))
            app.step(0.02)
        settle = time.monotonic() + SETTLE_SECONDS
        while time.monotonic() < settle:
            app.run_once()
        print("ready", flush=True)
        while True:
            app.run_once()


def child_floor() -> None:
    import pygame

    pygame.display.init()
    window = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    window.fill((0, 0, 0))
    pygame.display.flip()
    print("ready", flush=True)
    while True:
        pygame.event.get()
        time.sleep(0.04)


if __name__ == "__main__":
    if sys.argv[1:3] == ["child", "game"]:
        child_game()
    elif sys.argv[1:3] == ["child", "floor"]:
        child_floor()
    else:
        for figure in run(quick="--quick" in sys.argv):
            print(figure)
