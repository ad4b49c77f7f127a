"""Reaching the ending is remembered in persistent data, across a restart, and only once."""

from __future__ import annotations

from collections.abc import Callable

from vn.save import Persistent
from vn.script import Script
from vn.ui.app import App
from vn.ui.autoplay import play_to_end, start_game, top
from vn.ui.screens.ending import EndingScreen


def test_the_ending_is_recorded_and_survives_a_restart(
    mini: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(mini)
    assert app.persistent.endings == frozenset()
    start_game(app)
    play_to_end(app)
    assert isinstance(top(app), EndingScreen)
    last_scene = mini.scenes[-1].id
    assert app.persistent.endings == frozenset({last_scene})
    again = Persistent.load(app.save_dir)
    assert again.endings == frozenset({last_scene})
