"""The dialogue export lists every line in play order with its speaker's display name."""

from __future__ import annotations

from pathlib import Path

from vn.script import AssetResolver, load_script
from vn.script.dialogue import FIELDS, records


def test_records_of_the_example(tmp_path: Path, example_text: str, assets: AssetResolver) -> None:
    file = tmp_path / "example.yaml"
    file.write_text(example_text, encoding="utf-8")
    found = list(records(load_script(file, assets)))
    assert all(tuple(record) == FIELDS for record in found)
    assert [(r["kind"], r["speaker"]) for r in found] == [
        ("narration", ""),
        ("dialogue", "Kotetsu"),
        ("dialogue", "Izumo"),
        ("thought", "Kotetsu"),
        ("dialogue", "Izumo"),
        ("narration", ""),
        ("dialogue", "Kotetsu"),
    ]
    assert found[2] == {
        "id": "forest/tetsu-i-love-you",
        "scene": "forest",
        "kind": "dialogue",
        "speaker": "Izumo",
        "text": "'Tetsu, I love you.",
        "inferred": False,
        "manner": "slur",
    }
    assert [r["inferred"] for r in found].count(True) == 1
