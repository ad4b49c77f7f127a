"""``python -m assets.generate``: rewrite the game's images and sounds, byte for byte."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .catalogue import KINDS, build

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assets.generate",
        description="Paint and synthesise every catalogued asset into assets/ (deterministic).",
    )
    parser.add_argument(
        "--only", choices=KINDS, metavar="KIND", help=f"one kind: {', '.join(KINDS)}"
    )
    parser.add_argument(
        "--contact-sheet", type=Path, metavar="PATH", help="also write a labelled review sheet"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="where to write (default: the assets folder)"
    )
    args = parser.parse_args(argv)
    for path in build(args.root, args.only):
        print(path.relative_to(args.root))
    if args.contact_sheet:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        from .contact_sheet import write_contact_sheet

        write_contact_sheet(args.root, args.contact_sheet)
        print(args.contact_sheet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
