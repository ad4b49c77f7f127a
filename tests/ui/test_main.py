"""main.py: its arguments, and a script that fails validation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )


def test_help_lists_every_option() -> None:
    result = run_main("--help")
    assert result.returncode == 0
    for option in ("--save-dir", "--fullscreen", "--windowed", "--script"):
        assert option in result.stdout


def test_a_broken_script_prints_file_line_col_and_exits_non_zero(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "game:\n  title: Broken\ncharacters: {}\nscenes:\n  - scene: a\n    title: A\n"
        "    body:\n      - nobody: Hello.\n",
        encoding="utf-8",
    )
    result = run_main("--script", str(broken), "--save-dir", str(tmp_path / "saves"))
    assert result.returncode != 0
    assert f"{broken}:8:" in result.stderr or "broken.yaml:8:" in result.stderr
    assert "Traceback" not in result.stderr


def test_fullscreen_and_windowed_cannot_be_combined(tmp_path: Path) -> None:
    result = run_main("--fullscreen", "--windowed")
    assert result.returncode == 2


def test_saves_default_to_the_platforms_per_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vn.ui.launch import GAME_FOLDER, default_save_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = default_save_dir()
    assert folder.name == GAME_FOLDER
    assert folder.is_dir()
    assert tmp_path in folder.parents
