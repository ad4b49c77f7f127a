"""Render the in-game menus to PNG files, headless: `python -m vn.ui.screenshot_menus OUT_DIR`.

The history after a stretch of the story, the game menu over the game, and the preferences:
drawn by the real screens on the real script, for the docs and for eyes to check.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vn.ui.screenshots import window_size


def _headless() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def render_menus(
    out: Path, save_dir: Path, lines: int = 60, window: tuple[int, int] = (1280, 720)
) -> list[Path]:
    """Play `lines` lines of the story, then save each menu's frame into `out`."""
    _headless()
    import pygame

    from vn.paths import SCRIPT_DIR, default_assets_for
    from vn.script import AssetResolver, load_script
    from vn.ui import actions as a
    from vn.ui.app import App
    from vn.ui.autoplay import FakeClock, press, run_for, start_game
    from vn.ui.screens.gamemenu import register_comforts

    assets = AssetResolver(default_assets_for(SCRIPT_DIR))
    script = load_script(SCRIPT_DIR, assets=assets)
    out.mkdir(parents=True, exist_ok=True)
    app = App(script, assets.resolve, save_dir, clock=FakeClock(), window_size=window)
    register_comforts(app)
    written: list[Path] = []

    def shot(name: str) -> None:
        app.render(force=True)
        target = out / f"{name}.png"
        pygame.image.save(app.canvas.surface, str(target))
        written.append(target)

    game = start_game(app)
    while game.lines_shown < lines:
        press(app)
        run_for(app, 0.05)
    run_for(app, 6.0)
    press(app, a.HISTORY)
    press(app, a.UP)
    press(app, a.UP)
    shot("history")
    press(app, a.MENU)
    press(app, a.MENU)
    press(app, a.DOWN)
    shot("game-menu")
    press(app, a.MENU)
    app.open("preferences")
    press(app, a.DOWN)
    shot("preferences")
    press(app, a.MENU)
    press(app, a.AUTO)
    shot("quick-menu")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder for the PNG files")
    parser.add_argument("--lines", type=int, default=60, help="lines to read first")
    parser.add_argument(
        "--window", type=window_size, default=(1280, 720), help="WxH (default 1280x720)"
    )
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as saves:
        for path in render_menus(args.out, Path(saves), args.lines, args.window):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
