"""Hostile files: YAML bombs, deep nesting, huge values, paths out of assets/, Python tags,
and saves built to hurt. Each is refused with our own error, nothing it names ever runs, and
the refusal stays within generous bounds of time and memory (bounds, not benchmarks)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR, PROJECT_ROOT
from vn.runtime import Engine, StateError
from vn.save import SaveError, SaveStore
from vn.script import AssetResolver, ScriptError, load_script
from vn.script.reader import MAX_NODES

SECONDS = 5.0
PEAK_BYTES = 200 * 1024 * 1024

HEADER = """\
game:
  title: T
characters:
  kotetsu: {name: Kotetsu, color: "#d9a441"}
scenes:
  - scene: forest
    title: The forest
    body:
"""


@contextmanager
def timed(what: str) -> Iterator[None]:
    """Fail when the block takes over SECONDS."""
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    assert elapsed < SECONDS, f"{what}: refused in {elapsed:.1f} s"


@contextmanager
def traced(what: str) -> Iterator[None]:
    """Fail when the block peaks over PEAK_BYTES of Python memory (tracing slows Python's
    allocations several times over, so time is measured in a run of its own)."""
    tracemalloc.start()
    try:
        yield
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"{what}: peaked at {peak / 2**20:.0f} MB"


def refuse_script(path: Path, fragment: str, what: str, *, trace: bool = True) -> ScriptError:
    with timed(what), pytest.raises(ScriptError) as caught:
        load_script(path, assets=AssetResolver(ASSETS_DIR))
    if trace:
        with traced(what), pytest.raises(ScriptError):
            load_script(path, assets=AssetResolver(ASSETS_DIR))
    messages = [str(problem) for problem in caught.value.problems]
    assert any(fragment in message for message in messages), messages
    assert all(message.startswith(f"{path}:") for message in messages), messages
    return caught.value


# ----- YAML built to hurt -----------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return HEADER + "      - narrate: x\n" + "\n".join(lines) + "\n"


def nested_flow(depth: int) -> str:
    return HEADER + "      - " + "[" * depth + "]" * depth + "\n"


def nested_block(depth: int) -> str:
    return HEADER + "".join(" " * (6 + 2 * level) + "- \n" for level in range(depth))


def nested_mapping(depth: int) -> str:
    return HEADER + "      - " + "{a: " * depth + "b" + "}" * depth + "\n"


YAML_CASES: dict[str, tuple[Callable[[], str | bytes], str]] = {
    "billion laughs": (billion_laughs, "are not allowed"),
    "a quadratic blow-up of aliases": (
        lambda: HEADER + '      - &x "' + "y" * 5000 + '"\n' + "      - *x\n" * 20000,
        "are not allowed",
    ),
    "lists 10,000 deep": (lambda: nested_flow(10_000), "nested more than 64 levels deep"),
    "mappings 10,000 deep": (lambda: nested_mapping(10_000), "nested more than 64 levels deep"),
    "block lists 2,000 deep": (lambda: nested_block(2_000), "nested more than 64 levels deep"),
    "a 50 MB scalar": (
        lambda: HEADER + "      - " + "x" * (50 * 1024 * 1024) + "\n",
        "file is too large",
    ),
    "a 15 MB scalar (under the file limit)": (
        lambda: HEADER + "      - " + "x" * (15 * 1024 * 1024) + "\n",
        "a value longer than 100,000 characters",
    ),
    "a 15 MB double-quoted scalar of escapes": (
        lambda: HEADER + '      - "' + "\\u00e9" * (2_500_000) + '"\n',
        "a value longer than 100,000 characters",
    ),
    "more values than a file may hold": (
        lambda: HEADER + "      - [" + "1," * (MAX_NODES + 10) + "1]\n",
        f"the file holds more than {MAX_NODES:,} values",
    ),
    "a 15 MB key": (
        lambda: HEADER + "      - " + "k" * (15 * 1024 * 1024) + ": v\n",
        "a value longer than 100,000 characters",
    ),
}


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_yaml_built_to_hurt_is_refused_quickly(name: str, tmp_path: Path, counts) -> None:
    build, fragment = YAML_CASES[name]
    text = build()
    path = tmp_path / "hostile.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    del text
    # Counting values walks every event: tracing each allocation would take a minute.
    refuse_script(path, fragment, name, trace="values" not in name)
    counts.add("hostile_files_refused")


# ----- code in YAML ------------------------------------------------------------------------

PAYLOADS = [
    "!!python/object/apply:os.system [touch {marker}]",
    "!!python/object/apply:subprocess.call [[touch, {marker}]]",
    "!!python/object/new:subprocess.Popen [[touch, {marker}]]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object/apply:builtins.exec [\"open('{marker}', 'w')\"]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> [touch {marker}]",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("where", ["line", "speaker", "top", "key"])
def test_python_tags_never_run(payload: str, where: str, tmp_path: Path, counts) -> None:
    marker = tmp_path / "ran"
    value = payload.format(marker=marker)
    text = {
        "line": HEADER + f"      - {value}\n",
        "speaker": HEADER + f"      - kotetsu: {value}\n",
        "top": f"game: {value}\n",
        "key": HEADER + f"      - ? {value}\n        : x\n",
    }[where]
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    refuse_script(path, "is not allowed", payload)
    assert not marker.exists(), "the payload ran"
    counts.add("hostile_files_refused")


def test_the_checker_refuses_a_payload_without_a_traceback(tmp_path: Path, counts) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "hostile.yaml"
    path.write_text(HEADER + f"      - !!python/object/apply:os.system [touch {marker}]\n")
    done = subprocess.run(
        [sys.executable, "-m", "vn", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{path}:9:9: the tag `!!python/object/apply:os.system` is not allowed" in (
        done.stdout + done.stderr
    )
    assert not marker.exists()
    counts.add("hostile_files_refused")


# ----- paths out of assets/ ----------------------------------------------------------------


@pytest.fixture
def sandbox(tmp_path: Path) -> tuple[Path, Path]:
    """A tmp assets/ holding the real forest background, links pointing out of it, and a
    secret picture outside it."""
    assets = tmp_path / "assets"
    outside = tmp_path / "outside"
    (assets / "backgrounds").mkdir(parents=True)
    (assets / "characters").mkdir()
    (outside / "sprite").mkdir(parents=True)
    real = (ASSETS_DIR / "backgrounds" / "forest_deep.png").read_bytes()
    (assets / "backgrounds" / "forest_deep.png").write_bytes(real)
    (outside / "secret.png").write_bytes(real)
    (outside / "sprite" / "default.png").write_bytes(real)
    (assets / "backgrounds" / "evil.png").symlink_to(outside / "secret.png")
    (assets / "backgrounds" / "loop.png").symlink_to(assets / "backgrounds" / "loop.png")
    (assets / "characters" / "kotetsu").symlink_to(outside / "sprite", target_is_directory=True)
    return assets, outside


NAMES = [
    ("backgrounds", "evil"),
    ("backgrounds", "loop"),
    ("backgrounds", "../outside/secret"),
    ("backgrounds", "../../outside/secret"),
    ("backgrounds", "/etc/passwd"),
    ("backgrounds", "forest_deep.png"),
    ("backgrounds", "forest_deep/"),
    ("backgrounds", ""),
    ("backgrounds", "x" * 10_000),
    ("backgrounds", "forest_deep\x00.png"),
    ("characters", "kotetsu/default"),
    ("characters", "../outside/sprite/default"),
    ("characters", "kotetsu/../../outside/secret"),
]


@pytest.mark.parametrize(("kind", "name"), NAMES)
def test_names_never_reach_outside_assets(
    kind: str, name: str, sandbox: tuple[Path, Path], counts
) -> None:
    assets, _ = sandbox
    resolver = AssetResolver(assets)
    assert resolver.resolve("backgrounds", "forest_deep") is not None  # the sandbox works
    assert resolver.resolve(kind, name) is None
    counts.add("hostile_files_refused")


def test_a_script_naming_a_symlink_out_of_assets_is_refused(
    sandbox: tuple[Path, Path], tmp_path: Path
) -> None:
    assets, _ = sandbox
    path = tmp_path / "script.yaml"
    path.write_text(HEADER + "      - bg: evil\n      - show: kotetsu\n      - Hi.\n")
    with pytest.raises(ScriptError) as caught:
        load_script(path, assets=AssetResolver(assets))
    messages = [p.message for p in caught.value.problems]
    assert any(m.startswith("no background `evil` in assets/backgrounds") for m in messages)
    assert any(m.startswith("no expression `default` for `kotetsu`") for m in messages)


# ----- saves built to hurt -----------------------------------------------------------------


def forged_save(state: bytes, meta: dict[str, object] | None = None) -> bytes:
    """A save file whose header is right about its state (length and hash), so only the
    state's own content can get it refused."""
    header = {
        "format": "vn-save",
        "version": 2,
        "game_version": "0.1.0",
        "saved_at": 1_700_000_000.0,
        "meta": meta or {"scene_title": "The forest"},
        "state_bytes": len(state),
        "state_sha256": hashlib.sha256(state).hexdigest(),
        "thumbnail_sha256": None,
    }
    return json.dumps(header, separators=(",", ":")).encode() + b"\n" + state


