"""main.py reads a plain command line itself, exactly as argparse would, and leaves anything
else to argparse."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_main() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vn_main", ROOT / "main.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


main = load_main()


def by_argparse(argv: list[str]) -> tuple[Path | None, Path | None, bool | None]:
    args = main.parse_args(argv)
    fullscreen = True if args.fullscreen else False if args.windowed else None
    return args.script, args.save_dir, fullscreen


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--windowed"],
        ["--fullscreen"],
        ["--windowed", "--save-dir", "/tmp/s"],
        ["--save-dir", "saves", "--script", "other/story.yaml", "--fullscreen"],
        ["--script", "s p a c e"],
        ["--save-dir", ""],
    ],
)
def test_a_plain_command_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    assert main.plain_options(argv) == by_argparse(argv)
    assert main.options(argv) == by_argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--save-dir=x"],
        ["--win"],
        ["--save-dir"],
        ["--save-dir", "--windowed"],
        ["--windowed", "--windowed"],
        ["--fullscreen", "--windowed"],
        ["--", "x"],
        ["story.yaml"],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert main.plain_options(argv) is None


def test_argparse_still_reads_what_it_alone_understands() -> None:
    assert main.options(["--save-dir=x", "--win"]) == (None, Path("x"), False)
