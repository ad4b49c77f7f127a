"""A corpus of hand-written bad scripts: each gives the exact message at the exact line:col.

Every problem kind the validator knows, plus the tricky ones a writer really makes. A case is
(files, fragment, line, col): the first problem reported must hold `fragment` and stand at
`line`:`col` of the file named (the first file when only one is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR
from vn.script import AssetResolver, ScriptError, load_script
from vn.script.reader import Limits

HEADER = """\
game:
  title: T
characters:
  kotetsu: {name: Kotetsu, color: "#d9a441"}
  izumo: {name: Izumo, color: "#7fa7c9"}
scenes:
  - scene: forest
    title: The forest
    body:
      - kotetsu: Hello.
"""
BODY_LINE = 11  # the first line written after HEADER


def body(*lines: str) -> str:
    """HEADER, then these lines as the rest of the first scene's body (6-space indent)."""
    return HEADER + "".join(f"      {line}\n" for line in lines)


def replace(old: str, new: str, text: str = HEADER) -> str:
    assert old in text
    return text.replace(old, new, 1)


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, bytes]
    fragment: str
    line: int
    col: int
    file: str = ""  # which file the problem is in (default: the first)
    limits: Limits | None = None


def case(name: str, text: str | bytes, fragment: str, line: int, col: int, **kw: object) -> Case:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return Case(name, {"script.yaml": data}, fragment, line, col, **kw)  # type: ignore[arg-type]


def two_files(name: str, first: str, second: str, fragment: str, line: int, col: int) -> Case:
    files = {"01-a.yaml": first.encode(), "02-b.yaml": second.encode()}
    return Case(name, files, fragment, line, col, file="02-b.yaml")


SCENE_B = "scenes:\n  - scene: {id}\n    title: B\n    body:\n      - izumo: Hi.\n"

