"""Script fuzzing: whatever a writer (or a cat on the keyboard) puts in a script, loading it
raises nothing but ScriptError, and every problem points at a real place in a real file.

Two families: structures (random values put where the format expects something else, dumped
with yaml.safe_dump) and raw text (random text, and the game's own files mutated line by line:
deleted, duplicated, swapped, re-indented lines, tabs, random bytes). Seeded (derandomized),
so CI sees the same inputs every run.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn.paths import ASSETS_DIR, SCRIPT_DIR
from vn.script import AssetResolver, Problem, ScriptError, load_script
from vn.script.registry import OPTION_KEYS, STATEMENT_WORDS

ASSETS = AssetResolver(ASSETS_DIR)
FILES = sorted(SCRIPT_DIR.glob("*.yaml"))
SETTINGS = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

WORDS = st.sampled_from(
    [
        "game",
        "characters",
        "scenes",
        "scene",
        "title",
        "body",
        "name",
        "color",
        "sprite",
        "ending",
        "kotetsu",
        "izumo",
        "forest_deep",
        "motif",
        "none",
        "stop",
        "",
        "..",
        "../x",
        "/etc/passwd",
        "a.png",
        "#zzzzzz",
        "#d9a441",
        *STATEMENT_WORDS,
        *OPTION_KEYS,
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | WORDS
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(WORDS, inner, max_size=4),
    max_leaves=20,
)
JUNK_LINES = st.sampled_from(
    [
        "\t- kotetsu: Hi.",
        "  \t  body:",
        "- - -",
        "scenes: [",
        "game: {title: x",
        '    - "unterminated',
        "    - 'also",
        "&a x: *a",
        "!!python/object/apply:os.system [echo]",
        "? complex key",
        "---",
        "...",
        "%YAML 1.1",
        "      - kotetsu: a: b",
        "      - izumo:",
        "\x00",
        "\ufeff",
        "\u2028",
        "\x85",
        "\r",
        "",
    ]
)


def problems_of(path: Path) -> tuple[Problem, ...]:
    """Load `path`; the problems it gives (none when it loads). Anything else fails the test."""
    try:
        load_script(path, assets=ASSETS)
    except ScriptError as error:
        assert error.problems, "a ScriptError always carries its problems"
        return error.problems
    return ()


def check_positions(found: tuple[Problem, ...], files: dict[Path, bytes]) -> None:
    """Every problem names one of the files written, at a line and column inside it."""
    names = {str(path): data for path, data in files.items()}
    for problem in found:
        assert problem.file in names, f"{problem} names no file of the script"
        assert problem.line >= 1 and problem.col >= 1, str(problem)
        lines = names[problem.file].count(b"\n") + names[problem.file].count(b"\r") + 2
        assert problem.line <= lines, f"{problem} is past the end of the file"
        assert problem.message and "Traceback" not in problem.message
        assert str(problem).startswith(f"{problem.file}:{problem.line}:{problem.col}: ")


def write_and_check(folder: Path, files: dict[str, bytes]) -> tuple[Problem, ...]:
    for old in folder.glob("*.yaml"):
        old.unlink()
    written = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        written[path] = data
    found = problems_of(folder if len(files) > 1 else next(iter(written)))
    check_positions(found, written)
    return found


# ----- structures --------------------------------------------------------------------------


def the_story() -> list[Any]:
    return [yaml.safe_load(path.read_text("utf-8")) for path in FILES]


def containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a document, for the fuzzer to pick from."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(containers(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(containers(item, (*path, index)))
    return found


def put(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return document


STORY = the_story()
PATHS = [containers(document) for document in STORY]


@st.composite
def mangled_story(draw: st.DrawFn) -> list[Any]:
    """The game's own files, with 1-4 values swapped for random ones (or keys added)."""
    documents = copy.deepcopy(STORY)
    for _ in range(draw(st.integers(1, 4))):
        which = draw(st.integers(0, len(documents) - 1))
        path = draw(st.sampled_from(PATHS[which]))
        try:
            target = documents[which]
            for key in path:
                target = target[key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change took this path away
        if isinstance(target, dict) and draw(st.booleans()):
            target[draw(WORDS | st.text(max_size=10))] = draw(VALUES)
        else:
            documents[which] = put(documents[which], path, draw(VALUES))
    return documents


@settings(SETTINGS, max_examples=120)  # each example dumps and loads the whole story
@given(documents=mangled_story(), unicode=st.booleans())
def test_random_values_in_the_story_give_only_script_errors(
    documents: list[Any], unicode: bool, tmp_path: Path, counts
) -> None:
    files = {
        path.name: yaml.safe_dump(doc, allow_unicode=unicode, sort_keys=False).encode("utf-8")
        for path, doc in zip(FILES, documents, strict=True)
    }
    write_and_check(tmp_path, files)
    counts.add("scripts_fuzzed")


@SETTINGS
@given(document=st.dictionaries(WORDS, VALUES, max_size=5) | VALUES)
def test_random_documents_give_only_script_errors(document: Any, tmp_path: Path, counts) -> None:
    found = write_and_check(tmp_path, {"one.yaml": yaml.safe_dump(document).encode("utf-8")})
    assert found, "a random document is never a whole game"
    counts.add("scripts_fuzzed")


# ----- raw text ----------------------------------------------------------------------------


def mutate_lines(lines: list[str], data: st.DataObject) -> list[str]:
    """One edit a careless hand could make to a file's lines."""
    if not lines:
        return [data.draw(JUNK_LINES)]
    at = data.draw(st.integers(0, len(lines) - 1), label="at")
    edit = data.draw(
        st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "tab", "junk", "bytes"])
    )
    line = lines[at]
    if edit == "delete":
        return lines[:at] + lines[at + 1 :]
    if edit == "duplicate":
        return [*lines[: at + 1], line, *lines[at + 1 :]]
    if edit == "swap":
        other = data.draw(st.integers(0, len(lines) - 1), label="other")
        lines = list(lines)
        lines[at], lines[other] = lines[other], lines[at]
        return lines
    if edit == "indent":
        return [*lines[:at], " " * data.draw(st.integers(1, 5)) + line, *lines[at + 1 :]]
    if edit == "dedent":
        return [*lines[:at], line.lstrip(" ")[: len(line)], *lines[at + 1 :]]
    if edit == "tab":
        cut = len(line) - len(line.lstrip(" "))
        return [*lines[:at], line[:cut] + "\t" + line[cut:], *lines[at + 1 :]]
    if edit == "junk":
        return [*lines[:at], data.draw(JUNK_LINES), *lines[at:]]
    spot = data.draw(st.integers(0, len(line)), label="spot")
    noise = data.draw(st.text(max_size=4))
    return [*lines[:at], line[:spot] + noise + line[spot:], *lines[at + 1 :]]


