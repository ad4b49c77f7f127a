"""Render the key screens to PNG files, headless: `python -m vn.ui.screenshots OUT_DIR`.

Title, content note, narration, dialogue, a thought, a shouted line, a transition half-way, the
ending card: what a player sees, drawn by the real screens on the real script.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SHOWN_TRANSITIONS = ("dissolve", "wipe_right", "wipe_left")


def _headless() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def render_all(
    out: Path, script_path: Path | None = None, window: tuple[int, int] = (1280, 720)
) -> list[Path]:
    """Play the script headless in a `window` of that size and save the key frames into
    `out`, at the window's resolution; the files written."""
    _headless()
    import pygame

    from vn.paths import SCRIPT_DIR, default_assets_for
    from vn.script import AssetResolver, load_script
    from vn.ui.app import App
    from vn.ui.autoplay import FakeClock, press, run_for, top
    from vn.ui.screens.game import GameScreen

    path = script_path or SCRIPT_DIR
    assets = AssetResolver(default_assets_for(path))
    script = load_script(path, assets=assets)
    out.mkdir(parents=True, exist_ok=True)
    saves = Path(tempfile.mkdtemp(prefix="vn-screenshots-"))  # autosaves go here, not in `out`
    app = App(script, assets.resolve, saves, clock=FakeClock(), window_size=window)
    written: list[Path] = []

    def shot(name: str) -> None:
        app.render(force=True)
        target = out / f"{name}.png"
        pygame.image.save(app.canvas.surface, str(target))
        written.append(target)

    app.show_title()
    shot("01-title")
    press(app)
    shot("02-content-note")
    press(app)
    game = top(app)
    assert isinstance(game, GameScreen)

    wanted: dict[str, Callable[[GameScreen], bool]] = {
        "03-narration": lambda g: g.line is not None and g.line.kind == "narration",
        "04-dialogue": lambda g: (
            g.line is not None
            and g.line.kind == "dialogue"
            and not g.line.manner
            and len(g.line.text) > 40
        ),
        "05-thought": lambda g: g.line is not None and g.line.kind == "thought",
        "06-shout": lambda g: g.line is not None and g.line.manner in ("shout", "scream"),
        "07-whisper": lambda g: g.line is not None and g.line.manner in ("whisper", "murmur"),
    }
    transition_done = False
    last = (0, 0)
    for _ in range(100000):
        game = top(app)
        if not isinstance(game, GameScreen):
            break
        running = game.stage.transition
        if not transition_done and running is not None and running.name in SHOWN_TRANSITIONS:
            run_for(app, running.duration / 2)
            shot("08-transition-half-way")
            transition_done = True
        if game.line is not None and (id(game), game.lines_shown) != last:
            last = (id(game), game.lines_shown)
            for name, test in list(wanted.items()):
                if test(game):
                    run_for(app, 0.25)
                    game.box.complete_page()
                    run_for(app, 5.0)
                    shot(name)
                    del wanted[name]
        if not wanted and transition_done:
            break
        press(app)
        app.step(1 / 60)
    while isinstance(top(app), GameScreen):
        press(app)
        app.step(1 / 60)
    run_for(app, 3.0)
    shot("09-ending")
    shutil.rmtree(saves, ignore_errors=True)
    return written


def window_size(text: str) -> tuple[int, int]:
    """`WIDTHxHEIGHT` from the command line."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT") from None
    if width < 1 or height < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT")
    return (width, height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vn.ui.screenshots", description=__doc__)
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--script", type=Path, help="script folder or file (default: script/)")
    parser.add_argument(
        "--window", type=window_size, default=(1280, 720), help="WxH (default 1280x720)"
    )
    args = parser.parse_args(argv)
    for path in render_all(args.out, args.script, args.window):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