CASES = [
    # ----- reading the file ---------------------------------------------------------------
    case("empty file", "", "the file is empty", 1, 1),
    case("only a comment", "# nothing here\n", "the file is empty", 1, 1),
    case("a list at the top", "- a\n- b\n", "expected a mapping at the top of the file", 1, 1),
    case("text at the top", "just words\n", "expected a mapping at the top of the file", 1, 1),
    case("latin-1 file", body("- Caf\u00e9 noir.").encode("latin-1"), "not UTF-8", BODY_LINE, 12),
    case("NUL byte", body("- He\x00llo."), "bad YAML", BODY_LINE, 11),
    case("tab in indentation", body("\t- Hello."), "tab character in the indentation", 11, 7),
    case(
        "bad indentation",
        HEADER + "     - Bad.\n",  # one space short of the body's items
        "bad YAML: did not find expected key",
        BODY_LINE,
        6,
    ),
    case(
        "an over-indented line is read as more of the text above (YAML's rule), so it loads",
        body("- Hello.", "   - Bad.", "- kotetsu: [x]"),
        "expected text for `line`, got a list",
        BODY_LINE + 2,
        18,
    ),
    case("unclosed quote", body('- "Hello.'), "bad YAML", BODY_LINE + 1, 1),
    case(
        "colon in plain text",
        body("- kotetsu: Wait: no."),
        "mapping values are not allowed",
        BODY_LINE,
        22,
    ),
    case("anchor", body("- &line Hello."), "anchors (`&line`) are not allowed", BODY_LINE, 9),
    case(
        "alias",
        body("- &a Hello.", "- *a"),
        "anchors (`&a`) are not allowed",
        BODY_LINE,
        9,
    ),
    case(
        "python tag",
        body("- !!python/object/apply:os.system [echo]"),
        "the tag `!!python/object/apply:os.system` is not allowed",
        BODY_LINE,
        9,
    ),
    case("custom tag", body("- !shout Hello."), "the tag `!shout` is not allowed", BODY_LINE, 9),
    case(
        "too deep",
        body("- " + "[" * 70 + "]" * 70),
        "nested more than 64 levels deep",
        BODY_LINE,
        9 + 60,  # the top mapping, scenes, a scene and its body come first
    ),
    case(
        "too long a value",
        body("- " + "x" * 101),
        "a value longer than 100 characters",
        BODY_LINE,
        9,
        limits=Limits(max_scalar_chars=100),
    ),
    case(
        "too many values",
        body(*["- Hello."] * 30),
        "the file holds more than 40 values",
        BODY_LINE + 9,  # the header holds 31 values
        9,
        limits=Limits(max_nodes=40),
    ),
    case(
        "too large a file",
        body("- Hello."),
        "file is too large (the limit is 100 bytes)",
        1,
        1,
        limits=Limits(max_bytes=100),
    ),
    # ----- top level and game -------------------------------------------------------------
    case(
        "unknown top key", HEADER + "charcters: {}\n", "unknown key `charcters` in the top", 11, 1
    ),
    case("duplicate top key", HEADER + "game: {title: U}\n", "duplicate key `game`", 11, 1),
    case(
        "no game",
        HEADER.split("characters:")[0].replace("game:\n  title: T\n", "")
        + "characters:"
        + HEADER.split("characters:")[1],
        "the script has no `game`",
        1,
        1,
    ),
    case("no scenes", HEADER.split("scenes:")[0], "the script has no `scenes`", 1, 1),
    case(
        "game without title",
        replace("  title: T\n", "  content_note: x\n"),
        "`game` has no `title`",
        2,
        3,
    ),
    case(
        "game is text",
        replace("game:\n  title: T\n", "game: The Game\n"),
        "expected a mapping for `game`, got text",
        1,
        7,
    ),
    case(
        "unknown game key",
        replace("  title: T\n", "  title: T\n  titel_music: motif\n"),
        "unknown key `titel_music` in `game`",
        3,
        3,
    ),
    case(
        "title background with a dot",
        replace("  title: T\n", "  title: T\n  title_background: title.png\n"),
        "`title.png` is not a valid asset name",
        3,
        21,
    ),
    case(
        "unknown title music",
        replace("  title: T\n", "  title: T\n  title_music: motiv\n"),
        "no music `motiv` in assets/music",
        3,
        16,
    ),
    case(
        "ending is a list",
        replace("  title: T\n", "  title: T\n  ending: [a]\n"),
        "expected a mapping for `ending`, got a list",
        3,
        11,
    ),
    # ----- characters ---------------------------------------------------------------------
    case(
        "speaker id is a statement word",
        replace("  izumo: {", "  music: {"),
        "`music` cannot be a character id: it is a statement word",
        5,
        3,
    ),
    case(
        "speaker id is an option word",
        replace("  izumo: {", "  manner: {"),
        "`manner` cannot be a character id",
        5,
        3,
    ),
    case(
        "capitals in a speaker id",
        replace("  izumo: {", "  Izumo: {"),
        "`Izumo` is not a valid character id",
        5,
        3,
    ),
    case(
        "character without colour",
        replace(', color: "#7fa7c9"}', "}"),
        "character `izumo` has no `color`",
        5,
        10,
    ),
    case(
        "unquoted colour", replace('color: "#7fa7c9"}', "color: #7fa7c9}"), "bad YAML", 6, 7
    ),  # the # starts a comment: the flow mapping never closes
    case("colour that is not one", replace('"#7fa7c9"', '"blue"'), "`blue` is not a colour", 5, 31),
    case(
        "number where a name is expected",
        replace("{name: Izumo,", "{name: [1, 2],"),
        "expected text for `name`, got a list",
        5,
        17,
    ),
    case(
        "sprite with a path",
        replace('color: "#7fa7c9"}', 'color: "#7fa7c9", sprite: ../x}'),
        "`../x` is not a valid sprite folder",
        5,
        50,
    ),
    case(
        "characters is a list",
        replace("characters:\n  kotetsu: {", "characters: [kotetsu]\nx:\n  kotetsu: {"),
        "expected a mapping for `characters`, got a list",
        3,
        13,
    ),
    two_files(
        "duplicate character across files",
        HEADER,
        'characters:\n  izumo: {name: I, color: "#000000"}\n',
        "character `izumo` is declared twice (first at",
        2,
        3,
    ),
    two_files(
        "game declared in two files",
        HEADER,
        "game:\n  title: Again\n",
        "`game` is declared twice (first at",
        2,  # at the mapping the second `game:` holds
        3,
    ),
    # ----- scenes -------------------------------------------------------------------------
    case(
        "scene without a title",
        replace("    title: The forest\n", ""),
        "the scene has no `title`",
        7,
        5,
    ),
    case(
        "scene without an id",
        replace("  - scene: forest\n    title", "  - title"),
        "the scene has no id",
        7,
        5,
    ),
    case("scene without a body", HEADER.split("    body:")[0], "the scene has no `body`", 7, 5),
    case(
        "empty body",
        replace("    body:\n      - kotetsu: Hello.\n", "    body: []\n"),
        "the scene's body is empty",
        9,
        11,
    ),
    case(
        "body is text",
        replace("    body:\n      - kotetsu: Hello.\n", "    body: Hello.\n"),
        "expected a list for `body`, got text",
        9,
        11,
    ),
    case(
        "scene id with capitals",
        replace("scene: forest", "scene: Forest"),
        "`Forest` is not a valid scene id",
        7,
        12,
    ),
    case(
        "unknown scene key",
        replace("    title: The forest\n", "    title: The forest\n    titl: x\n"),
        "unknown key `titl` in a scene",
        9,
        5,
    ),
    case(
        "card is not true/false",
        replace("    title: The forest\n", "    title: The forest\n    card: maybe\n"),
        "expected true or false for `card`, got text",
        9,
        11,
    ),
    two_files(
        "duplicate scene id across files",
        HEADER,
        SCENE_B.format(id="forest"),
        "duplicate scene id `forest` (first at",
        2,
        12,
    ),
    # ----- statements ---------------------------------------------------------------------
    case("a list as a statement", body("- [a, b]"), "expected a line of text or a mapping", 11, 9),
    case("empty line", body("- kotetsu:"), "empty line", 11, 17),
    case(
        "text where a mapping is expected",
        body("- bg: forest_deep", "  transition: {kind: fade}"),
        "expected text for `transition`, got a mapping",
        12,
        21,
    ),
    case("number where text is expected", body("- show: 42"), "unknown character `42`", 11, 15),
    case(
        "two statements in one item",
        body("- bg: forest_deep", "  music: motif"),
        "two statements in one item: `bg` and `music`",
        12,
        9,
    ),
    case(
        "options without a statement",
        body("- manner: whisper"),
        "this item has options but no statement or speaker",
        11,
        9,
    ),
    case("unknown statement", body("- bgg: forest_deep"), "unknown statement `bgg`", 11, 9),
    case("unknown speaker", body("- genma: Hi."), "unknown speaker `genma`", 11, 9),
    case(
        "thought on narration",
        body("- narrate: Hm.", "  thought: true"),
        "`thought: true` is only for a character's lines",
        12,
        9,
    ),
    case(
        "option of another statement",
        body("- bg: forest_deep", "  fade: 2"),
        "`fade` does not apply to `bg`",
        12,
        9,
    ),
    case(
        "unknown option",
        body("- bg: forest_deep", "  transiton: fade"),
        "unknown key `transiton` for `bg`",
        12,
        9,
    ),
    case(
        "unknown transition",
        body("- bg: forest_deep", "  transition: slide"),
        "unknown transition `slide`",
        12,
        21,
    ),
    case("unknown position", body("- show: izumo", "  at: top"), "unknown position `top`", 12, 13),
    case("unknown manner", body("- izumo: Hi.", "  manner: sing"), "unknown manner `sing`", 12, 17),
    case("unknown effect", body("- effect: wobble"), "unknown effect `wobble`", 11, 17),
    case(
        "duration as text",
        body("- bg: forest_deep", '  duration: "1.5"'),
        "expected a number for `duration`, got text",
        12,
        19,
    ),
    case(
        "volume out of range",
        body("- sound: stumble", "  volume: 1.5"),
        "`volume` must be between 0 and 1, got 1.5",
        12,
        17,
    ),
    case("a pause of forever", body("- pause: .inf"), "`pause` must be between", 11, 16),
    case(
        "a huge integer",
        body("- pause: " + "9" * 400),
        "`pause` is not a number this engine can use",
        11,
        16,
    ),
    case(
        "asset name with a dot",
        body("- bg: forest_deep.png"),
        "`forest_deep.png` is not a valid background name",
        11,
        13,
    ),
    case(
        "asset name with ..",
        body("- music: ../../etc/passwd"),
        "`../../etc/passwd` is not a valid music name",
        11,
        16,
    ),
    case(
        "absolute asset path",
        body("- sound: /etc/passwd"),
        "`/etc/passwd` is not a valid sound name",
        11,
        16,
    ),
    case("missing background", body("- bg: forst_deep"), "no background `forst_deep`", 11, 13),
    case("missing overlay", body("- overlay: memry"), "no overlay `memry`", 11, 18),
    case("missing ambience", body("- ambience: wind"), "no ambience `wind`", 11, 19),
    case("unknown character to show", body("- show: kotetu"), "unknown character `kotetu`", 11, 15),
    case("unknown character to hide", body("- hide: genma"), "unknown character `genma`", 11, 15),
    case(
        "bad expression name",
        body("- show: izumo", "  expression: Sad"),
        "`Sad` is not a valid expression name",
        12,
        21,
    ),
    case(
        "missing expression",
        body("- show: kotetsu", "  expression: grieff"),
        "no expression `grieff` for `kotetsu`",
        12,
        21,
    ),
    case("flash colour", body("- effect: flash", "  color: red"), "`red` is not a colour", 12, 16),
    case("empty colour", body("- effect: flash", "  color:"), "empty color", 12, 15),
    case(
        "bad id", body("- izumo: Hi.", "  id: Not An Id"), "`Not An Id` is not a valid id", 12, 13
    ),
    case(
        "duplicate id",
        body("- izumo: Hi.", "  id: same", "- kotetsu: Yo.", "  id: same"),
        "duplicate id `forest/same` (first at",
        13,
        9,
    ),
    case(
        "duplicate key in a statement",
        body("- izumo: Hi.", "  manner: sob", "  manner: sob"),
        "duplicate key `manner`",
        13,
        9,
    ),
    case("a mapping as a key", body("- {[a]: b}"), "a key must be a word, not a list", 11, 10),
]

