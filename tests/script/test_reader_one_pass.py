"""The one-pass reader gives the same nodes as the careful path, and leaves to it every text
that could hold a tag, an anchor, an alias, deep nesting or a value past a limit."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vn.script.reader import Limits, Loader, compose_plain, scan_events

# Characters that change how YAML reads, with a little text between them.
YAMLISH = st.text(
    alphabet=st.sampled_from([*"-:?[]{},&*!|>#'\"\n  ab1.~", "\r", "\u2028"]),
    max_size=60,
)


def shape(node: yaml.Node | None) -> object:
    """A node tree as plain values, to compare two composes."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [shape(item) for item in node.value])
    return (node.tag, [(shape(k), shape(v)) for k, v in node.value])


def careful(text: str, limits: Limits) -> tuple[list[str], object]:
    found = scan_events(text, "f.yaml", limits)
    if found:
        return [p.message for p in found], None
    try:
        return [], shape(yaml.compose(text, Loader=Loader))
    except yaml.YAMLError as error:
        return [str(error)], None


@settings(max_examples=400, deadline=None)
@given(YAMLISH)
def test_one_pass_agrees_with_the_careful_path(text: str) -> None:
    limits = Limits(max_depth=8, max_nodes=12, max_scalar_chars=20)
    root = compose_plain(text, limits)
    if root is None:
        return
    problems, tree = careful(text, limits)
    assert problems == []
    assert shape(root) == tree


def test_properties_go_the_careful_way() -> None:
    for text in (
        "a: &x 1\n",
        "a: *x\n",
        "a: !!python/object 1\n",
        "[1,!x 2]\n",
        "{a:!x b}\n",
        "&x a\n",
        "a:\n\t- b\n",
    ):
        assert compose_plain(text, Limits()) is None, text


def test_exclamations_inside_lines_stay_on_the_fast_way() -> None:
    root = compose_plain("- kotetsu: Are you okay?!\n- Right! Fine*\n", Limits())
    assert root is not None
    assert [item.value[0][1].value for item in root.value[:1]] == ["Are you okay?!"]


def test_anything_that_could_nest_past_the_limit_goes_the_careful_way() -> None:
    assert compose_plain("[" * 70 + "]" * 70, Limits(max_depth=64)) is None
    assert compose_plain("[" * 30 + "]" * 30, Limits(max_depth=64)) is not None
    deep = "".join(" " * i + "-\n" for i in range(0, 80, 2))
    assert compose_plain(deep, Limits(max_depth=64)) is None
    old_mac = "a:\r" + " " * 200 + "b: c\r"
    assert compose_plain(old_mac, Limits(max_depth=64)) is None


def test_limits_send_the_text_the_careful_way() -> None:
    assert compose_plain("[" + ",".join(["1"] * 50) + "]", Limits(max_nodes=20)) is None
    assert compose_plain("- " + "a" * 50 + "\n", Limits(max_scalar_chars=20)) is None
    assert compose_plain("- " + "a" * 20 + "\n", Limits(max_scalar_chars=20)) is not None
