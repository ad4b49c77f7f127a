"""Measure the CPU the game uses while a finished line waits: `python -m vn.ui.idleprobe`.

Runs the real loop (real clock, real sleeping) on the first line of the story after it has
finished typing, and reports process CPU time over wall time. Use the dummy video driver
(the default here) or a real display (`--display`, e.g. under Xvfb).
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def measure(seconds: float, silent: bool = False) -> float:
    """Percent of one core used over `seconds` with a finished line on screen."""
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from vn.paths import ASSETS_DIR, SCRIPT_DIR
    from vn.script import AssetResolver, load_script
    from vn.ui import actions as a
    from vn.ui.actions import Action
    from vn.ui.app import App
    from vn.ui.screens.game import GameScreen

    assets = AssetResolver(ASSETS_DIR)
    script = load_script(SCRIPT_DIR, assets=assets)
    with TemporaryDirectory() as folder:
        from vn.ui.audio import SilentAudio

        app = App(script, assets.resolve, Path(folder), audio=SilentAudio() if silent else None)
        app.show_title()
        app.dispatch(Action(a.ADVANCE))
        app.dispatch(Action(a.ADVANCE))
        game = app.stack.top
        assert isinstance(game, GameScreen)
        while not game.line_complete:
            app.dispatch(Action(a.ADVANCE))
            app.step(0.02)
        settle = time.monotonic() + 5.0
        while time.monotonic() < settle:  # the continue indicator's bob runs out
            app.run_once()
        start_cpu, start_wall = time.process_time(), time.monotonic()
        while time.monotonic() - start_wall < seconds:
            app.run_once()
        used = time.process_time() - start_cpu
        wall = time.monotonic() - start_wall
        app.audio.stop()
    return 100.0 * used / wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vn.ui.idleprobe", description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--display", action="store_true", help="use $DISPLAY, not the dummy driver")
    parser.add_argument("--silent", action="store_true", help="without the mixer's own thread")
    args = parser.parse_args(argv)
    if not args.display:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    print(f"idle with a finished line: {measure(args.seconds, args.silent):.2f}% of one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
