"""The whole adaptation played with a save and a load at every line: each load gives back the
engine exactly and shows the same moment, and the story still plays to its end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vn.script import Script
from vn.ui.app import App
from vn.ui.autoplay import STEP, press, start_game, top
from vn.ui.screens.ending import EndingScreen
from vn.ui.screens.game import GameScreen
from vn.ui.screens.saveload import register_saves


def moment(game: GameScreen) -> dict[str, Any]:
    return {
        "background": game.stage.background,
        "overlay": game.stage.overlay,
        "sprites": [(s.character, s.expression, s.at) for s in game.stage.sprites],
        "music": game.app.audio.music_name,
        "ambience": game.app.audio.ambience_name,
        "line": game.line.id if game.line else None,
        "speech": game.box.speech,
        "box_shown": game.box.visible,
    }


def test_every_line_survives_a_save_and_a_load(story: Script, make_app: Callable[..., App]) -> None:
    app = make_app(story)
    saving = register_saves(app)
    saving.thumbnails = False
    start_game(app)
    read: list[str] = []
    for _ in range(100000):
        game = top(app)
        if not isinstance(game, GameScreen):
            break
        if game.line is not None and game.line_complete and (not read or read[-1] != game.line.id):
            engine, seen = game.engine.to_json(), moment(game)
            assert saving.save("1-1", quiet=True) is not None
            assert saving.load("1-1")
            loaded = top(app)
            assert isinstance(loaded, GameScreen) and loaded is not game
            assert loaded.engine.to_json() == engine, game.line.id
            assert moment(loaded) == seen, game.line.id
            read.append(game.line.id)
        press(app)
        app.step(STEP)
    assert isinstance(top(app), EndingScreen)
    assert read == [line.id for line in story.lines()]
