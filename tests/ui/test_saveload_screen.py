"""The save screen drawn headless with real thumbnails, checked by measured regions.

`python tests/ui/test_saveload_screen.py docs/screenshots/save-screen.png` writes the picture
the documentation shows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from vn.save import SaveStore
from vn.script import Script
from vn.ui.app import App
from vn.ui.autoplay import press, run_for, start_game, top
from vn.ui.screens.game import GameScreen
from vn.ui.screens.saveload import (
    ACCENT,
    DAMAGED_FILL,
    EMPTY_FILL,
    SaveLoadScreen,
    register_saves,
)

MOMENT = 1_760_000_000.0  # a fixed afternoon, so the picture is the same every time
SAVED_AT = {"1-1": 4, "1-2": 12, "1-4": 40, "1-5": 75}  # slot: the line it is saved at


def render_save_screen(app: App, out: Path) -> SaveLoadScreen:
    """Play, save in four slots at different moments, damage one, draw the save screen."""
    now = [MOMENT]
    saving = register_saves(app, SaveStore(app.save_dir, clock=lambda: now[0]))
    start_game(app)
    shown = 0
    for slot, line in SAVED_AT.items():
        while shown < line:
            game = top(app)
            assert isinstance(game, GameScreen)
            before = game.lines_shown
            while game.lines_shown == before:
                press(app)
                run_for(app, 0.05)
            shown += 1
        run_for(app, 10.0)  # the line typed out in full
        now[0] += 437.0
        saving.save(slot)
    saving.store.json_path("1-6").write_bytes(b'{"format": "vn-save", "version": 1, "meta": ')
    assert app.open("save")
    screen = top(app)
    assert isinstance(screen, SaveLoadScreen)
    screen.focus = 3
    app.render(force=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.canvas.surface, str(out))
    return screen


def region_colours(picture: pygame.Surface, rect: pygame.Rect) -> set[tuple[int, ...]]:
    return {
        tuple(picture.get_at((x, y)))[:3]
        for x in range(rect.left + 3, rect.right - 3, 5)
        for y in range(rect.top + 3, rect.bottom - 3, 5)
    }


def test_the_save_screen_shows_pictures_empty_and_damaged_slots(
    story: Script, make_app: Callable[..., App], tmp_path: Path
) -> None:
    out = tmp_path / "save-screen.png"
    screen = render_save_screen(make_app(story), out)
    picture = pygame.image.load(str(out))
    assert picture.get_size() == (1280, 720)
    filled = [screen.slots.index(slot) for slot in SAVED_AT]
    for index in filled:
        assert len(region_colours(picture, screen.thumb_rect(index))) > 8
    pictures = [
        pygame.image.tobytes(picture.subsurface(screen.thumb_rect(i)), "RGB") for i in filled
    ]
    assert len(set(pictures)) == len(filled)  # each slot shows its own moment
    assert region_colours(picture, screen.thumb_rect(2)) == {EMPTY_FILL}
    assert region_colours(picture, screen.thumb_rect(5)) == {DAMAGED_FILL}
    focused = screen.card_rect(3).inflate(4, 4)
    assert tuple(picture.get_at((focused.centerx, focused.top)))[:3] == ACCENT
    text_area = screen.card_rect(0).copy()
    text_area.left = screen.thumb_rect(0).right + 8
    assert len(region_colours(picture, text_area)) > 4  # time, scene and line are written


if __name__ == "__main__":
    import tempfile

    from vn.paths import ASSETS_DIR, SCRIPT_DIR
    from vn.script import AssetResolver, load_script
    from vn.ui.autoplay import FakeClock

    resolver = AssetResolver(ASSETS_DIR)
    with tempfile.TemporaryDirectory() as folder:
        app = App(
            load_script(SCRIPT_DIR, assets=resolver),
            resolver.resolve,
            Path(folder),
            clock=FakeClock(),
        )
        render_save_screen(app, Path(sys.argv[1]))
