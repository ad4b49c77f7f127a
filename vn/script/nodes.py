"""Read typed values out of YAML nodes, reporting every mistake instead of stopping at one."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from vn.script.problems import Problem, Source

_TAG = "tag:yaml.org,2002:"
_NUMBER_TAGS = frozenset({_TAG + "int", _TAG + "float"})


@dataclass
class Context:
    """The file being read and the problems found so far (shared by every file of a script)."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        source = self.source(node)
        self.problems.append(Problem(source.file, source.line, source.col, message, hint))

    def source(self, node: yaml.Node) -> Source:
        mark = node.start_mark
        return Source(self.file, mark.line + 1, mark.column + 1)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A `did you mean X?` hint when a close choice exists."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {matches[0]}?" if matches else None


def describe(node: yaml.Node) -> str:
    """What a node holds, in a writer's words."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return {
        _TAG + "int": "a number",
        _TAG + "float": "a number",
        _TAG + "bool": "true/false",
        _TAG + "null": "nothing",
    }.get(node.tag, "text")


def items(node: yaml.MappingNode, ctx: Context) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) for each entry; duplicate and non-text keys are reported."""
    seen: dict[str, yaml.Node] = {}
    result: list[tuple[str, yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.report(key_node, f"a key must be a word, not {describe(key_node)}")
            continue
        key = key_node.value
        if key in seen:
            first = seen[key].start_mark.line + 1
            ctx.report(key_node, f"duplicate key `{key}` (first on line {first})")
            continue
        seen[key] = key_node
        result.append((key, key_node, value_node))
    return result


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null"


def text(node: yaml.Node, what: str, ctx: Context, *, required: bool = True) -> str | None:
    """Text as written (a plain `No` or `42` stays text); None, reported, for anything else."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _TAG + "null" or not node.value.strip():
            if required:
                ctx.report(node, f"empty {what}", "write the text, or remove the entry")
            return None
        return node.value.strip()
    ctx.report(node, f"expected text for `{what}`, got {describe(node)}")
    return None


def number(
    node: yaml.Node, what: str, ctx: Context, *, low: float = 0.0, high: float = 600.0
) -> float | None:
    """A finite number within [low, high]."""
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _NUMBER_TAGS:
        ctx.report(node, f"expected a number for `{what}`, got {describe(node)}")
        return None
    try:
        constructor = yaml.constructor.SafeConstructor()
        if node.tag == _TAG + "int":
            value = float(constructor.construct_yaml_int(node))
        else:
            value = float(constructor.construct_yaml_float(node))
    except (ValueError, OverflowError):
        ctx.report(node, f"`{what}` is not a number this engine can use")
        return None
    if not math.isfinite(value) or not low <= value <= high:
        ctx.report(node, f"`{what}` must be between {low:g} and {high:g}, got {node.value}")
        return None
    return value


def boolean(node: yaml.Node, what: str, ctx: Context) -> bool | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "bool":
        return bool(yaml.constructor.SafeConstructor().construct_yaml_bool(node))
    ctx.report(node, f"expected true or false for `{what}`, got {describe(node)}")
    return None


def mapping(node: yaml.Node, what: str, ctx: Context) -> yaml.MappingNode | None:
    if isinstance(node, yaml.MappingNode):
        return node
    ctx.report(node, f"expected a mapping for `{what}`, got {describe(node)}")
    return None


def sequence(node: yaml.Node, what: str, ctx: Context) -> yaml.SequenceNode | None:
    if isinstance(node, yaml.SequenceNode):
        return node
    ctx.report(node, f"expected a list for `{what}`, got {describe(node)}", "start items with `- `")
    return None


def choice(node: yaml.Node, what: str, choices: Iterable[str], ctx: Context) -> str | None:
    """One word of a closed vocabulary (transition, position, manner, effect)."""
    word = text(node, what, ctx)
    if word is None:
        return None
    options = tuple(choices)
    if word not in options:
        hint = did_you_mean(word, options) or "one of: " + ", ".join(options)
        ctx.report(node, f"unknown {what} `{word}`", hint)
        return None
    return word
