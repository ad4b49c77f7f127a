"""UI tests run headless: the dummy video and audio drivers, set before pygame is imported."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vn.paths import ASSETS_DIR, SCRIPT_DIR
from vn.script import AssetResolver, Script, load_script
from vn.ui.app import App
from vn.ui.audio import silence
from vn.ui.autoplay import FakeClock
from vn.ui.canvas import SIZE
from vn.ui.screens.defaults import register_defaults

MINI = Path(__file__).parent / "data" / "mini.yaml"


@pytest.fixture(autouse=True)
def _quiet_mixer() -> Iterator[None]:
    """Each test's sounds are halted here, on the main thread, when it ends: the mixer is
    process-wide and would go on playing a finished test's app."""
    yield
    silence()


@pytest.fixture(scope="session")
def resolver() -> AssetResolver:
    return AssetResolver(ASSETS_DIR)


@pytest.fixture(scope="session")
def story(resolver: AssetResolver) -> Script:
    return load_script(SCRIPT_DIR, assets=resolver)


@pytest.fixture(scope="session")
def mini(resolver: AssetResolver) -> Script:
    return load_script(MINI, assets=resolver)


@pytest.fixture
def make_app(tmp_path: Path, resolver: AssetResolver) -> Callable[..., App]:
    def make(script: Script, window_size: tuple[int, int] = SIZE) -> App:
        app = App(script, resolver.resolve, tmp_path, clock=FakeClock(), window_size=window_size)
        register_defaults(app)
        return app

    return make
