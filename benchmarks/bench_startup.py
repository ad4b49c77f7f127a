"""Start-up: from process start to the first presented frame of the title screen.

The game runs as `python main.py` inside a thin wrapper that wraps `pygame.display.flip` to
leave the process right after the first present (the app needs no hook of its own). The
floor is a process that imports pygame, opens a 1280x720 window and presents one frame.
Both are timed from the parent, spawn to exit, interleaved, the median of the repeats.
"""

from __future__ import annotations

import sys
import tempfile

from bench_support import (
    ROOT,
    Figure,
    dummy_env,
    have_xvfb,
    median,
    ratio_figure,
    run_child,
    xvfb,
)

TARGET_RATIO = 1.5

FLOOR_CODE = """\
import os
import pygame
pygame.display.init()
window = pygame.display.set_mode((1280, 720))
window.fill((0, 0, 0))
pygame.display.flip()
os._exit(0)
"""

# Leave right after the first present.
GAME_CODE = """\
import os, runpy, sys
import pygame
_flip = pygame.display.flip
def _first_flip(*args):
    _flip(*args)
    os._exit(0)
pygame.display.flip = _first_flip
sys.argv = ["main.py", "--windowed", "--save-dir", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
os._exit(3)
"""


def _once(code: str, env: dict[str, str], save_dir: str) -> float:
    result = run_child([sys.executable, "-c", code, save_dir], env=env, timeout=120)
    if result.code != 0:
        raise RuntimeError(f"start-up child failed ({result.code}): {result.stderr[-1500:]}")
    return result.wall


def measure(env: dict[str, str], repeats: int) -> tuple[float, float, float]:
    """Median seconds to the first frame: (game, floor, first start), after one warm-up of
    each. The game keeps one save folder, so its caches (script, fonts, title pixels) are
    warm as on every start after the first; a first start gets a new, empty save folder."""
    game: list[float] = []
    floor: list[float] = []
    first: list[float] = []
    with tempfile.TemporaryDirectory() as save_dir:
        _once(FLOOR_CODE, env, save_dir)
        _once(GAME_CODE, env, save_dir)
        for _ in range(repeats):
            floor.append(_once(FLOOR_CODE, env, save_dir))
            game.append(_once(GAME_CODE, env, save_dir))
            with tempfile.TemporaryDirectory() as fresh:
                first.append(_once(GAME_CODE, env, fresh))
    return median(game), median(floor), median(first)


def run(quick: bool = False) -> list[Figure]:
    repeats = 3 if quick else 9
    figures = []
    game, floor, first = measure(dummy_env(), repeats)
    figures += [_figure("dummy driver", game, floor), _first("dummy driver", first, floor)]
    if have_xvfb():
        with xvfb() as env:
            game, floor, first = measure(env, repeats)
        figures += [_figure("Xvfb", game, floor), _first("Xvfb", first, floor)]
    return figures


def _first(where: str, first: float, floor: float) -> Figure:
    return Figure(
        "start-up",
        f"first start, empty caches ({where})",
        first * 1000,
        "ms",
        floor * 1000,
        note="a new save folder: the script is read from YAML, fonts looked up, PNG decoded",
    )


def _figure(where: str, game: float, floor: float) -> Figure:
    return ratio_figure(
        "start-up",
        f"to first title frame ({where})",
        game * 1000,
        floor * 1000,
        "ms",
        TARGET_RATIO,
        note="floor: import pygame, open 1280x720, present once",
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for figure in run(quick="--quick" in sys.argv):
        print(figure)
