"""Frame cost at the heaviest moment the game draws.

A dissolve between two full-screen backgrounds with two characters standing, while a long
line types out in the text box, drawn and presented through the app's own render path every
frame (forced, as if everything were dirty). CPU time per frame (`time.process_time`, silent
audio) against a floor of one full-screen blit and present into the same window, in the same
process, in alternating blocks. Run in a child per window size under the dummy video driver.
"""

from __future__ import annotations

import sys
import time

from bench_support import (
    Figure,
    dummy_env,
    emit,
    limit_figure,
    median,
    percentile,
    python_child,
    ratio_figure,
    run_child,
)

SIZES = ((1280, 720), (1920, 1080))
TARGET_RATIO = 3.0
TARGET_P99_MS = 8.0
DT = 1.0 / 60.0


def run(quick: bool = False) -> list[Figure]:
    frames, rounds = (60, 3) if quick else (120, 7)
    figures: list[Figure] = []
    for width, height in SIZES:
        result = run_child(
            python_child("bench_frame", str(width), str(height), str(frames), str(rounds)),
            env=dummy_env(),
        ).json()
        where = f"{width}x{height}"
        figures.append(
            ratio_figure(
                "frame",
                f"heaviest frame, mean CPU ({where})",
                result["mean_ms"],
                result["floor_mean_ms"],
                "ms",
                TARGET_RATIO,
                note="dissolve of 2 backgrounds + 2 characters + typing; floor: 1 blit + present",
            )
        )
        figures.append(
            limit_figure(
                "frame",
                f"heaviest frame, 99th percentile ({where})",
                result["p99_ms"],
                "ms",
                most=TARGET_P99_MS,
                floor=result["floor_p99_ms"],
            )
        )
    return figures


# ----- the child ------------------------------------------------------------------------------
def child(width: int, height: int, frames: int, rounds: int) -> dict[str, float]:
    import os
    import tempfile
    from pathlib import Path

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from vn.paths import ASSETS_DIR, SCRIPT_DIR
    from vn.script import AssetResolver, load_script

    assets = AssetResolver(ASSETS_DIR)
    script = load_script(SCRIPT_DIR, assets=assets)
    with tempfile.TemporaryDirectory() as folder:
        app, game = _heaviest_moment(script, assets, Path(folder), (width, height), frames)
        floor_surface = pygame.Surface(app.window.get_size()).convert()
        floor_surface.fill((40, 60, 80))
        game_times: list[float] = []
        floor_times: list[float] = []
        game_means: list[float] = []
        floor_means: list[float] = []
        _game_frames(app, game, frames // 4)  # warm every cache first
        for _ in range(rounds):
            block = _floor_frames(app.window, floor_surface, frames)
            floor_times += block
            floor_means.append(sum(block) / len(block))
            block = _game_frames(app, game, frames)
            game_times += block
            game_means.append(sum(block) / len(block))
    return {
        "mean_ms": median(game_means) * 1000,
        "floor_mean_ms": median(floor_means) * 1000,
        "p99_ms": percentile(game_times, 0.99) * 1000,
        "floor_p99_ms": percentile(floor_times, 0.99) * 1000,
        "frames": len(game_times),
    }


def _heaviest_moment(script, assets, folder, size, frames):  # type: ignore[no-untyped-def]
    """The app with a game screen mid-dissolve and a long line starting to type."""
    from vn.runtime.state import State
    from vn.script.model import Line, Show
    from vn.ui.app import App
    from vn.ui.audio import SilentAudio
    from vn.ui.screens.game import GameScreen
    from vn.ui.textbox import Speech

    app = App(script, assets.resolve, folder, audio=SilentAudio(), window_size=size)
    game = GameScreen(app)
    app.push(game)
    shows = [s for s in script.statements() if isinstance(s, Show)]
    pair: list[Show] = []
    for show in shows:
        if all(p.character != show.character for p in pair):
            pair.append(show)
    places = ("left", "right")
    sprites = tuple((s.character, s.expression, places[i]) for i, s in enumerate(pair[:2]))
    backgrounds = sorted(set(_background_names(script)))[:2]
    before = State(background=backgrounds[0], sprites=sprites)
    after = State(background=backgrounds[-1], sprites=sprites)
    longest = max(
        (s for s in script.statements() if isinstance(s, Line) and s.speaker),
        key=lambda s: len(s.text),
    )
    character = script.characters[longest.speaker]  # type: ignore[index]
    speech = Speech(longest.text, "dialogue", character.name, (220, 180, 90), None)
    game._heaviest = (before, after, speech, frames * DT)  # type: ignore[attr-defined]
    _restart(game)
    return app, game


def _background_names(script):  # type: ignore[no-untyped-def]
    from vn.script.model import Background

    return [s.name for s in script.statements() if isinstance(s, Background) and s.name]


def _restart(game) -> None:  # type: ignore[no-untyped-def]
    """Begin the dissolve and the typing again from their start."""
    from vn.ui.transitions import Transition

    before, after, speech, seconds = game._heaviest
    game.wait = 0.0
    game.card = None
    game.effects.clear()
    game.hidden = False
    game.stage.show_state(before)
    old = game.stage.picture().copy()
    game.stage.show_state(after)
    game.stage.transition = Transition("dissolve", old, game.stage.picture(), seconds)
    game.box.visible = True
    game.box.cps = 30.0
    game.box.show(speech)


def _game_frames(app, game, frames: int) -> list[float]:  # type: ignore[no-untyped-def]
    _restart(game)
    times = []
    for _ in range(frames):
        start = time.process_time()
        game.stage.update(DT)
        game.box.update(DT)
        game.dirty = True
        app.render(force=True)
        times.append(time.process_time() - start)
    return times


def _floor_frames(window, surface, frames: int) -> list[float]:  # type: ignore[no-untyped-def]
    import pygame

    times = []
    for _ in range(frames):
        start = time.process_time()
        window.blit(surface, (0, 0))
        pygame.display.flip()
        times.append(time.process_time() - start)
    return times


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        w, h, n, r = (int(x) for x in sys.argv[2:6])
        emit(child(w, h, n, r))
    else:
        for figure in run(quick="--quick" in sys.argv):
            print(figure)
