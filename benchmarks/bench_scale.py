"""Scale: a script a hundred times longer than the game's, loaded, checked, exported and saved.

A generated script (never committed: written to a temporary folder each run) of N lines in
N/200 scenes, using the game's own characters and assets, with staging between the lines.
- load and validate 100,000 lines in a child: seconds and peak resident memory (from wait4 for
  that child), beside the floor of parsing the same files with the YAML C loader alone; cold
  (no cache) and warm (from the script cache a first load wrote);
- `vn check` and `vn dialogue` at 10,000 and 100,000 lines: the 100k time beside ten times the
  10k time (what linear growth would give);
- after 10,000 lines read: a save (state + thumbnail) timed and weighed, beside the floor of
  an atomic write of the same bytes, and the persistent seen-lines file after them.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench_support import (
    Figure,
    child_env,
    dummy_env,
    emit,
    limit_figure,
    median,
    python_child,
    ratio_figure,
    run_child,
)

LINES_PER_SCENE = 200
SCENES_PER_FILE = 50
TARGET_LOAD_S = 1.0
TARGET_PEAK_MB = 300.0
TARGET_GROWTH = 1.2  # at most this much above linear
TARGET_SAVE_KB = 200.0
TARGET_SAVE_MS = 50.0
SAVE_AFTER_LINES = 10_000

CHARACTERS = {
    "kotetsu": ("Kotetsu", "#e3a948", ("default", "grief", "strained")),
    "izumo": ("Izumo", "#82b6e6", ("default", "fading", "gone")),
    "iwashi": ("Iwashi", "#9ad67f", ("default", "crying")),
}
BACKGROUNDS = ("forest_deep", "forest_edge", "dirt_path", "gate")
PROSE = (
    "the path bent under the trees and the light went grey as he walked on through mud and "
    "roots while the village waited somewhere past the ridge and the wind came cold"
)
WORDS = tuple(PROSE.split())


# ----- the generated script -------------------------------------------------------------------
def write_script(folder: Path, lines: int) -> Path:
    """A valid script of `lines` lines in `lines / 200` scenes under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "00-game.yaml").write_text(_game_yaml(), encoding="utf-8")
    scenes = max(1, lines // LINES_PER_SCENE)
    for first in range(0, scenes, SCENES_PER_FILE):
        chunk = range(first, min(scenes, first + SCENES_PER_FILE))
        text = "scenes:\n" + "".join(_scene_yaml(number) for number in chunk)
        (folder / f"{first // SCENES_PER_FILE + 1:03d}-part.yaml").write_text(
            text, encoding="utf-8"
        )
    return folder


def _game_yaml() -> str:
    people = "".join(
        f'  {cid}: {{name: {name}, color: "{colour}"}}\n'
        for cid, (name, colour, _) in CHARACTERS.items()
    )
    return (
        "game:\n  title: The Long Road\n  content_note: Generated for measuring.\n"
        "  title_background: title\n  title_music: motif\n"
        "  ending:\n    background: ending\n    text: The End\n    music: motif\n"
        f"characters:\n{people}"
    )


def _scene_yaml(number: int) -> str:
    ids = list(CHARACTERS)
    a, b = ids[number % len(ids)], ids[(number + 1) % len(ids)]
    out = [
        f"  - scene: s{number}\n    title: Part {number}\n    body:\n",
        f"      - bg: {BACKGROUNDS[number % len(BACKGROUNDS)]}\n        transition: fade\n",
        "      - ambience: forest_wind\n",
        f"      - show: {a}\n        at: left\n",
        f"      - show: {b}\n        at: right\n        transition: dissolve\n",
    ]
    for index in range(LINES_PER_SCENE):
        words = " ".join(WORDS[(index + k) % len(WORDS)] for k in range(6 + index % 14))
        text = f"Line {index} of part {number}, {words}."
        kind = index % 5
        if kind in (0, 1):
            out.append(f"      - {text}\n")
        elif kind == 2:
            out.append(f"      - {a}: {text}\n")
        elif kind == 3:
            out.append(f"      - {b}: {text}\n        manner: murmur\n")
        else:
            out.append(f"      - {a}: {text}\n        thought: true\n")
        if index % 40 == 39:
            expression = CHARACTERS[a][2][index % len(CHARACTERS[a][2])]
            out.append(f"      - show: {a}\n        expression: {expression}\n        at: left\n")
    return "".join(out)


# ----- the parent -----------------------------------------------------------------------------
def run(quick: bool = False) -> list[Figure]:
    repeats, small_lines = (1, 2_000) if quick else (3, 10_000)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as root:
        small = write_script(Path(root) / "small", small_lines)
        big = write_script(Path(root) / "big", small_lines * 10)
        figures += _load_figures(big, repeats, small_lines * 10)
        figures += _cli_figures(small, big, repeats, small_lines)
        figures += _save_figures(big, repeats)
    return figures


def _load_figures(big: Path, repeats: int, lines: int) -> list[Figure]:
    """Cold: YAML read and validated, no cache. Warm: the same script from the script cache
    (files read and hashed, asset names listed, the JSON model read back)."""
    with tempfile.TemporaryDirectory() as cache:
        primed = run_child(python_child("bench_scale", "load", str(big), cache)).json()
        colds, warms, floors = [], [], []
        for _ in range(repeats + 1):  # the first of each warms the OS and bytecode caches
            floors.append(run_child(python_child("bench_scale", "parse", str(big))))
            colds.append(run_child(python_child("bench_scale", "load", str(big))))
            warms.append(run_child(python_child("bench_scale", "load", str(big), cache)))
    floor = median([r.json()["seconds"] for r in floors[1:]])
    cold, warm = colds[1:], warms[1:]
    name = f"{lines:,} lines / {lines // LINES_PER_SCENE} scenes"
    return [
        limit_figure(
            "scale",
            f"load + validate {name}, cold (no cache)",
            median([r.json()["seconds"] for r in cold]),
            "s",
            most=TARGET_LOAD_S,
            floor=floor,
            note="floor: the YAML C loader alone on the same files",
        ),
        limit_figure(
            "scale",
            f"load {name} from the script cache (warm)",
            median([r.json()["seconds"] for r in warm]),
            "s",
            most=TARGET_LOAD_S,
            floor=floor,
            note=f"the cold load that wrote the cache took {primed['seconds']:.2f} s",
        ),
        limit_figure(
            "scale",
            f"peak RSS loading {lines:,} lines (cold)",
            median([r.max_rss_mb for r in cold]),
            "MB",
            most=TARGET_PEAK_MB,
            floor=median([r.max_rss_mb for r in floors[1:]]),
            note=f"warm: {median([r.max_rss_mb for r in warm]):.0f} MB; "
            "floor: the YAML C loader alone",
        ),
    ]


def _cli_figures(small: Path, big: Path, repeats: int, lines: int) -> list[Figure]:
    from bench_support import ROOT

    assets = str(ROOT / "assets")
    figures = []
    for command in ("check", "dialogue"):
        times: dict[Path, list[float]] = {small: [], big: []}
        for index in range(repeats + 1):
            for folder in (small, big):
                argv = [sys.executable, "-m", "vn", command, str(folder), "--assets", assets]
                result = run_child(argv, env=child_env())
                if result.code != 0:
                    raise RuntimeError(f"vn {command} failed: {result.stderr[-1500:]}")
                if index:
                    times[folder].append(result.wall)
        t_small, t_big = median(times[small]), median(times[big])
        figures.append(
            ratio_figure(
                "scale",
                f"vn {command}: {lines * 10:,} lines ({lines:,} took {t_small:.2f} s)",
                t_big,
                10 * t_small,
                "s",
                TARGET_GROWTH,
                note="floor: 10 x the smaller script's time (linear growth)",
            )
        )
    return figures


def _save_figures(big: Path, repeats: int) -> list[Figure]:
    result = run_child(
        python_child("bench_scale", "save", str(big), str(max(3, repeats * 3))), env=dummy_env()
    ).json()
    return [
        limit_figure(
            "scale",
            f"save after {SAVE_AFTER_LINES:,} lines: size (state + thumbnail)",
            result["bytes"] / 1024,
            "KB",
            most=TARGET_SAVE_KB,
            note=f"state {result['state_bytes'] / 1024:.0f} KB, "
            f"thumbnail {result['png_bytes'] / 1024:.0f} KB",
        ),
        limit_figure(
            "scale",
            f"save after {SAVE_AFTER_LINES:,} lines: time",
            result["ms"],
            "ms",
            most=TARGET_SAVE_MS,
            floor=result["floor_ms"],
            note="to_json + thumbnail + write; floor: atomic write of the same bytes",
        ),
        limit_figure(
            "scale",
            f"persistent.json after {SAVE_AFTER_LINES:,} lines seen",
            result["persistent_bytes"] / 1024,
            "KB",
            most=TARGET_SAVE_KB,
            floor=result["ids_bytes"] / 1024,
            note="floor: the seen ids joined by newlines",
        ),
    ]


# ----- the children ---------------------------------------------------------------------------
def child_parse(folder: Path) -> dict[str, float]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    for file in sorted(folder.glob("*.yaml")):
        yaml.load(file.read_bytes(), Loader=loader)  # the C *safe* loader
    return {"seconds": time.perf_counter() - start}


def child_load(folder: Path, cache: Path | None = None) -> dict[str, float]:
    from vn.paths import ASSETS_DIR
    from vn.script import AssetResolver, load_script

    start = time.perf_counter()
    script = load_script(folder, assets=AssetResolver(ASSETS_DIR), cache_dir=cache)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "lines": sum(1 for _ in script.lines())}


