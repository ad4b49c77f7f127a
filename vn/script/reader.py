"""Turn a file's bytes into YAML nodes, refusing what could hurt: bad encodings, tabs, tags,
anchors and aliases, and inputs too deep or too large to handle in bounded time and memory."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import yaml

from vn.script.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    MAX_SCALAR_CHARS,
    Limits,
)
from vn.script.problems import Problem

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_SCALAR_CHARS",
    "Limits",
    "compose_plain",
    "decode",
    "find_tabs",
    "read_nodes",
    "scan_events",
    "yaml_problem",
]

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


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
    root = compose_plain(text, limits)
    if root is not None:
        return root, []
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
    if "\t" not in text:
        return problems
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        for col, char in enumerate(line, start=1):
            if char == "\t":
                message = "tab character in the indentation"
                problems.append(Problem(file, number, col, message, "indent with spaces"))
            elif char not in " -":
                break
    return problems


class _Unbounded(Exception):
    """A file went past a limit while being composed: read it again the careful way."""


class _BoundedLoader(Loader):  # type: ignore[misc, valid-type]
    """The C loader with the limits checked as it composes (every untagged node passes through
    `resolve`) and a plain scalar's type found by one table lookup on its first character."""

    def __init__(self, text: str, limits: Limits) -> None:
        super().__init__(text)
        self._nodes_left = limits.max_nodes
        self._longest = limits.max_scalar_chars

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        self._nodes_left -= 1
        if self._nodes_left < 0:
            raise _Unbounded
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]
        assert value is not None
        if len(value) > self._longest:
            raise _Unbounded
        if implicit[0]:
            for tag, pattern in _IMPLICIT.get(value[:1], ()):
                if pattern.match(value):
                    return tag  # type: ignore[no-any-return]
        return _TAG_STR


_TAG_STR = "tag:yaml.org,2002:str"
_IMPLICIT = MappingProxyType(
    {first: tuple(found) for first, found in Loader.yaml_implicit_resolvers.items()}
)
_INDICATORS = re.compile("[!&*]")
_RARE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def compose_plain(text: str, limits: Limits) -> yaml.Node | None:
    """The root node in one pass, for text that can hold no tag, anchor or alias and cannot
    nest past the depth limit; None sends the text to the careful path (event scan, compose),
    which reports exactly what is wrong. The C composer recurses without bound, so it never
    sees text that could nest deeper than the limit."""
    if _may_hold_properties(text) or not _shallow(text, limits.max_depth):
        return None
    loader = _BoundedLoader(text, limits)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except (_Unbounded, yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def _may_hold_properties(text: str) -> bool:
    """A tag, an anchor or an alias starts a token: at the text's start, or after a space, a
    line break or a flow indicator (in flow collections `:` and `?` are indicators too).
    `!` ending `Right!` or `*` inside a word start none."""
    if "!" not in text and "&" not in text and "*" not in text:
        return False
    before = "[]{},:?" if "[" in text or "{" in text else "[]{},"
    for match in _INDICATORS.finditer(text):
        start = match.start()
        if start == 0 or text[start - 1].isspace() or text[start - 1] in before:
            return True
    return False


def _shallow(text: str, max_depth: int) -> bool:
    """True when no collection can nest deeper than `max_depth`: every flow collection needs
    a `[` or `{`, and a block collection starts at the column where its line's run of
    indentation and indicators (` -?:`) ends, at most two per column (a mapping and a
    sequence written under it without indentation)."""
    flows = text.count("[") + text.count("{")
    widest = (max_depth - flows) // 2 - 2  # depth <= 2 * (run + 1) + flows
    if widest < 0:
        return False
    run = f"[ \t?:-]{{{widest + 1}}}"
    breaks = "[\n\r\x85\u2028\u2029]" if any(b in text for b in _RARE_BREAKS) else "\n"
    return re.match(run, text) is None and re.search(breaks + run, text) is None


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
