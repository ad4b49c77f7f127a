"""The `vn` command line: argument parsing and dispatch, with no traceback for any input."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from vn import paths
from vn.cli_dialogue import write_dialogue
from vn.script import AssetResolver, Script, ScriptError, load_script

DESCRIPTION = """\
Tools for the scene scripts of vn, the engine that plays "I Can See The Village".
Run `%(prog)s COMMAND --help` for the options of each command.

exit status: 0 on success, 1 when the script has problems or a path is missing,
2 for a usage error."""


PATH_HELP = (
    "a script folder (all its *.yaml files, in file-name order) or a single .yaml file; "
    "default: ./script if it exists, else the game's own script folder"
)
ASSETS_HELP = (
    "the assets folder that names in the script are checked against; "
    "default: the assets/ folder beside the script, else the game's own"
)
CACHE_HELP = (
    "keep the checked script in DIR, so an unchanged script (same files, same asset names) "
    "is read without YAML next time; default: no cache"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_program(),
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate a script",
        description=(
            "Validate a script: YAML syntax, tabs, encoding, unknown keys, wrong types, "
            "unknown speakers, assets, transitions, positions, manners and effects, duplicate "
            "ids, empty text. Every problem is printed on standard output as "
            "`file:line:col: message (hint)`, a summary on standard error. "
            "Exit status: 0 when the script is clean, 1 when it has problems or cannot be read."
        ),
    )
    _add_script_arguments(check)
    dialogue = commands.add_parser(
        "dialogue",
        help="export every line in play order",
        description=(
            "Export every narrated, spoken or thought line in play order, one record per line "
            "with the fields id, scene, kind (narration, dialogue, thought), speaker (display "
            "name, empty for narration), text, inferred (true for lines the adaptation added) "
            "and manner. JSON lines by default; TSV has a header row, and tabs, newlines and "
            "backslashes in fields are written as \\t, \\n and \\\\. The script must be valid: "
            "its problems are printed as by `check` and the exit status is 1."
        ),
    )
    _add_script_arguments(dialogue)
    dialogue.add_argument(
        "--format", choices=("jsonl", "tsv"), default="jsonl", help="output format (default: jsonl)"
    )
    commands.add_parser(
        "adapt",
        help="draft a script from a prose story (see `python -m vn adapt --help`)",
        add_help=False,
    )
    return parser


def _program() -> str:
    """`python -m vn` when run as a module, else the console script's name."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "vn"
    return "python -m vn" if name in ("__main__.py", "-c", "") else name


def _add_script_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH", type=Path, help=PATH_HELP)
    parser.add_argument("--assets", metavar="DIR", type=Path, help=ASSETS_HELP)
    parser.add_argument("--cache-dir", metavar="DIR", type=Path, help=CACHE_HELP)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the exit status. Unexpected failures become a message, not a
    traceback (set VN_DEBUG=1 to see the traceback)."""
    _tolerant_output()
    try:
        return run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except Exception as error:
        if os.environ.get("VN_DEBUG"):
            raise
        print(f"vn: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("vn: this is a bug in vn; set VN_DEBUG=1 for the details", file=sys.stderr)
        return 3


def run(argv: list[str]) -> int:
    """Run a command and let exceptions through (for tests and debugging)."""
    if argv and argv[0] == "adapt":
        return _adapt(argv[1:])
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 1
    script = _load(args.path, args.assets, args.cache_dir)
    if script is None:
        return 1
    if args.command == "check":
        print(f"{_script_label(args.path)}: no problems", file=sys.stderr)
        return 0
    write_dialogue(script, args.format, sys.stdout)
    return 0


def _load(path: Path | None, assets: Path | None, cache_dir: Path | None = None) -> Script | None:
    script_path = path if path is not None else _default_script()
    if not script_path.exists():
        print(f"vn: {script_path}: no such file or folder", file=sys.stderr)
        return None
    assets_path = assets if assets is not None else paths.default_assets_for(script_path)
    if not assets_path.is_dir():
        print(f"vn: {assets_path}: no such assets folder", file=sys.stderr)
        return None
    try:
        return load_script(script_path, AssetResolver(assets_path), cache_dir=cache_dir)
    except ScriptError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        print(f"{script_path}: {count} {noun}", file=sys.stderr)
        return None


def _default_script() -> Path:
    local = Path("script")
    return local if local.exists() else paths.SCRIPT_DIR


def _script_label(path: Path | None) -> str:
    return str(path if path is not None else _default_script())


def _adapt(argv: list[str]) -> int:
    try:
        module = importlib.import_module("vn.adapt.cli")
    except ImportError as error:
        if not (error.name or "").startswith("vn.adapt"):
            raise
        print("vn: the `adapt` command is not available in this build", file=sys.stderr)
        return 1
    result = module.main(argv)
    return result if isinstance(result, int) else 0


def _tolerant_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
