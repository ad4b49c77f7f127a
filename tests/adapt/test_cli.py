"""`vn adapt` on the command line: clean messages and exit codes, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from vn.adapt.cli import main


def test_writes_the_draft_and_a_summary(tmp_path, capsys) -> None:
    story = tmp_path / "walk.txt"
    story.write_text('Kotetsu ran.\n\n"Go," Izumo said.\n', encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main([str(story), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["game"]["title"] == "Walk"
    assert "wrote" in capsys.readouterr().out


def test_prints_to_stdout_without_output(tmp_path, capsys) -> None:
    story = tmp_path / "s.txt"
    story.write_text('The Title\n\n"Go," Izumo said.\n', encoding="utf-8")
    assert main([str(story)]) == 0
    assert 'title: "The Title"' in capsys.readouterr().out


def test_uses_a_roster(tmp_path, capsys) -> None:
    story = tmp_path / "s.txt"
    story.write_text('"Go," said Lizzy.\n', encoding="utf-8")
    roster = tmp_path / "cast.yaml"
    roster.write_text("Elizabeth Bennet: [Lizzy]\n", encoding="utf-8")
    assert main([str(story), "--characters", str(roster)]) == 0
    assert 'elizabeth_bennet: {name: "Elizabeth Bennet"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such story file"),
        (lambda d: d, "is a folder"),
        (lambda d: _write(d / "latin.txt", "caf\xe9".encode("latin-1")), "not UTF-8"),
    ],
)
def test_bad_story_files(tmp_path, capsys, setup, message) -> None:
    path = setup(tmp_path)
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        (b"Izumo: [unclosed\n", "roster.yaml:"),
        (b"- just a list\n", "must map each display name"),
        (b"Izumo: {colour: red}\n", "unknown key"),
    ],
)
def test_bad_rosters(tmp_path, capsys, roster, message) -> None:
    story = _write(tmp_path / "s.txt", b'"Hi," said Izumo.\n')
    path = _write(tmp_path / "roster.yaml", roster)
    assert main([str(story), "--characters", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_unwritable_output(tmp_path, capsys) -> None:
    story = _write(tmp_path / "s.txt", b'"Hi," said Izumo.\n')
    assert main([str(story), "-o", str(tmp_path / "no" / "such" / "dir.yaml")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_help_explains_the_methods_and_the_roster(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for word in ("turn-taking", "vocative", "pronoun", "beat", "unknown", "ROSTER.yaml", "aliases"):
        assert word in text


def test_importing_the_converter_never_loads_pygame() -> None:
    code = "import sys, vn.adapt, vn.adapt.cli; print('pygame' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
