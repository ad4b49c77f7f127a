"""Fixtures for the runtime tests: the README example, the project's script, small scripts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR, PROJECT_ROOT, SCRIPT_DIR
from vn.script import AssetResolver, Script, load_script


def _example_text() -> str:
    readme = (PROJECT_ROOT / "script" / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(.*?)```", readme, re.S)
    assert match is not None, "script/README.md has no ```yaml example"
    return match.group(1)


@pytest.fixture
def example_text() -> str:
    return _example_text()


@pytest.fixture
def example_script(tmp_path: Path, example_text: str) -> Script:
    file = tmp_path / "example.yaml"
    file.write_text(example_text, encoding="utf-8")
    return load_script(file, AssetResolver(ASSETS_DIR))


@pytest.fixture
def project_script() -> Script:
    """The game's own script/ folder, whatever it holds while it is being written."""
    if not any(SCRIPT_DIR.glob("*.yaml")):
        pytest.skip("script/ holds no .yaml files yet")
    return load_script(SCRIPT_DIR, AssetResolver(ASSETS_DIR))


@pytest.fixture
def make_script(tmp_path: Path) -> Callable[[str], Script]:
    """A script from YAML text (asset names checked for form only)."""
    count = iter(range(1_000_000))

    def make(text: str) -> Script:
        file = tmp_path / f"s{next(count)}.yaml"
        file.write_text(text, encoding="utf-8")
        return load_script(file)

    return make
