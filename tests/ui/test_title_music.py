"""The title's music starts right after the title's first frame, not before it."""

from __future__ import annotations

from collections.abc import Callable

from vn.script import Script
from vn.ui.app import App
from vn.ui.screens.title import TitleScreen


def test_title_music_plays_after_the_first_frame_and_one_update(
    story: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(story)
    app.audio.ambience("forest_wind")
    assert app.audio.ambience_name == "forest_wind"
    app.show_title()
    assert app.render(force=True)
    assert app.audio.music_name is None  # nothing decoded before the first frame
    app.step(1 / 60)
    assert story.game.title_music is not None
    assert app.audio.music_name == story.game.title_music
    assert app.audio.ambience_name is None


def test_title_music_is_asked_for_once_per_title(
    story: Script, make_app: Callable[..., App]
) -> None:
    app = make_app(story)
    app.show_title()
    app.step(1 / 60)
    app.audio.music(None)
    app.step(1 / 60)
    assert app.audio.music_name is None  # a later update does not restart it
    app.show_title()
    assert isinstance(app.stack.top, TitleScreen)
    app.step(1 / 60)
    assert app.audio.music_name == story.game.title_music
