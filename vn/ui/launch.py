"""Build the app from the command line's choices and run it."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import TextIO

from vn.paths import SCRIPT_DIR, default_assets_for

GAME_FOLDER = "i-can-see-the-village"


def default_save_dir() -> Path:
    """The platform's per-user data folder for the game, as SDL names it (and creates it)."""
    import pygame.system

    return Path(pygame.system.get_pref_path("", GAME_FOLDER))


def _desktop() -> tuple[int, int] | None:
    """The first display's size in pixels, or None when SDL cannot tell."""
    import pygame

    try:
        pygame.display.init()
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes else None  # type: ignore[return-value]


def launch(
    script_path: Path | None,
    save_dir: Path | None,
    fullscreen: bool | None,
    err: TextIO = sys.stderr,
) -> int:
    """Load and check the script, open the window, play. Returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from vn.script import AssetResolver, ScriptError, load_script

    path = script_path or SCRIPT_DIR
    assets = AssetResolver(default_assets_for(path))
    save_dir = save_dir or default_save_dir()
    try:
        script = load_script(path, assets=assets, cache_dir=save_dir / "cache")
    except ScriptError as error:
        for problem in error.problems:
            print(problem, file=err)
        return 1
    except OSError as error:
        print(f"{path}: cannot read the script: {error.strerror or error}", file=err)
        return 1
    from vn.ui.app import App
    from vn.ui.saving import register_saves
    from vn.ui.screens.defaults import register_defaults
    from vn.ui.screens.gamemenu import register_comforts

    # SDL would turn SIGTERM and SIGINT into a close-window request, which asks before quitting
    # mid-story; a signal from the system (or Ctrl+C) quits at once, autosaving on the way out.
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    # Windows would otherwise stretch the window's bitmap on a scaled display; the game draws
    # at the window's real resolution instead (see vn.ui.picture).
    os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")
    from vn.ui.canvas import first_window_size
    from vn.ui.fonts import FontBook, font_files
    from vn.ui.images import ImageCache
    from vn.ui.pixels import PixelStore

    cache = save_dir / "cache"
    title = {("backgrounds", script.game.title_background)}
    images = ImageCache(assets.resolve, PixelStore(cache, title))
    fonts = FontBook(font_files(cache))
    window = first_window_size(_desktop())
    app = App(
        script,
        assets.resolve,
        save_dir,
        fullscreen=fullscreen,
        fonts=fonts,
        images=images,
        window_size=window,
    )
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, app.request_stop)
    register_saves(app)
    register_defaults(app)
    register_comforts(app)
    return app.run()
