"""Play I Can See The Village; `python main.py --help` lists the options."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

FLAGS = ("--fullscreen", "--windowed")
VALUES = ("--save-dir", "--script")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    import argparse

    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Play the visual novel I Can See The Village.",
        epilog=(
            "Keys: click, Space or Enter advance; wheel up or Page Up rolls back; Esc or right "
            "click opens the menu; hold Ctrl or press Tab to skip read text; A auto-forwards; H "
            "or middle click hides the text; L shows the history; F5/F9 quick save and load; S "
            "takes a screenshot; F, F11 or Alt+Enter toggle fullscreen."
        ),
    )
    parser.add_argument(
        "--save-dir",
        type=Path,
        metavar="DIR",
        help="where saves, preferences and screenshots go (default: your per-user data folder)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    mode.add_argument(
        "--windowed",
        action="store_true",
        help="start in a window (without either, as the preferences say)",
    )
    parser.add_argument(
        "--script",
        type=Path,
        metavar="DIR",
        help="play another script folder or .yaml file (default: the game's own script/)",
    )
    return parser.parse_args(argv)


Options = tuple[Path | None, Path | None, bool | None]  # script, save folder, fullscreen


def plain_options(argv: list[str]) -> Options | None:
    """The options of a plain command line (each option once, spelled in full, a value that
    is not an option), read without argparse, whose import and set-up cost a few ms of every
    start; None for anything else (help, an error, `--opt=value`, an abbreviation), which
    argparse then reads and reports exactly as always."""
    flags: set[str] = set()
    values: dict[str, Path] = {}
    tokens = iter(argv)
    for token in tokens:
        if token in flags or token in values:
            return None
        if token in FLAGS:
            flags.add(token)
        elif token in VALUES:
            value = next(tokens, None)
            if value is None or value.startswith("-"):
                return None
            values[token] = Path(value)
        else:
            return None
    if len(flags) > 1:
        return None
    fullscreen = True if "--fullscreen" in flags else False if "--windowed" in flags else None
    return values.get("--script"), values.get("--save-dir"), fullscreen


def options(argv: list[str] | None = None) -> Options:
    plain = plain_options(sys.argv[1:] if argv is None else argv)
    if plain is not None:
        return plain
    args = parse_args(argv)
    fullscreen = True if args.fullscreen else False if args.windowed else None
    return args.script, args.save_dir, fullscreen


def main(argv: list[str] | None = None) -> int:
    script, save_dir, fullscreen = options(argv)
    from vn.ui.launch import launch

    return launch(script, save_dir, fullscreen=fullscreen)


if __name__ == "__main__":
    sys.exit(main())