def child_save(folder: Path, repeats: int) -> dict[str, float]:
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from vn.paths import ASSETS_DIR
    from vn.runtime import Engine
    from vn.save import Persistent, SaveStore
    from vn.save.atomic import atomic_write
    from vn.script import AssetResolver, load_script
    from vn.script.model import Line
    from vn.ui.images import ImageCache
    from vn.ui.saving import capture_thumbnail, save_meta

    assets = AssetResolver(ASSETS_DIR)
    script = load_script(folder, assets=assets)
    engine = Engine(script)
    with tempfile.TemporaryDirectory() as saves:
        persistent = Persistent(Path(saves))
        read = 0
        while read < SAVE_AFTER_LINES:
            directive = engine.next()
            if isinstance(directive, Line):
                read += 1
                persistent.mark_seen(directive.id)
        persistent.save()
        pygame.display.init()
        pygame.display.set_mode((1280, 720))
        picture = ImageCache(assets.resolve).scaled(
            "backgrounds", engine.state.background or "black", (1280, 720)
        )
        store = SaveStore(Path(saves))
        times, floors = [], []
        for index in range(repeats):
            start = time.perf_counter()
            png = capture_thumbnail(picture.surface)
            store.write("1-1", save_meta(script, engine), engine.to_json(), png)
            times.append(time.perf_counter() - start)
            state_bytes = store.json_path("1-1").read_bytes()
            start = time.perf_counter()
            atomic_write(Path(saves) / f"floor-{index}.json", state_bytes)
            atomic_write(Path(saves) / f"floor-{index}.png", png)
            floors.append(time.perf_counter() - start)
        ids = "\n".join(sorted(persistent.seen)).encode()
        return {
            "ms": median(times) * 1000,
            "floor_ms": median(floors) * 1000,
            "bytes": len(state_bytes) + len(png),
            "state_bytes": len(state_bytes),
            "png_bytes": len(png),
            "persistent_bytes": persistent.path.stat().st_size,
            "ids_bytes": len(ids),
        }


if __name__ == "__main__":
    mode = sys.argv[1:3]
    if mode == ["child", "parse"]:
        emit(child_parse(Path(sys.argv[3])))
    elif mode == ["child", "load"]:
        emit(child_load(Path(sys.argv[3]), Path(sys.argv[4]) if len(sys.argv) > 4 else None))
    elif mode == ["child", "save"]:
        emit(child_save(Path(sys.argv[3]), int(sys.argv[4])))
    else:
        for figure in run(quick="--quick" in sys.argv):
            print(figure)
