"""`python -m vn check|dialogue --cache-dir DIR`: the same answers from the cache as without."""

from __future__ import annotations

from pathlib import Path

import pytest

from vn import cli_main
from vn.paths import ASSETS_DIR, SCRIPT_DIR
from vn.script import build


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli_main.run(list(args))
    return code, capsys.readouterr().out


def test_dialogue_from_the_cache_is_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    common = (str(SCRIPT_DIR), "--assets", str(ASSETS_DIR))
    plain = run(capsys, "dialogue", *common)
    cache = str(tmp_path / "cache")
    first = run(capsys, "dialogue", *common, "--cache-dir", cache)
    assert list((tmp_path / "cache").glob("script-*.json"))

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was read")

    monkeypatch.setattr(build, "read_nodes", no_yaml)
    second = run(capsys, "dialogue", *common, "--cache-dir", cache, "--format", "jsonl")
    assert plain == first == second
    assert plain[0] == 0 and plain[1].count("\n") > 100
    assert run(capsys, "check", *common, "--cache-dir", cache)[0] == 0


def test_a_broken_script_still_fails_with_a_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "bad.yaml"
    script.write_text("game: {title: T}\nscenes:\n  - scene: a\n    body: [nobody: hi]\n")
    code, out = run(capsys, "check", str(script), "--cache-dir", str(tmp_path / "c"))
    assert code == 1
    assert "unknown speaker `nobody`" in out
    assert not list((tmp_path / "c").glob("*.json"))
