"""AssetResolver finds files by kind and name and refuses anything outside its root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vn.script import AssetResolver


@pytest.fixture
def root(tmp_path: Path) -> Path:
    assets = tmp_path / "assets"
    for relative in (
        "backgrounds/forest.png",
        "backgrounds/gate.webp",
        "backgrounds/notes.txt",
        "characters/kotetsu/default.png",
        "characters/kotetsu/grief.jpg",
        "music/motif.ogg",
        "sound/step.wav",
    ):
        (assets / relative).parent.mkdir(parents=True, exist_ok=True)
        (assets / relative).write_bytes(b"x")
    return assets


def test_resolves_each_kind(root: Path) -> None:
    resolver = AssetResolver(root)
    assert resolver.resolve("backgrounds", "forest") == root / "backgrounds" / "forest.png"
    assert resolver.resolve("backgrounds", "gate") == root / "backgrounds" / "gate.webp"
    assert resolver.resolve("characters", "kotetsu/grief") == root / "characters/kotetsu/grief.jpg"
    assert resolver.resolve("music", "motif") == root / "music" / "motif.ogg"
    assert resolver.resolve("sound", "step") == root / "sound" / "step.wav"


def test_missing_and_wrong_extension(root: Path) -> None:
    resolver = AssetResolver(root)
    assert resolver.resolve("backgrounds", "notes") is None
    assert resolver.resolve("music", "forest") is None
    assert resolver.resolve("ambience", "anything") is None


@pytest.mark.parametrize(
    "name", ["../backgrounds/forest", "Forest", "forest.png", "", "a/b", "/etc/passwd", "fo rest"]
)
def test_names_outside_the_pattern_are_refused(root: Path, name: str) -> None:
    assert AssetResolver(root).resolve("backgrounds", name) is None


@pytest.mark.parametrize("name", ["kotetsu", "kotetsu/../kotetsu/default", "../x/default", "a/b/c"])
def test_character_names_need_sprite_and_expression(root: Path, name: str) -> None:
    assert AssetResolver(root).resolve("characters", name) is None


def test_symlink_leaving_the_root_is_refused(root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"x")
    os.symlink(secret, root / "backgrounds" / "escape.png")
    os.symlink(root / "backgrounds" / "forest.png", root / "backgrounds" / "inside.png")
    resolver = AssetResolver(root)
    assert resolver.resolve("backgrounds", "escape") is None
    assert resolver.resolve("backgrounds", "inside") == root / "backgrounds" / "inside.png"
    assert "escape" not in resolver.names("backgrounds")


def test_names(root: Path) -> None:
    resolver = AssetResolver(root)
    assert resolver.names("backgrounds") == ("forest", "gate")
    assert resolver.names("characters") == ("kotetsu/default", "kotetsu/grief")
    assert resolver.names("overlays") == ()
    assert resolver.folder("backgrounds") == "assets/backgrounds"


def test_unknown_kind_is_a_programming_error(root: Path) -> None:
    with pytest.raises(ValueError, match="unknown asset kind"):
        AssetResolver(root).resolve("fonts", "lora")
