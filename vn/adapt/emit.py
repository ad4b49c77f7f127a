"""Write a draft as a scene script: YAML a writer can read, with a note on every guess.

Every text scalar goes through YAML's own emitter (double-quoted, never folded), so no line
of prose can break the file, whatever quotes, colons or `#` it holds.
"""

from __future__ import annotations

import re

import yaml

from vn.adapt.draft import Draft, DraftLine

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NO_FOLDING = 2**31 - 1
_GAP_SECONDS = 0.5
_BREAK_SECONDS = 1.0
_HEADER = """\
# Draft scene script adapted from {source} by `vn adapt`.
# Each spoken line ends with how its speaker was found (# via: ...). "tag" lines name the
# speaker in the prose; check "pronoun", "beat", "vocative" and "turn-taking" lines against
# the story, and give every "unknown" ("???") line its speaker or leave it a stranger's.
# "a line may be missing here" marks blank lines in the prose where a line may have been lost.
"""


def emit(draft: Draft, source: str = "the story") -> str:
    """The draft as YAML text in the scene-script format."""
    texts = _quoted([draft.title, *_scalars(draft)])
    title, rest = texts[0], iter(texts[1:])
    out = [_HEADER.format(source=source), "game:", f"  title: {title}", "", "characters:"]
    for character in draft.characters:
        out.append(f'  {character.id}: {{name: {next(rest)}, color: "{character.color}"}}')
    if not draft.characters:
        out[-1] = "characters: {}"
    out += ["", "scenes:" if any(line.kind == "scene" for line in draft.lines) else "scenes: []"]
    scene_ids: set[str] = set()
    for line in draft.lines:
        if line.kind == "scene":
            out += _scene(next(rest), line.text or draft.title, scene_ids)
        elif line.kind == "gap":
            out += ["      # a line may be missing here", f"      - pause: {_GAP_SECONDS}"]
        elif line.kind == "break":
            out += ["      # a scene break in the prose", f"      - pause: {_BREAK_SECONDS}"]
        else:
            out += _line(line, next(rest))
    return "\n".join(out) + "\n"


def _scalars(draft: Draft) -> list[str]:
    values = [c.name for c in draft.characters]
    for line in draft.lines:
        if line.kind == "scene":
            values.append(line.text or draft.title)
        elif line.kind not in {"gap", "break"}:
            values.append(line.text)
    return values


def _quoted(values: list[str]) -> list[str]:
    """Each value as a one-line double-quoted YAML scalar, all through one emitter call."""
    dumped = yaml.dump(
        values,
        Dumper=_DUMPER,
        default_style='"',
        width=_NO_FOLDING,
        allow_unicode=True,
        default_flow_style=False,
    )
    lines = dumped.splitlines()
    if len(lines) != len(values):
        raise ValueError("a text scalar did not fit on one line")
    return [line[2:] for line in lines]


def _scene(title: str, plain_title: str, taken: set[str]) -> list[str]:
    base = re.sub(r"[^a-z0-9]+", "-", plain_title.lower()).strip("-")[:40].strip("-") or "scene"
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    taken.add(ident)
    return [f"  - scene: {ident}", f"    title: {title}", "    body:", "      - bg: black"]


def _line(line: DraftLine, text: str) -> list[str]:
    if line.kind == "narration":
        return [f"      - {text}"]
    out = [f"      - {line.speaker}: {text}  # via: {line.method}"]
    if line.kind == "thought":
        out.append("        thought: true")
    if line.manner:
        out.append(f"        manner: {line.manner}")
    return out
