"""One test per kind of problem the validator reports, each at its exact line and column."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from vn.script import Problem

#: A valid script up to its first scene's `body:`; body items start on line 10, column 9.
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
"""

Check = Callable[[str], Problem]


def with_body(body: str) -> str:
    """HEADER followed by `body`, indented as the items of the first scene's body."""
    return HEADER + textwrap.indent(textwrap.dedent(body), " " * 6)


def at(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.col


def test_a_valid_body_has_no_problems(problems: Callable[[str], list[Problem]]) -> None:
    assert problems(with_body("- kotetsu: Hello.\n- Narration.\n")) == []


def test_unknown_statement_key_suggests_the_option(one_problem: Check) -> None:
    problem = one_problem(with_body("- bg: forest_deep\n  transiton: fade\n"))
    assert at(problem) == (11, 9)
    assert problem.message == "unknown key `transiton` for `bg`"
    assert problem.hint == "did you mean transition?"


def test_option_of_another_statement(one_problem: Check) -> None:
    problem = one_problem(with_body("- bg: forest_deep\n  fade: 2\n"))
    assert at(problem) == (11, 9)
    assert problem.message == "`fade` does not apply to `bg`"
    assert problem.hint == "it takes: id, transition, duration"


def test_unknown_top_level_key(one_problem: Check) -> None:
    problem = one_problem(with_body("- Hello.\n") + "charcters: {}\n")
    assert at(problem) == (11, 1)
    assert problem.message == "unknown key `charcters` in the top level"
    assert problem.hint == "did you mean characters?"


def test_unknown_game_key(one_problem: Check) -> None:
    text = with_body("- Hello.\n").replace("  title: T\n", "  title: T\n  titel_music: motif\n", 1)
    problem = one_problem(text)
    assert at(problem) == (3, 3)
    assert problem.hint == "did you mean title_music?"


def test_unknown_scene_key(one_problem: Check) -> None:
    text = with_body("- Hello.\n").replace("    title: The", "    titl: x\n    title: The")
    problem = one_problem(text)
    assert at(problem) == (8, 5)
    assert problem.message == "unknown key `titl` in a scene"


def test_wrong_type_number(one_problem: Check) -> None:
    problem = one_problem(with_body('- bg: forest_deep\n  transition: fade\n  duration: "1.5"\n'))
    assert at(problem) == (12, 19)
    assert problem.message == "expected a number for `duration`, got text"


def test_wrong_type_boolean(one_problem: Check) -> None:
    problem = one_problem(with_body("- kotetsu: Hi.\n  inferred: maybe\n"))
    assert at(problem) == (11, 19)
    assert problem.message == "expected true or false for `inferred`, got text"


def test_wrong_type_text(one_problem: Check) -> None:
    problem = one_problem(with_body("- kotetsu: [a, b]\n"))
    assert at(problem) == (10, 18)
    assert problem.message == "expected text for `line`, got a list"


def test_number_out_of_range(one_problem: Check) -> None:
    problem = one_problem(with_body("- sound: stumble\n  volume: 1.5\n"))
    assert at(problem) == (11, 17)
    assert problem.message == "`volume` must be between 0 and 1, got 1.5"


def test_infinite_number(one_problem: Check) -> None:
    problem = one_problem(with_body("- pause: .inf\n"))
    assert at(problem) == (10, 16)
    assert "between" in problem.message


def test_plain_words_that_yaml_reads_as_booleans_stay_text(
    problems: Callable[[str], list[Problem]],
) -> None:
    assert problems(with_body("- kotetsu: No\n- Yes\n- 42\n")) == []


def test_unknown_speaker(one_problem: Check) -> None:
    problem = one_problem(with_body("- Hello.\n- kotetsuu: Hi.\n"))
    assert at(problem) == (11, 9)
    assert problem.message == "unknown speaker `kotetsuu`"
    assert problem.hint == "did you mean kotetsu?"


def test_unknown_speaker_without_a_close_match(one_problem: Check) -> None:
    problem = one_problem(with_body("- genma: Hi.\n"))
    assert problem.message == "unknown speaker `genma`"
    assert problem.hint == "declare the speaker under `characters:`"


def test_unknown_statement_word(one_problem: Check) -> None:
    problem = one_problem(with_body("- bgg: forest_deep\n"))
    assert at(problem) == (10, 9)
    assert problem.message == "unknown statement `bgg`"
    assert problem.hint == "did you mean bg?"


def test_unknown_character_in_show(one_problem: Check) -> None:
    problem = one_problem(with_body("- show: kotetu\n"))
    assert at(problem) == (10, 15)
    assert problem.message == "unknown character `kotetu`"
    assert problem.hint == "did you mean kotetsu?"


def test_unknown_background(one_problem: Check) -> None:
    problem = one_problem(with_body("- bg: forst_deep\n"))
    assert at(problem) == (10, 13)
    assert str(problem).endswith(
        ":10:13: no background `forst_deep` in assets/backgrounds (did you mean forest_deep?)"
    )


def test_unknown_music_sound_ambience_and_overlay(problems: Callable[[str], list[Problem]]) -> None:
    found = problems(
        with_body("- music: motiff\n- sound: stumbel\n- ambience: wind\n- overlay: memry\n")
    )
    assert [(p.line, p.col) for p in found] == [(10, 16), (11, 16), (12, 19), (13, 18)]
    assert found[0].message == "no music `motiff` in assets/music"
    assert found[0].hint == "did you mean motif?"
    assert found[1].message == "no sound `stumbel` in assets/sound"
    assert found[2].message == "no ambience `wind` in assets/ambience"
    assert found[3].message == "no overlay `memry` in assets/overlays"


def test_unknown_expression(one_problem: Check) -> None:
    problem = one_problem(with_body("- show: kotetsu\n  expression: grieff\n"))
    assert at(problem) == (11, 21)
    assert problem.message == "no expression `grieff` for `kotetsu` in assets/characters/kotetsu"
    assert problem.hint == "did you mean grief?"


def test_asset_name_with_a_path_is_refused(one_problem: Check) -> None:
    problem = one_problem(with_body("- bg: ../../etc/passwd\n"))
    assert at(problem) == (10, 13)
    assert problem.message == "`../../etc/passwd` is not a valid background name"


def test_unknown_game_asset(one_problem: Check) -> None:
    text = with_body("- Hi.\n").replace("  title: T\n", "  title: T\n  title_background: titl\n")
    problem = one_problem(text)
    assert at(problem) == (3, 21)
    assert problem.message == "no background `titl` in assets/backgrounds"


def test_unknown_transition(one_problem: Check) -> None:
    problem = one_problem(with_body("- bg: forest_deep\n  transition: fadee\n"))
    assert at(problem) == (11, 21)
    assert problem.message == "unknown transition `fadee`"
    assert problem.hint == "did you mean fade?"


def test_unknown_position(one_problem: Check) -> None:
    problem = one_problem(with_body("- show: kotetsu\n  at: middle\n"))
    assert at(problem) == (11, 13)
    assert problem.message == "unknown position `middle`"
    assert problem.hint == "one of: far_left, left, center, right, far_right"


def test_unknown_manner(one_problem: Check) -> None:
    problem = one_problem(with_body("- kotetsu: Hey!\n  manner: shoutt\n"))
    assert at(problem) == (11, 17)
    assert problem.message == "unknown manner `shoutt`"
    assert problem.hint == "did you mean shout?"


def test_unknown_effect(one_problem: Check) -> None:
    problem = one_problem(with_body("- effect: shakey\n"))
    assert at(problem) == (10, 17)
    assert problem.message == "unknown effect `shakey`"
    assert problem.hint == "did you mean shake?"


def test_duplicate_explicit_id(one_problem: Check) -> None:
    problem = one_problem(with_body("- narrate: One.\n  id: here\n- narrate: Two.\n  id: here\n"))
    assert at(problem) == (12, 9)
    assert problem.message.startswith("duplicate id `forest/here` (first at ")
    assert problem.message.endswith("script.yaml:10)")


def test_explicit_id_colliding_with_a_derived_one(one_problem: Check) -> None:
    problem = one_problem(with_body("- Shut up, Izumo.\n- narrate: Other.\n  id: shut-up-izumo\n"))
    assert at(problem) == (11, 9)
    assert "duplicate id `forest/shut-up-izumo`" in problem.message


def test_bad_explicit_id(one_problem: Check) -> None:
    problem = one_problem(with_body("- narrate: One.\n  id: Not An Id\n"))
    assert at(problem) == (11, 13)
    assert problem.message == "`Not An Id` is not a valid id"


def test_duplicate_scene_id(one_problem: Check) -> None:
    text = with_body("- One.\n") + "  - scene: forest\n    title: Again\n    body:\n      - Two.\n"
    problem = one_problem(text)
    assert at(problem) == (11, 12)
    assert problem.message.startswith("duplicate scene id `forest`")


def test_duplicate_character_id_in_one_mapping(one_problem: Check) -> None:
    text = with_body("- Hi.\n").replace(
        "characters:\n", 'characters:\n  izumo: {name: Other, color: "#000000"}\n'
    )
    problem = one_problem(text)
    assert at(problem) == (6, 3)
    assert problem.message == "duplicate key `izumo` (first on line 4)"


def test_character_id_colliding_with_a_statement_word(one_problem: Check) -> None:
    text = with_body("- Hi.\n").replace(
        "characters:\n", 'characters:\n  music: {name: Music, color: "#000000"}\n'
    )
    problem = one_problem(text)
    assert at(problem) == (4, 3)
    assert problem.message == "`music` cannot be a character id: it is a statement word"


def test_bad_character_id(one_problem: Check) -> None:
    text = with_body("- Hi.\n").replace(
        "characters:\n", 'characters:\n  Big-Man: {name: B, color: "#000000"}\n'
    )
    problem = one_problem(text)
    assert at(problem) == (4, 3)
    assert problem.message == "`Big-Man` is not a valid character id"


def test_character_without_a_name(one_problem: Check) -> None:
    text = with_body("- Hi.\n").replace(
        "characters:\n", 'characters:\n  voice: {color: "#000000"}\n'
    )
    problem = one_problem(text)
    assert at(problem) == (4, 10)
    assert problem.message == "character `voice` has no `name`"


def test_empty_text(one_problem: Check) -> None:
    problem = one_problem(with_body('- kotetsu: ""\n'))
    assert at(problem) == (10, 18)
    assert problem.message == "empty line"


def test_empty_narration_item(one_problem: Check) -> None:
    problem = one_problem(with_body("- Hi.\n-\n- There.\n"))
    assert at(problem) == (11, 8)
    assert problem.message == "empty line"


def test_thought_on_narration(one_problem: Check) -> None:
    problem = one_problem(with_body("- narrate: He thought.\n  thought: true\n"))
    assert at(problem) == (11, 9)
    assert problem.message == "`thought: true` is only for a character's lines"


def test_two_head_keys(one_problem: Check) -> None:
    problem = one_problem(with_body("- kotetsu: Hi.\n  izumo: Hello.\n"))
    assert at(problem) == (11, 9)
    assert problem.message == "two statements in one item: `kotetsu` and `izumo`"
    assert problem.hint == "start each statement with its own `- `"


def test_options_without_a_statement(one_problem: Check) -> None:
    problem = one_problem(with_body("- manner: whisper\n"))
    assert at(problem) == (10, 9)
    assert problem.message == "this item has options but no statement or speaker"


def test_list_as_a_statement(one_problem: Check) -> None:
    problem = one_problem(with_body("- [a, b]\n"))
    assert at(problem) == (10, 9)
    assert problem.message == "expected a line of text or a mapping, got a list"


def test_bad_colour(one_problem: Check) -> None:
    problem = one_problem(HEADER.replace('"#7fa7c9"', '"#7fa7c"') + "      - Hi.\n")
    assert at(problem) == (5, 31)
    assert problem.message == "`#7fa7c` is not a colour"
    assert problem.hint == 'write it as "#rrggbb", in quotes'


def test_unquoted_colour_is_a_comment(one_problem: Check) -> None:
    block = "  izumo:\n    name: Izumo\n    color: #7fa7c9\n"
    problem = one_problem(
        HEADER.replace('  izumo: {name: Izumo, color: "#7fa7c9"}\n', block) + "      - Hi.\n"
    )
    assert at(problem) == (7, 11)
    assert problem.message == "empty color"
    assert problem.hint == 'quote it: "#rrggbb" (an unquoted # starts a comment)'


def test_bad_effect_colour(one_problem: Check) -> None:
    problem = one_problem(with_body("- effect: flash\n  color: white\n"))
    assert at(problem) == (11, 16)
    assert problem.message == "`white` is not a colour"


def test_missing_game(one_problem: Check) -> None:
    problem = one_problem(with_body("- Hi.\n").replace("game:\n  title: T\n", ""))
    assert at(problem) == (1, 1)
    assert problem.message == "the script has no `game`"


def test_missing_scenes(one_problem: Check) -> None:
    problem = one_problem(HEADER.split("scenes:")[0])
    assert at(problem) == (1, 1)
    assert problem.message == "the script has no `scenes`"


def test_game_without_title(one_problem: Check) -> None:
    problem = one_problem(with_body("- Hi.\n").replace("  title: T\n", "  content_note: x\n"))
    assert at(problem) == (2, 3)
    assert problem.message == "`game` has no `title`"


def test_scene_without_body(one_problem: Check) -> None:
    problem = one_problem(HEADER.replace("    body:\n", ""))
    assert at(problem) == (7, 5)
    assert problem.message == "the scene has no `body`"


def test_empty_body(one_problem: Check) -> None:
    problem = one_problem(HEADER.replace("    body:\n", "    body: []\n"))
    assert at(problem) == (9, 11)
    assert problem.message == "the scene's body is empty"


def test_duplicate_key_in_a_statement(one_problem: Check) -> None:
    problem = one_problem(with_body("- bg: forest_deep\n  duration: 1\n  duration: 2\n"))
    assert at(problem) == (12, 9)
    assert problem.message == "duplicate key `duration` (first on line 11)"


def test_every_problem_is_reported_in_one_run(problems: Callable[[str], list[Problem]]) -> None:
    found = problems(
        with_body(
            "- bg: forst_deep\n- kotetsuu: Hi.\n- effect: shakey\n- show: izumo\n  at: middle\n"
        )
    )
    assert [(p.line, p.col) for p in found] == [(10, 13), (11, 9), (12, 17), (14, 13)]


def test_a_problem_prints_on_one_line(one_problem: Check) -> None:
    problem = one_problem(with_body('- "kotetsu\\nizumo": Hi.\n'))
    assert problem.message == "unknown speaker `kotetsu\nizumo`"
    assert str(problem).endswith(":10:9: unknown speaker `kotetsu\\nizumo` (did you mean kotetsu?)")