@SETTINGS
@given(data=st.data())
def test_mutated_story_files_give_only_script_errors(
    data: st.DataObject, tmp_path: Path, counts
) -> None:
    texts = {path.name: path.read_text("utf-8").split("\n") for path in FILES}
    for _ in range(data.draw(st.integers(1, 5), label="edits")):
        name = data.draw(st.sampled_from(sorted(texts)), label="file")
        texts[name] = mutate_lines(texts[name], data)
    files = {
        name: "\n".join(lines).encode("utf-8", errors="surrogatepass")
        for name, lines in texts.items()
    }
    write_and_check(tmp_path, files)
    counts.add("scripts_fuzzed")


@SETTINGS
@given(
    data=st.binary(max_size=300)
    | st.text(max_size=300).map(lambda t: t.encode("utf-8", errors="surrogatepass"))
)
def test_random_bytes_and_text_give_only_script_errors(data: bytes, tmp_path: Path, counts) -> None:
    found = write_and_check(tmp_path, {"noise.yaml": data})
    assert found, "noise is never a whole game"
    counts.add("scripts_fuzzed")


@SETTINGS
@given(
    cut=st.integers(0, 10_000),
    noise=st.binary(min_size=1, max_size=16),
    which=st.integers(0, len(FILES) - 1),
)
def test_story_files_with_random_bytes_inside_give_only_script_errors(
    cut: int, noise: bytes, which: int, tmp_path: Path, counts
) -> None:
    files = {path.name: path.read_bytes() for path in FILES}
    name = FILES[which].name
    data = files[name]
    at = cut % (len(data) + 1)
    files[name] = data[:at] + noise + data[at:]
    write_and_check(tmp_path, files)
    counts.add("scripts_fuzzed")


@pytest.mark.parametrize("name", [path.name for path in FILES])
def test_the_unmutated_story_loads(name: str, tmp_path: Path) -> None:
    """The baseline the fuzzers mutate is itself clean (so their errors are theirs)."""
    files = {path.name: path.read_bytes() for path in FILES}
    assert write_and_check(tmp_path, files) == ()
