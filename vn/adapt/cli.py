"""`vn adapt STORY.txt [-o OUT.yaml] [--characters ROSTER.yaml]`: draft a script from prose."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from vn.adapt.characters import RosterEntry, roster_entries
from vn.adapt.draft import draft
from vn.adapt.emit import emit

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DESCRIPTION = """\
Draft a scene script from a prose story. The draft passes `python -m vn check`, plays with
placeholder staging (a black background, no sprites) and exports with `vn dialogue`; it is
a first draft for a writer to finish, not a finished adaptation.

What it does: the first line becomes the title if it looks like one; chapter headings start
new scenes; paragraphs become narration; quotations become dialogue lines with their
speaker, and dialogue tags ("she whispered") are kept out of the narration, their manner
(whisper, murmur, shout, scream, slur, choke, sob, pant) kept on the line. "X thought" and
_italic_ sentences become thoughts. Two or more blank lines in a row are marked with a
comment and a short pause: a line may be missing there.

Every spoken line ends with a comment saying how its speaker was found:
  tag          the tag names the speaker ("said Izumo")
  pronoun      a pronoun or description in the tag ("he said", "the older man snapped")
  beat         an action beside the line names who acts ("Izumo coughed.")
  vocative     someone was called by name ("Shut up, Izumo" is not Izumo's line)
  turn-taking  untagged lines alternating between the last two speakers
  unknown      nothing settles it: the speaker is "???", never a guess
"""

_EPILOG = """\
roster file (--characters): YAML mapping each display name to its aliases, e.g.
  Elizabeth Bennet: [Elizabeth, Lizzy, Miss Bennet, Miss Eliza]
  Mr. Darcy: {aliases: [Darcy], gender: male, color: "#7fa7c9", id: darcy}
Without a roster the characters are discovered in the text. See docs/adapt.md.

exit status: 0 on success, 2 for bad arguments or a file that cannot be read or written.
"""


class _UsageError(Exception):
    """A problem the author can fix; shown as one line, never a traceback."""


def main(argv: list[str]) -> int:
    """Run the command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        story = _read_text(Path(args.story), "story")
        roster = _read_roster(Path(args.characters)) if args.characters else None
        title = None if _has_title(story) else _title_from(Path(args.story))
        result = draft(story, roster, title=title)
        output = emit(result, source=Path(args.story).name)
        _write(output, args.output)
    except _UsageError as error:
        print(f"vn adapt: {error}", file=sys.stderr)
        return 2
    if args.output:
        _summary(result, args.output)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vn adapt",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("story", metavar="STORY.txt", help="the story, as UTF-8 plain text")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.yaml",
        help="where to write the draft (default: print it to standard output)",
    )
    parser.add_argument(
        "--characters",
        metavar="ROSTER.yaml",
        help="the cast: display name -> aliases (default: find the characters in the text)",
    )
    return parser


def _read_text(path: Path, what: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _UsageError(f"{path}: no such {what} file") from None
    except IsADirectoryError:
        raise _UsageError(f"{path}: is a folder, not a {what} file") from None
    except OSError as error:
        raise _UsageError(f"{path}: cannot read the {what} file ({error.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _UsageError(
            f"{path}: not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_roster(path: Path) -> list[RosterEntry]:
    text = _read_text(path, "roster")
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise _UsageError(f"{path}{where}: {problem}") from None
    try:
        return roster_entries(data)
    except ValueError as error:
        raise _UsageError(f"{path}: {error}") from None


def _has_title(story: str) -> bool:
    from vn.adapt.segment import segment

    return segment(story[:2000]).title is not None


def _title_from(path: Path) -> str:
    return (
        " ".join(word.capitalize() for word in path.stem.replace("_", "-").split("-")) or "Untitled"
    )


def _write(output: str, target: str | None) -> None:
    if target is None:
        sys.stdout.write(output)
        return
    path = Path(target)
    try:
        path.write_text(output, encoding="utf-8")
    except OSError as error:
        raise _UsageError(f"{path}: cannot write the draft ({error.strerror})") from None


def _summary(result: object, target: str) -> None:
    lines = [line for line in result.lines if line.speaker]  # type: ignore[attr-defined]
    unknown = sum(1 for line in lines if line.method == "unknown")
    print(f"wrote {target}: {len(lines)} spoken lines, {unknown} with an unknown speaker")