SAVES: dict[str, tuple[Callable[[], bytes], str]] = {
    "a 100,000-digit number": (lambda: forged_save(b'{"n":' + b"9" * 100_000 + b"}"), "number"),
    "10**100000 as a negative": (
        lambda: forged_save(b"[-" + b"1" + b"0" * 100_000 + b"]"),
        "number",
    ),
    "a float that overflows": (lambda: forged_save(b'{"n":1e999999}'), "number"),
    "NaN": (lambda: forged_save(b'{"n":NaN}'), "number"),
    "lists 100,000 deep": (lambda: forged_save(b"[" * 100_000 + b"]" * 100_000), "too-deep"),
    "objects 100,000 deep": (
        lambda: forged_save(b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
        "too-deep",
    ),
    "a 9 MB string": (lambda: forged_save(b'{"s":"' + b"x" * (9 * 2**20) + b'"}'), "too-large"),
    "a 50 MB file of spaces": (lambda: b" " * (50 * 2**20), "too-large"),
    "a header that claims a huge state": (
        lambda: forged_save(b"{}").replace(b'"state_bytes":2', b'"state_bytes":' + b"9" * 400),
        "",
    ),
    "a huge number in the header": (
        lambda: forged_save(b"{}", {"scene_title": 10**50}),
        "",
    ),
    "a 1 MB header line": (
        lambda: forged_save(b"{}", {"scene_title": "x" * 2**20}),
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(SAVES))
def test_saves_built_to_hurt_are_refused(name: str, tmp_path: Path, counts) -> None:
    build, code = SAVES[name]
    store = SaveStore(tmp_path)
    data = build()
    store.json_path("1-1").write_bytes(data)
    del data
    with timed(name), traced(name):
        with pytest.raises(SaveError) as caught:
            store.read("1-1")
        info = store.verify("1-1")
    assert caught.value.message.startswith("this save can't be read: ")
    if code:
        assert caught.value.code == code
    assert info.status.name == "DAMAGED"
    assert store.json_path("1-1").stat().st_size > 0, "the file is left as it was"
    counts.add("hostile_files_refused")


STATES = {
    "giant history": {"version": 1, "state": {}, "history": ["forest/x"] * 200_000},
    "giant line id": {"version": 1, "state": {"line": "forest/" + "x" * 5_000_000}},
    "nested variables": {"version": 1, "state": {"variables": {"a": [[[[[1]]]]]}}},
    "huge variable": {"version": 1, "state": {"variables": {"n": 10**40}}},
    "unknown field": {"version": 1, "state": {}, "run": "os.system('x')"},
    "wrong version": {"version": 10**20, "state": {}},
    "not a mapping": ["forest/x"],
}


@pytest.mark.parametrize("name", sorted(STATES))
def test_states_built_to_hurt_are_refused_by_the_engine(name: str, counts) -> None:
    from vn.paths import SCRIPT_DIR

    script = load_script(SCRIPT_DIR)
    with timed(name), traced(name), pytest.raises(StateError):
        Engine.from_json(script, STATES[name])
    counts.add("hostile_files_refused")


def test_a_hostile_save_leaves_the_other_slots_alone(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    good = store.write("1-2", {"scene_title": "Fine"}, {"version": 1, "state": {}})
    store.json_path("1-1").write_bytes(b"[" * 100_000)
    before = store.json_path("1-2").read_bytes()
    infos = {info.slot: info for info in store.slots()}
    assert infos["1-1"].status.name == "DAMAGED"
    assert infos["1-2"].ok and infos["1-2"].meta == good.meta
    assert store.json_path("1-2").read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["1-1.json", "1-2.json"]
