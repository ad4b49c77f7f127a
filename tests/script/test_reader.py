"""The reader refuses broken and hostile input with one clear problem, in bounded time."""

from __future__ import annotations

from collections.abc import Callable

from vn.script import Problem
from vn.script.reader import Limits, read_nodes

GOOD = 'game: {title: T}\nscenes:\n  - scene: a\n    title: A\n    body:\n      - "Hello."\n'


def test_a_byte_order_mark_is_allowed(problems: Callable[[str | bytes], list[Problem]]) -> None:
    assert problems(b"\xef\xbb\xbf" + GOOD.encode()) == []


def test_not_utf8_reports_the_first_bad_byte(one_problem: Callable[[bytes], Problem]) -> None:
    data = (
        GOOD.replace('"Hello."', '"H\u00e9llo \xff."').encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    )
    problem = one_problem(data)
    assert (problem.line, problem.col) == (6, 16)
    assert problem.message.startswith("file is not UTF-8")
    assert problem.hint == "save the file as UTF-8"


def test_latin1_file_is_refused(one_problem: Callable[[bytes], Problem]) -> None:
    problem = one_problem("game: {title: Caf\u00e9}\n".encode("latin-1"))
    assert (problem.line, problem.col) == (1, 18)
    assert "0xe9" in problem.message


def test_each_indentation_tab_is_reported(problems: Callable[[str], list[Problem]]) -> None:
    found = problems("game:\n\ttitle: T\nscenes:\n  -\tx\n  - 'a\tb'\n")
    assert [(p.line, p.col) for p in found] == [(2, 1), (4, 4)]
    assert all(p.message == "tab character in the indentation" for p in found)
    assert all(p.hint == "indent with spaces" for p in found)


def test_yaml_syntax_error_has_its_mark(one_problem: Callable[[str], Problem]) -> None:
    problem = one_problem(GOOD + "      - kotetsu: He said: no\n")
    assert (problem.line, problem.col) == (7, 25)
    assert problem.message.startswith("bad YAML: mapping values are not allowed")
    assert problem.hint == 'put text that holds ": " in "double quotes"'


def test_unclosed_quote(one_problem: Callable[[str], Problem]) -> None:
    problem = one_problem(GOOD + '      - "never closed\n')
    assert problem.message.startswith("bad YAML")
    assert problem.line >= 7


def test_python_tag_is_refused_and_nothing_is_built(one_problem: Callable[[str], Problem]) -> None:
    text = GOOD + "      - !!python/object/apply:os.system ['touch /tmp/never']\n"
    problem = one_problem(text)
    assert (problem.line, problem.col) == (7, 9)
    assert problem.message == "the tag `!!python/object/apply:os.system` is not allowed"


def test_custom_tag_is_refused(one_problem: Callable[[str], Problem]) -> None:
    problem = one_problem(GOOD + "      - !shout Hello\n")
    assert problem.message == "the tag `!shout` is not allowed"


def test_standard_tags_are_allowed(problems: Callable[[str], list[Problem]]) -> None:
    assert problems(GOOD + "      - !!str 12\n      - pause: !!float 1\n") == []


def test_anchor_and_alias_are_refused(problems: Callable[[str], list[Problem]]) -> None:
    found = problems(GOOD + "      - &line Hello again.\n      - *line\n")
    assert [(p.line, p.col, p.message) for p in found] == [
        (7, 9, "anchors (`&line`) are not allowed"),
        (8, 9, "aliases (`*line`) are not allowed"),
    ]


def test_billion_laughs_is_refused_before_anything_is_built(
    problems: Callable[[str], list[Problem]],
) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found = problems("\n".join(lines) + "\n")
    assert (found[0].line, found[0].col, found[0].message) == (
        1,
        5,
        "anchors (`&a0`) are not allowed",
    )
    assert {p.message.split(" (")[0] for p in found} == {"anchors", "aliases"}


def test_deep_nesting_is_refused() -> None:
    text = "[" * 10_000 + "]" * 10_000
    node, found = read_nodes(text.encode(), "deep.yaml")
    assert node is None
    assert [(p.line, p.col, p.message) for p in found] == [
        (1, 65, "nested more than 64 levels deep")
    ]


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(" " * i + "- \n" for i in range(0, 400, 2))
    _, found = read_nodes(text.replace("- \n", "-\n").encode(), "deep.yaml")
    assert found and found[-1].message == "nested more than 64 levels deep"


def test_too_many_values_are_refused() -> None:
    text = "[" + ",".join(["1"] * 200) + "]"
    _, found = read_nodes(text.encode(), "wide.yaml", Limits(max_nodes=100))
    assert [p.message for p in found] == ["the file holds more than 100 values"]


def test_too_long_a_value_is_refused() -> None:
    text = "- " + "a" * 101 + "\n"
    _, found = read_nodes(text.encode(), "long.yaml", Limits(max_scalar_chars=100))
    assert [(p.line, p.col, p.message) for p in found] == [
        (1, 3, "a value longer than 100 characters")
    ]


def test_too_large_a_file_is_refused() -> None:
    _, found = read_nodes(b"a: b\n" * 100, "big.yaml", Limits(max_bytes=100))
    assert [(p.line, p.col) for p in found] == [(1, 1)]
    assert found[0].message.startswith("file is too large")


def test_control_character_is_a_problem_with_a_position(
    one_problem: Callable[[str], Problem],
) -> None:
    problem = one_problem(GOOD + "      - bell\x07\n")
    assert problem.line == 7
    assert problem.col >= 1


def test_two_documents_in_one_file(one_problem: Callable[[str], Problem]) -> None:
    problem = one_problem(GOOD + "---\n" + GOOD)
    assert problem.line == 7
    assert problem.message.startswith("bad YAML")


def test_non_ascii_columns_count_characters(one_problem: Callable[[str], Problem]) -> None:
    problem = one_problem(GOOD + "      - \u00e9\u00e9\u00e9: bad\n")
    assert (problem.line, problem.col) == (7, 9)
    assert problem.message == "unknown speaker `\u00e9\u00e9\u00e9`"
