"""Whatever the text, load_script raises only ScriptError, with positions a writer can use."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn.script import AssetResolver, Script, ScriptError, load_script
from vn.script.registry import OPTION_KEYS, STATEMENT_WORDS

FRAGMENTS = [
    "game:",
    "characters:",
    "scenes:",
    "body:",
    "scene:",
    "title:",
    "- ",
    "  ",
    "\n",
    ": ",
    "kotetsu",
    "izumo",
    "{",
    "}",
    "[",
    "]",
    ",",
    '"',
    "'",
    "#",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "!!python/object:os.system ",
    "---",
    "...",
    "|",
    ">",
    "?",
    "\t",
    "\ufeff",
    "\x00",
    "1.5",
    "true",
    "null",
    "~",
    "#d9a441",
    *STATEMENT_WORDS,
    *OPTION_KEYS,
    "forest_deep",
    "motif",
]
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
        "kotetsu",
        "forest",
        "x",
        "",
        *STATEMENT_WORDS,
        *OPTION_KEYS,
    ]
)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | WORDS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(WORDS, children, max_size=4),
    max_leaves=30,
)
ASSETS = AssetResolver(Path(__file__).resolve().parents[2] / "assets")


def load_text(data: bytes) -> Script | None:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "fuzz.yaml"
        file.write_bytes(data)
        try:
            return load_script(file, ASSETS)
        except ScriptError as error:
            assert error.problems, "a ScriptError always carries problems"
            for problem in error.problems:
                assert problem.line >= 1 and problem.col >= 1, problem
                assert problem.message
            return None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60))
def test_random_yaml_like_text(parts: list[str]) -> None:
    load_text("".join(parts).encode("utf-8", errors="surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    load_text(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "game": VALUES,
            "characters": VALUES,
            "scenes": st.lists(
                st.fixed_dictionaries(
                    {"scene": WORDS, "title": VALUES, "body": st.lists(VALUES, max_size=6)}
                ),
                max_size=3,
            )
            | VALUES,
        },
    )
)
def test_random_structures(document: dict[str, object]) -> None:
    load_text(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_example(data: st.DataObject) -> None:
    readme = (Path(__file__).resolve().parents[2] / "script" / "README.md").read_text("utf-8")
    text = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        cut = data.draw(st.integers(min_value=0, max_value=8))
        insert = data.draw(st.sampled_from(FRAGMENTS) | st.text(max_size=3))
        text = text[:at] + insert + text[at + cut :]
    load_text(text.encode("utf-8", errors="surrogatepass"))
