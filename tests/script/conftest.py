"""Fixtures for the script tests: the README example, the project's assets, a body builder."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR, PROJECT_ROOT
from vn.script import AssetResolver, Problem, ScriptError, load_script


def readme_example() -> str:
    readme = (PROJECT_ROOT / "script" / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(.*?)```", readme, re.S)
    assert match is not None, "script/README.md has no ```yaml example"
    return match.group(1)


@pytest.fixture
def assets() -> AssetResolver:
    return AssetResolver(ASSETS_DIR)


@pytest.fixture
def example_text() -> str:
    return readme_example()


@pytest.fixture
def problems(tmp_path: Path, assets: AssetResolver) -> Callable[[str], list[Problem]]:
    """Load YAML text as a one-file script and return its problems ([] when clean)."""

    def run(text: str | bytes) -> list[Problem]:
        file = tmp_path / "script.yaml"
        file.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        try:
            load_script(file, assets)
        except ScriptError as error:
            return list(error.problems)
        return []

    return run


@pytest.fixture
def one_problem(problems: Callable[[str], list[Problem]]) -> Callable[[str], Problem]:
    """The single problem of a script, failing when there are none or several."""

    def run(text: str | bytes) -> Problem:
        found = problems(text)
        assert len(found) == 1, "\n".join(map(str, found)) or "no problems"
        return found[0]

    return run
