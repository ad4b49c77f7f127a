"""Hardening tests: headless drivers, and a session tally of inputs, faults and files tried."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from vn.ui.audio import silence

_COUNTS_KEY = pytest.StashKey["object"]()


def _counts_module():  # tests/ is not a package: load the helper beside this file by path
    spec = importlib.util.spec_from_file_location(
        "hardening_counts", Path(__file__).with_name("counts.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_COUNTS_KEY] = _counts_module().Counts()


def pytest_sessionfinish(session: pytest.Session) -> None:
    counts = session.config.stash.get(_COUNTS_KEY, None)
    path = _counts_module().target()
    if counts is not None and path is not None:
        counts.write(path)


@pytest.fixture
def counts(request: pytest.FixtureRequest):
    """The session's tally: `counts.add(name, amount)`."""
    return request.config.stash[_COUNTS_KEY]


@pytest.fixture(autouse=True)
def _quiet_mixer() -> Iterator[None]:
    """Halt a test's sounds on the main thread when it ends (the mixer is process-wide)."""
    yield
    silence()
