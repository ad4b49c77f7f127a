"""Properties: any bytes in a save file read as a save or raise SaveError, nothing else;
and any JSON state written comes back equal."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn.save import SaveError, SaveStore, SlotStatus

SETTINGS = settings(
    deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

GOOD_STATE = {"line": "forest/a", "sprites": [["k", "default", "left"]], "n": 1.5, "ok": True}


def _good_save(folder) -> bytes:
    store = SaveStore(folder / "seed", clock=lambda: 1_800_000_000.0)
    store.write("1-1", {"scene_title": "Forest", "line_text": "Shut up."}, GOOD_STATE)
    return (folder / "seed" / "1-1.json").read_bytes()


@st.composite
def mutated(draw, good: bytes) -> bytes:
    """A good save with a few bytes flipped, cut, inserted or removed."""
    data = bytearray(good)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if how == "flip" and where < len(data):
            data[where] ^= draw(st.integers(1, 255))
        elif how == "cut":
            del data[where:]
        elif how == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=8))
        elif where < len(data):
            del data[where]
    return bytes(data)


def _assert_read_or_save_error(store: SaveStore) -> None:
    try:
        state = store.read("1-1")
    except SaveError as error:
        assert error.message
        assert store.verify("1-1").status is not SlotStatus.OK
        return
    assert isinstance(state, dict)
    assert store.verify("1-1").status is SlotStatus.OK
    assert store.read_meta("1-1").status is SlotStatus.OK


@SETTINGS
@given(data=st.binary(max_size=2048))
def test_any_bytes_read_as_a_save_or_raise_save_error(tmp_path, data):
    store = SaveStore(tmp_path)
    (tmp_path / "1-1.json").write_bytes(data)
    _assert_read_or_save_error(store)


@SETTINGS
@given(data=st.data())
def test_any_damage_to_a_good_save_reads_or_raises_save_error(tmp_path, data):
    good = _good_save(tmp_path)
    damaged = data.draw(mutated(good))
    store = SaveStore(tmp_path)
    (tmp_path / "1-1.json").write_bytes(damaged)
    _assert_read_or_save_error(store)


json_states = st.dictionaries(
    st.text(max_size=10),
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(10**20), 10**20)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(string.printable + "éü—“”\u2028\U0001f600", max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=5), children, max_size=4)
        ),
        max_leaves=20,
    ),
    max_size=6,
)


@SETTINGS
@given(state=json_states, title=st.text(max_size=200))
def test_any_json_state_round_trips(tmp_path, state, title):
    store = SaveStore(tmp_path)
    store.write("quick", {"scene_title": title}, state)
    assert store.read("quick") == state
    shown = store.read_meta("quick").scene_title
    words = " ".join(title.split())
    assert shown == words if len(words) <= 120 else words.startswith(shown[:-1])
