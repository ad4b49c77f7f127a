"""20,000+ random real inputs against the headless game, from the title to the end and back.

After every input: no exception, the line shown is one of the script's, the rollback stack and
history stay within their caps, and no save in the folder is ever half-written. At the end the
run must have reached the ending, opened the game menu, saved and rolled back.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from vn.paths import ASSETS_DIR, SCRIPT_DIR
from vn.runtime import Engine
from vn.runtime.engine import HISTORY_LIMIT
from vn.script import AssetResolver, Script, load_script
from vn.ui.app import App
from vn.ui.autoplay import FakeClock
from vn.ui.screens.defaults import register_defaults
from vn.ui.screens.gamemenu import register_comforts
from vn.ui.screens.saveload import register_saves

SEEDS = (20240611, 7, 1312, 90210)
INPUTS_PER_SEED = 5_000
ROLLBACK_CAP = 24  # small, so the monkey presses against the cap many times per run


def _load(name: str, file: str) -> ModuleType:
    """A helper module beside this file (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(file))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


monkey_module = _load("hardening_monkey", "monkey.py")


def register_everything(app: App) -> None:
    """Register the screens as vn.ui.launch does."""
    register_saves(app)
    register_defaults(app)
    register_comforts(app)


@pytest.fixture(scope="module")
def story() -> Script:
    return load_script(SCRIPT_DIR, assets=AssetResolver(ASSETS_DIR))


@pytest.fixture
def small_rollback(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Engines keep ROLLBACK_CAP states; returns a count of rollbacks that went back."""
    monkeypatch.setitem(Engine.__init__.__kwdefaults__, "rollback_limit", ROLLBACK_CAP)
    monkeypatch.setitem(Engine.from_json.__func__.__kwdefaults__, "rollback_limit", ROLLBACK_CAP)
    done = [0]
    original = Engine.rollback

    def counting(self: Engine) -> bool:
        went = original(self)
        done[0] += went
        return went

    monkeypatch.setattr(Engine, "rollback", counting)
    return lambda: done[0]


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_monkey_never_breaks_the_game(
    seed: int, story: Script, tmp_path: Path, small_rollback: Callable[[], int], counts
) -> None:
    save_dir = tmp_path / "saves"
    resolver = AssetResolver(ASSETS_DIR)

    def make_app() -> App:
        app = App(story, resolver.resolve, save_dir, clock=FakeClock())
        register_everything(app)
        return app

    caps = (ROLLBACK_CAP, HISTORY_LIMIT)
    monkey = monkey_module.Monkey(story, make_app, save_dir, seed, caps)
    report = monkey.run(INPUTS_PER_SEED)
    saved_now = monkey.check_every_slot()
    report.rollbacks = small_rollback()

    counts.add("monkey_inputs", report.inputs)
    counts.add("monkey_quit_requests", report.quits)
    counts.add("monkey_quits_declined", report.quits_declined)
    counts.add("monkey_restarts", report.restarts)
    for screen, times in report.screens.items():
        counts.add(f"monkey_screen_{screen}", times)
    counts.add("monkey_endings_reached", report.endings)
    counts.add("monkey_rollbacks", report.rollbacks)
    counts.add("monkey_saves_written", report.saves_written)

    summary = f"seed {seed}: {report}, {len(report.lines_seen)} lines seen"
    assert report.inputs == INPUTS_PER_SEED
    assert report.endings >= 1, summary
    assert report.deepest == len(story.lines()) - 1, summary
    assert len(report.lines_seen) == len(story.lines()), summary  # every line, not just the end
    assert report.screens["GameMenuScreen"] >= 1, summary
    assert report.saves_written >= 1 and saved_now >= 1, summary
    assert report.rollbacks >= 1, summary
    assert report.most_rollback == ROLLBACK_CAP, summary
