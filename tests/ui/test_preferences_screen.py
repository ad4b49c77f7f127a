"""The preferences screen: every control by keyboard and by mouse, values always valid."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vn.save import Preferences
from vn.script import Script
from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.app import App
from vn.ui.screens.preferences import (
    SETTINGS,
    TEXT_SPEEDS,
    PreferencesScreen,
    choice_rects,
    track_rect,
)


class Held:
    """Preferences kept in a box, as the app keeps them, counting the writes."""

    def __init__(self) -> None:
        self.prefs = Preferences()
        self.closed = 0

    def screen(self, app: App) -> PreferencesScreen:
        return PreferencesScreen(app, self.get, self.set, self.close)

    def get(self) -> Preferences:
        return self.prefs

    def set(self, prefs: Preferences) -> None:
        self.prefs = prefs

    def close(self) -> None:
        self.closed += 1


def row(name: str) -> int:
    return [s.field for s in SETTINGS].index(name)


@pytest.fixture
def opened(make_app: Callable[..., App], mini: Script) -> tuple[App, Held, PreferencesScreen]:
    app = make_app(mini)
    app.show_title()
    held = Held()
    screen = held.screen(app)
    app.push(screen)
    return app, held, screen


def key(app: App, name: str, times: int = 1) -> None:
    for _ in range(times):
        app.dispatch(Action(name))


def test_keyboard_moves_between_rows_and_changes_values(
    opened: tuple[App, Held, PreferencesScreen],
) -> None:
    app, held, screen = opened
    key(app, a.RIGHT)  # text speed, one stop faster
    assert held.prefs.text_speed == TEXT_SPEEDS[TEXT_SPEEDS.index(40) + 1]
    key(app, a.RIGHT, 20)
    assert held.prefs.text_speed == 0  # instant is the fastest stop
    key(app, a.DOWN, row("music_volume"))
    key(app, a.LEFT, 3)
    assert held.prefs.music_volume == pytest.approx(0.5)
    key(app, a.LEFT, 20)
    assert held.prefs.music_volume == 0.0
    key(app, a.DOWN, row("text_size") - row("music_volume"))
    key(app, a.ADVANCE)  # Enter cycles a choice
    assert held.prefs.text_size == "large"
    key(app, a.ADVANCE)
    assert held.prefs.text_size == "small"
    assert screen.focus == row("text_size")


def test_mouse_clicks_choices_and_slider_positions(
    opened: tuple[App, Held, PreferencesScreen],
) -> None:
    app, held, _ = opened
    skip = row("skip_unseen")
    all_text = choice_rects(skip, 2)[1]
    app.dispatch(Action(a.ADVANCE, pos=all_text.center))
    assert held.prefs.skip_unseen is True
    track = track_rect(row("sound_volume"))
    app.dispatch(Action(a.ADVANCE, pos=(track.left, track.centery)))
    assert held.prefs.sound_volume == 0.0
    app.dispatch(Action(a.ADVANCE, pos=(track.right, track.centery)))
    assert held.prefs.sound_volume == 1.0
    app.dispatch(Action(a.ADVANCE, pos=(track.centerx, track.centery)))
    assert held.prefs.sound_volume == pytest.approx(0.5)
    opacity = track_rect(row("textbox_opacity"))
    app.dispatch(Action(a.ADVANCE, pos=(opacity.x + opacity.width // 4, opacity.centery)))
    assert held.prefs.textbox_opacity == pytest.approx(0.25)


def test_every_stop_of_every_setting_is_a_valid_preference(
    opened: tuple[App, Held, PreferencesScreen],
) -> None:
    _, held, screen = opened
    for setting in SETTINGS:
        for index in range(len(setting.values)):
            screen.choose(setting, index)
            assert getattr(held.prefs, setting.field) == setting.values[index]
            assert Preferences.from_json(held.prefs.to_json()) == held.prefs


def test_a_value_between_stops_shows_at_the_nearest(
    opened: tuple[App, Held, PreferencesScreen],
) -> None:
    _, held, screen = opened
    held.prefs = held.prefs.replace(text_speed=47, auto_forward_delay=29.0)
    speed = SETTINGS[row("text_speed")]
    assert speed.values[speed.index_of(47)] == 40
    auto = SETTINGS[row("auto_forward_delay")]
    assert auto.index_of(29.0) == 0
    screen.draw(screen.app.canvas)
    screen.step(speed, 1)
    assert held.prefs.text_speed == 55


def test_escape_right_click_and_return_close_and_keep(
    opened: tuple[App, Held, PreferencesScreen],
) -> None:
    app, held, screen = opened
    key(app, a.MENU)
    assert app.stack.top is not screen
    assert held.closed == 1
    again = held.screen(app)
    app.push(again)
    key(app, a.UP)  # from the first row up to Return
    assert again.on_back
    key(app, a.ADVANCE)
    assert app.stack.top is not again
    third = held.screen(app)
    app.push(third)
    app.dispatch(Action(a.ADVANCE, pos=third.back.rects[0].center))
    assert app.stack.top is not third
    assert held.closed == 3
