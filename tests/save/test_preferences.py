"""Preferences: defaults, round trip, and garbage tolerated field by field."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vn.save import Preferences

DEFAULTS = Preferences()


def test_defaults():
    assert DEFAULTS.text_speed == 40
    assert DEFAULTS.skip_unseen is False
    assert DEFAULTS.text_size == "medium"
    assert 0 <= DEFAULTS.music_volume <= 1


def test_round_trip():
    prefs = Preferences(
        text_speed=0,
        auto_forward_delay=5.5,
        skip_unseen=True,
        music_volume=0.0,
        sound_volume=1.0,
        fullscreen=True,
        text_size="large",
        textbox_opacity=0.3,
    )
    assert Preferences.from_json(prefs.to_json()) == prefs


@pytest.mark.parametrize("data", [None, [], "prefs", 5, True, 1.5, {"text_speed": {}}])
def test_non_mapping_or_empty_gives_defaults(data):
    assert Preferences.from_json(data) == DEFAULTS


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("text_speed", "fast"),
        ("text_speed", -1),
        ("text_speed", 10**9),
        ("text_speed", 40.5),
        ("text_speed", True),
        ("text_speed", float("nan")),
        ("auto_forward_delay", 0),
        ("auto_forward_delay", float("inf")),
        ("auto_forward_delay", "2"),
        ("skip_unseen", 1),
        ("skip_unseen", "yes"),
        ("music_volume", 1.5),
        ("music_volume", -0.1),
        ("sound_volume", None),
        ("fullscreen", "true"),
        ("text_size", "huge"),
        ("text_size", ["small"]),
        ("textbox_opacity", {"a": 1}),
    ],
)
def test_a_bad_field_takes_its_default_and_the_rest_survive(field, bad):
    good = Preferences(text_speed=80, music_volume=0.2, text_size="small", fullscreen=True)
    data = {**good.to_json(), field: bad}
    loaded = Preferences.from_json(data)
    assert getattr(loaded, field) == getattr(DEFAULTS, field)
    for other in dataclasses.fields(Preferences):
        if other.name != field:
            assert getattr(loaded, other.name) == getattr(good, other.name)


def test_whole_number_speed_written_as_float_is_accepted():
    assert Preferences.from_json({"text_speed": 60.0}).text_speed == 60
    assert isinstance(Preferences.from_json({"text_speed": 60.0}).text_speed, int)


def test_unknown_keys_are_ignored():
    assert Preferences.from_json({"volume_of_everything": 11}) == DEFAULTS


def test_replace_refuses_bad_values():
    assert DEFAULTS.replace(text_size="large").text_size == "large"
    with pytest.raises(ValueError):
        DEFAULTS.replace(music_volume=2.0)
    with pytest.raises(ValueError):
        Preferences(text_size="tiny")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=10,
)


FIELD_NAMES = [field.name for field in dataclasses.fields(Preferences)]


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), json_values))
def test_any_json_gives_valid_preferences(data):
    prefs = Preferences.from_json(data)
    assert Preferences.from_json(prefs.to_json()) == prefs  # valid values survive a round trip
