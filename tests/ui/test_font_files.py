"""Font paths are found once and kept in the cache folder, while the files are still there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vn.ui import fonts
from vn.ui.fonts import FONTS_FILE, INTERFACE, STORY, STORY_ITALIC, font_files


def test_found_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = font_files(tmp_path)
    assert set(found) == {STORY, STORY_ITALIC, INTERFACE}
    assert all(path is not None and path.is_file() for path in found.values())
    assert (tmp_path / FONTS_FILE).is_file()

    def no_lookup(family: str, style: str) -> Path | None:
        raise AssertionError("the font packages were asked again")

    monkeypatch.setattr(fonts, "find_font", no_lookup)
    assert font_files(tmp_path) == found


def test_a_stale_or_damaged_cache_is_looked_up_again(tmp_path: Path) -> None:
    found = font_files(tmp_path)
    cache = tmp_path / FONTS_FILE
    data = json.loads(cache.read_text())
    data["files"][STORY] = str(tmp_path / "gone.ttf")
    cache.write_text(json.dumps(data))
    assert font_files(tmp_path) == found
    cache.write_text("{not json")
    assert font_files(tmp_path) == found
    assert json.loads(cache.read_text())["files"][STORY] == str(found[STORY])


def test_missing_fonts_are_not_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "find_font", lambda family, style: None)
    assert font_files(tmp_path) == {STORY: None, STORY_ITALIC: None, INTERFACE: None}
    assert not (tmp_path / FONTS_FILE).exists()


def test_an_unwritable_cache_folder_still_gives_the_fonts(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    found = font_files(blocked / "cache")
    assert all(path is not None for path in found.values())
