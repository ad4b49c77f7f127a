"""Play I Can See The Village; `python main.py --help` lists the options."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from vn.ui.launch import launch

    fullscreen = True if args.fullscreen else False if args.windowed else None
    return launch(args.script, args.save_dir, fullscreen=fullscreen)


if __name__ == "__main__":
    sys.exit(main())
