"""`python -m vn`: exit codes, message format, and never a traceback."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR, PROJECT_ROOT

PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")


def available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def vn(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "vn", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    return result


@pytest.fixture
def example(tmp_path: Path) -> Path:
    readme = (PROJECT_ROOT / "script" / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(.*?)```", readme, re.S)
    assert match is not None
    file = tmp_path / "example.yaml"
    file.write_text(match.group(1), encoding="utf-8")
    return file


def test_check_clean_script(example: Path) -> None:
    result = vn("check", str(example), "--assets", str(ASSETS_DIR))
    assert result.returncode == 0
    assert result.stdout == ""
    assert "no problems" in result.stderr


def test_check_reports_each_problem_and_a_summary(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    example.write_text(
        text.replace("bg: forest_deep", "bg: forst_deep").replace("at: left", "at: leftt"),
        encoding="utf-8",
    )
    result = vn("check", str(example), "--assets", str(ASSETS_DIR))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{example}:19:13: no background `forst_deep` in assets/backgrounds"
        " (did you mean forest_deep?)",
        f"{example}:25:13: unknown position `leftt` (did you mean left?)",
    ]
    assert all(PROBLEM_LINE.match(line) for line in lines)
    assert result.stderr.strip() == f"{example}: 2 problems"


def test_check_hostile_yaml(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"game: !!python/object/apply:os.system ['echo hacked']\n\tx: \xff\n")
    result = vn("check", str(bad))
    assert result.returncode == 1
    assert "hacked" not in result.stdout
    assert all(PROBLEM_LINE.match(line) for line in result.stdout.splitlines())


def test_check_missing_path(tmp_path: Path) -> None:
    result = vn("check", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no such file or folder" in result.stderr


def test_check_missing_assets_folder(example: Path, tmp_path: Path) -> None:
    result = vn("check", str(example), "--assets", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "no such assets folder" in result.stderr


def test_check_defaults_to_the_project_script_from_anywhere(tmp_path: Path) -> None:
    here = vn("check", cwd=tmp_path)
    direct = vn("check", str(PROJECT_ROOT / "script"), cwd=tmp_path)
    assert here.returncode == direct.returncode
    assert here.stdout == direct.stdout


def test_dialogue_jsonl(example: Path) -> None:
    result = vn("dialogue", str(example), "--assets", str(ASSETS_DIR))
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 7
    assert records[1] == {
        "id": "forest/shut-up-izumo",
        "scene": "forest",
        "kind": "dialogue",
        "speaker": "Kotetsu",
        "text": "Shut up, Izumo.",
        "inferred": False,
        "manner": None,
    }


def test_dialogue_tsv_escapes_separators(tmp_path: Path) -> None:
    file = tmp_path / "s.yaml"
    file.write_text(
        'game: {title: T}\ncharacters: {a: {name: "A\\tB", color: "#000000"}}\n'
        'scenes:\n  - {scene: s, title: S, body: ["One\\ttwo\\nthree \\\\ four", a: Hi.]}\n',
        encoding="utf-8",
    )
    result = vn("dialogue", str(file), "--format", "tsv")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows == [
        ["id", "scene", "kind", "speaker", "text", "inferred", "manner"],
        ["s/one-two-three-four", "s", "narration", "", "One\\ttwo\\nthree \\\\ four", "false", ""],
        ["s/hi", "s", "dialogue", "A\\tB", "Hi.", "false", ""],
    ]


def test_dialogue_of_a_broken_script(tmp_path: Path) -> None:
    file = tmp_path / "s.yaml"
    file.write_text("scenes: [\n", encoding="utf-8")
    result = vn("dialogue", str(file))
    assert result.returncode == 1
    assert PROBLEM_LINE.match(result.stdout.splitlines()[0])


def test_help_for_every_command() -> None:
    top = vn("--help")
    assert top.returncode == 0
    for word in ("check", "dialogue", "adapt"):
        assert word in top.stdout
    check = vn("check", "--help")
    assert check.returncode == 0 and "--assets" in check.stdout and "file:line:col" in check.stdout
    dialogue = vn("dialogue", "--help")
    assert dialogue.returncode == 0 and "--format" in dialogue.stdout and "tsv" in dialogue.stdout


def test_unknown_command_and_option() -> None:
    assert vn("frobnicate").returncode == 2
    assert vn("check", "--no-such-option").returncode == 2
    assert vn().returncode == 1


def test_adapt_is_dispatched_or_explained() -> None:
    result = vn("adapt", "--help")
    if available("vn.adapt.cli"):
        assert result.returncode == 0
        assert result.stdout.strip()
    else:
        assert result.returncode == 1
        assert "not available" in result.stderr


def test_main_in_process_returns_the_status(example: Path) -> None:
    from vn.__main__ import main

    assert main(["check", str(example), "--assets", str(ASSETS_DIR)]) == 0
    assert main(["check", str(example.parent / "missing.yaml")]) == 1