GOOD = [
    ("byte-order mark", b"\xef\xbb\xbf" + HEADER.encode(), ["Hello."]),
    ("CRLF line endings", HEADER.replace("\n", "\r\n").encode(), ["Hello."]),
    (
        "a speaker's plain No stays text",
        body("- izumo: No", "- 42").encode(),
        ["Hello.", "No", "42"],
    ),
]


def load(tmp_path: Path, item: Case) -> ScriptError:
    for name, data in item.files.items():
        (tmp_path / name).write_bytes(data)
    path = tmp_path if len(item.files) > 1 else tmp_path / next(iter(item.files))
    with pytest.raises(ScriptError) as caught:
        load_script(path, assets=AssetResolver(ASSETS_DIR), limits=item.limits)
    return caught.value


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({item.name for item in CASES}) == len(CASES)


@pytest.mark.parametrize("item", CASES, ids=lambda item: item.name)
def test_bad_script_gives_its_message_at_its_place(item: Case, tmp_path: Path, counts) -> None:
    error = load(tmp_path, item)
    found = next((p for p in error.problems if item.fragment in p.message), None)
    assert found is not None, f"no problem says {item.fragment!r}:\n{error}"
    file = str(tmp_path / (item.file or next(iter(item.files))))
    assert (found.file, found.line, found.col) == (file, item.line, item.col), str(error)
    assert str(found).startswith(f"{file}:{item.line}:{item.col}: {item.fragment}") or (
        item.fragment in str(found)
    )
    counts.add("bad_scripts_checked")


@pytest.mark.parametrize(("name", "data", "texts"), GOOD, ids=[name for name, _, _ in GOOD])
def test_harmless_differences_load(
    name: str, data: bytes, texts: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "script.yaml"
    path.write_bytes(data)
    script = load_script(path, assets=AssetResolver(ASSETS_DIR))
    assert [line.text for line in script.lines()] == texts


def test_paths_that_are_not_scripts(tmp_path: Path, counts) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = {
        tmp_path / "missing": "no such file or folder",
        empty: "no .yaml files in this folder",
    }
    for path, message in cases.items():
        with pytest.raises(ScriptError) as caught:
            load_script(path)
        (problem,) = caught.value.problems
        assert (problem.file, problem.line, problem.col, problem.message) == (
            str(path),
            1,
            1,
            message,
        )
        counts.add("bad_scripts_checked")
