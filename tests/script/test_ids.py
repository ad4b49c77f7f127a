"""Stable ids follow script/README.md: scene/slug of the first four words, -2 for repeats."""

from __future__ import annotations

from pathlib import Path

from vn.script import load_script
from vn.script.ids import slug


def test_slug_takes_four_words() -> None:
    assert slug("Shut up, Izumo.") == "shut-up-izumo"
    assert slug("Almost there, almost fucking there, come on!") == "almost-there-almost-fucking"


def test_slug_strips_punctuation_and_accents() -> None:
    assert slug("'Tetsu, I love you.") == "tetsu-i-love-you"
    assert slug("Caf\u00e9 \u2014 d\u00e9j\u00e0 vu, don't") == "cafe-deja-vu-dont"
    assert slug("\uff21\uff22 full width") == "ab-full-width"


def test_slug_skips_words_without_letters_or_digits() -> None:
    assert slug("... -- Kotetsu ... 42 !") == "kotetsu-42"


def test_empty_slug_falls_back_to_the_kind() -> None:
    assert slug("...") == "line"
    assert slug("\u2026 \u3042\u3044") == "line"


def test_repeats_and_staging_ids(tmp_path: Path) -> None:
    file = tmp_path / "s.yaml"
    file.write_text(
        "game: {title: T}\n"
        'characters: {kotetsu: {name: K, color: "#000000"}}\n'
        "scenes:\n"
        "  - {scene: a, title: A, body: ['...', '...', 'Hi.', {kotetsu: 'Hi.'}, '...',"
        " {pause: 1}, {pause: 2}, {music: stop}, {ambience: stop}, {overlay: none},"
        " {show: kotetsu}, {hide: kotetsu}, {effect: flash}, {narrate: x, id: mine}]}\n"
        "  - {scene: b, title: B, body: ['Hi.']}\n",
        encoding="utf-8",
    )
    script = load_script(file)
    assert [s.id for s in script.statements()] == [
        "a/line",
        "a/line-2",
        "a/hi",
        "a/hi-2",
        "a/line-3",
        "a/pause",
        "a/pause-2",
        "a/music-stop",
        "a/ambience-stop",
        "a/overlay-none",
        "a/show-kotetsu",
        "a/hide-kotetsu",
        "a/effect-flash",
        "a/mine",
        "b/hi",
    ]


def test_editing_another_line_keeps_ids(tmp_path: Path) -> None:
    def ids(body: str) -> list[str]:
        file = tmp_path / "s.yaml"
        file.write_text(f"game: {{title: T}}\nscenes:\n  - {{scene: a, title: A, body: {body}}}\n")
        return [line.id for line in load_script(file).lines()]

    before = ids("[One two., Three four., Five six.]")
    after = ids("[One two., Three changed four., Inserted., Five six.]")
    assert before[0] == after[0] and before[2] == after[3] == "a/five-six"
