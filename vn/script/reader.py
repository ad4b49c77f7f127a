"""Turn a file's bytes into YAML nodes, refusing what could hurt: bad encodings, tabs, tags,
anchors and aliases, and inputs too deep or too large to handle in bounded time and memory."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import yaml

from vn.script.problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000
MAX_SCALAR_CHARS = 100_000

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Limits:
    """Bounds on one file, so a hostile or broken input is refused quickly."""

    max_bytes: int = MAX_FILE_BYTES
    max_depth: int = MAX_DEPTH
    max_nodes: int = MAX_NODES
    max_scalar_chars: int = MAX_SCALAR_CHARS


def read_nodes(
    data: bytes, file: str, limits: Limits | None = None
) -> tuple[yaml.Node | None, list[Problem]]:
    """The root node of one YAML document, or None with the problems that stopped it."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        message = f"file is too large (the limit is {limits.max_bytes:,} bytes)"
        return None, [Problem(file, 1, 1, message, "split it into several files")]
    text, problem = decode(data, file)
    if problem is not None:
        return None, [problem]
    problems = find_tabs(text, file)
    if problems:
        return None, problems
    problems = scan_events(text, file, limits)
    if problems:
        return None, problems
    try:
        return yaml.compose(text, Loader=Loader), []
    except yaml.YAMLError as error:
        return None, [yaml_problem(error, text, file)]
    except RecursionError:
        return None, [Problem(file, 1, 1, "the YAML is nested too deeply")]


def decode(data: bytes, file: str) -> tuple[str, Problem | None]:
    """Strict UTF-8 (a leading BOM is allowed); the first bad byte is reported by line:col."""
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        byte = body[error.start]
        message = f"file is not UTF-8 (byte 0x{byte:02x} cannot start or continue a character)"
        return "", Problem(file, line, col, message, "save the file as UTF-8")


def find_tabs(text: str, file: str) -> list[Problem]:
    """Every tab in a line's indentation: YAML forbids them and the error it gives is obscure."""
    problems: list[Problem] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        for col, char in enumerate(line, start=1):
            if char == "\t":
                message = "tab character in the indentation"
                problems.append(Problem(file, number, col, message, "indent with spaces"))
            elif char not in " -":
                break
    return problems


def scan_events(text: str, file: str, limits: Limits) -> list[Problem]:
    """Walk the event stream once, before anything is built, and refuse what we never accept."""
    problems: list[Problem] = []
    depth = 0
    count = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.AliasEvent):
                message = f"aliases (`*{event.anchor}`) are not allowed"
                problems.append(_marked(file, event, message, "write the value out in full"))
                continue
            if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            count += 1
            if count > limits.max_nodes:
                message = f"the file holds more than {limits.max_nodes:,} values"
                return [*problems, _marked(file, event, message)]
            problems.extend(_node_event_problems(event, file, limits))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    message = f"nested more than {limits.max_depth} levels deep"
                    return [*problems, _marked(file, event, message)]
            if len(problems) > 100:
                return problems
    except yaml.YAMLError as error:
        return [*problems, yaml_problem(error, text, file)]
    return problems


def _node_event_problems(event: yaml.NodeEvent, file: str, limits: Limits) -> list[Problem]:
    problems: list[Problem] = []
    if event.anchor is not None:
        message = f"anchors (`&{event.anchor}`) are not allowed"
        problems.append(_marked(file, event, message, "write the value out in full"))
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in _STANDARD_TAGS:
        message = f"the tag `{_short_tag(tag)}` is not allowed"
        hint = "scripts hold only text, numbers, true/false, lists and mappings"
        problems.append(_marked(file, event, message, hint))
    value = getattr(event, "value", None)
    if isinstance(value, str) and len(value) > limits.max_scalar_chars:
        message = f"a value longer than {limits.max_scalar_chars:,} characters"
        problems.append(_marked(file, event, message, "split the text into several lines"))
    return problems


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _marked(file: str, event: yaml.Event, message: str, hint: str | None = None) -> Problem:
    mark = event.start_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(file, line, col, message, hint)


_HINTS: Mapping[str, str] = MappingProxyType(
    {
        "mapping values are not allowed": 'put text that holds ": " in "double quotes"',
        "found character that cannot start any token": (
            'put text that starts with a special character in "double quotes"'
        ),
        "expected <block end>, but found": "check the indentation of this line and the one above",
        "found unknown escape character": 'inside "double quotes" write \\\\ for a backslash',
    }
)


def yaml_problem(error: yaml.YAMLError, text: str, file: str) -> Problem:
    """One Problem for a YAML syntax error, at its mark."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    else:
        line, col = _position_to_line_col(text, getattr(error, "position", 0) or 0)
    problem = getattr(error, "problem", None) or getattr(error, "reason", None) or str(error)
    context = getattr(error, "context", None)
    message = f"bad YAML: {problem}" + (f" ({context})" if context else "")
    hint = next((hint for key, hint in _HINTS.items() if str(problem).startswith(key)), None)
    return Problem(file, max(line, 1), max(col, 1), message, hint)


def _position_to_line_col(text: str, position: int) -> tuple[int, int]:
    before = text[: max(0, min(position, len(text)))]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
