"""A script folder reads as its *.yaml files in file-name order, merged into one script."""

from __future__ import annotations

from pathlib import Path

import pytest

from vn.script import Problem, ScriptError, load_script

GAME = 'game: {title: T}\ncharacters:\n  kotetsu: {name: Kotetsu, color: "#d9a441"}\n'


def write(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("_", "-", 1)).write_text(text, encoding="utf-8")
    return folder


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    return list(caught.value.problems)


def test_files_merge_in_file_name_order(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "script",
        **{
            "10_b.yaml": "scenes:\n  - {scene: b, title: B, body: [kotetsu: Second.]}\n",
            "00_game.yaml": GAME,
            "02_a.yaml": "scenes:\n  - {scene: a, title: A, body: [First.]}\n",
            "notes.txt": "not yaml: [",
        },
    )
    script = load_script(folder)
    assert [scene.id for scene in script.scenes] == ["a", "b"]
    assert [line.text for line in script.lines()] == ["First.", "Second."]
    assert script.statement("b/second").source.file == str(folder / "10-b.yaml")


def test_characters_merge_across_files(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s",
        **{
            "00_game.yaml": GAME,
            "01_more.yaml": 'characters:\n  izumo: {name: Izumo, color: "#7fa7c9"}\n'
            "scenes:\n  - {scene: a, title: A, body: [izumo: Hi., kotetsu: Hey.]}\n",
        },
    )
    assert set(load_script(folder).characters) == {"kotetsu", "izumo"}


def test_character_declared_in_two_files(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s",
        **{
            "00_game.yaml": GAME,
            "01_x.yaml": 'characters:\n  kotetsu: {name: K, color: "#000000"}\n'
            "scenes:\n  - {scene: a, title: A, body: [Hi.]}\n",
        },
    )
    [problem] = problems_of(folder)
    assert (Path(problem.file).name, problem.line, problem.col) == ("01-x.yaml", 2, 3)
    assert problem.message == (
        f"character `kotetsu` is declared twice (first at {folder / '00-game.yaml'}:3:3)"
    )


def test_game_declared_in_two_files(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s",
        **{
            "00_game.yaml": GAME,
            "01_x.yaml": "game: {title: Again}\nscenes:\n  - {scene: a, title: A, body: [Hi.]}\n",
        },
    )
    [problem] = problems_of(folder)
    assert (Path(problem.file).name, problem.line, problem.col) == ("01-x.yaml", 1, 7)
    assert problem.message.startswith("`game` is declared twice")


def test_problems_from_every_file_in_order(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s",
        **{
            "00_game.yaml": GAME + "scenes:\n  - {scene: a, title: A, body: [izumoo: Hi.]}\n",
            "01_x.yaml": "scenes:\n  - {scene: b, title: B, body: [bg: nowhere]}\n\t\n",
            "02_y.yaml": "scenes:\n  - {scene: c, title: C, body: [effect: nothing]}\n",
        },
    )
    found = problems_of(folder)
    assert [(Path(p.file).name, p.line) for p in found] == [
        ("00-game.yaml", 5),
        ("01-x.yaml", 3),
        ("02-y.yaml", 2),
    ]


def test_empty_folder(tmp_path: Path) -> None:
    folder = write(tmp_path / "empty", **{"readme.txt": "nothing here"})
    [problem] = problems_of(folder)
    assert (problem.file, problem.line, problem.col) == (str(folder), 1, 1)
    assert problem.message == "no .yaml files in this folder"


def test_missing_path(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nowhere")
    assert problem.message == "no such file or folder"


def test_empty_file_in_a_folder(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s",
        **{
            "00_game.yaml": GAME + "scenes:\n  - {scene: a, title: A, body: [Hi.]}\n",
            "01_empty.yaml": "# nothing yet\n",
        },
    )
    [problem] = problems_of(folder)
    assert (Path(problem.file).name, problem.line, problem.message) == (
        "01-empty.yaml",
        1,
        "the file is empty",
    )


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path / "s", **{"a.yaml": "- just\n- a list\n"}))
    assert (problem.line, problem.col) == (1, 1)
    assert problem.message == "expected a mapping at the top of the file, got a list"


def test_speaker_declared_in_a_later_file(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "s",
        **{
            "00_scenes.yaml": "scenes:\n  - {scene: a, title: A, body: [izumo: Hi.]}\n",
            "01_cast.yaml": GAME + '  izumo: {name: Izumo, color: "#7fa7c9"}\n',
        },
    )
    assert load_script(folder).lines()[0].speaker == "izumo"


def test_a_path_with_a_nul_byte_is_a_problem() -> None:
    with pytest.raises(ScriptError) as caught:
        load_script("bad\0path")
    assert caught.value.problems[0].message in ("no such file or folder", "cannot read this path")


def test_crlf_line_endings(tmp_path: Path) -> None:
    text = (
        GAME + "scenes:\n  - scene: a\n    title: A\n    body:\n      - Hi.\n      - bg: nowhere!\n"
    )
    file = tmp_path / "crlf.yaml"
    file.write_bytes(text.replace("\n", "\r\n").encode())
    [problem] = problems_of(file)
    assert (problem.line, problem.col) == (9, 13)


def test_scenes_without_ids_do_not_report_each_others_lines(tmp_path: Path) -> None:
    file = tmp_path / "s.yaml"
    file.write_text(
        GAME + "scenes:\n  - {title: A, body: [Hi.]}\n  - {title: B, body: [Hi.]}\n",
        encoding="utf-8",
    )
    found = problems_of(file)
    assert [(p.line, p.message) for p in found] == [
        (5, "the scene has no id"),
        (6, "the scene has no id"),
    ]
