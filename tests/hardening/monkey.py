"""A seeded monkey: random real pygame events into the headless app, invariants after each.

Loaded by test_monkey.py by path (tests/ is not a package). The input mix leans on advancing so
the monkey gets deep into the story, and includes every bound key, every button, the wheel,
window resizes, focus and minimise events and quit requests.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from vn.runtime import Engine
from vn.save import SaveStore, SlotStatus
from vn.script.model import Line, Script
from vn.ui.app import App
from vn.ui.keymap import DEFAULT_BINDINGS, KEY
from vn.ui.screens.game import GameScreen

ADVANCE_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
SLOW_KEYS = (pygame.K_s,)  # a screenshot writes a full-size PNG: pressed now and then only
BOUND_KEYS = tuple(sorted({b.code for b in DEFAULT_BINDINGS if b.device == KEY} - set(SLOW_KEYS)))
OTHER_KEYS = (pygame.K_DELETE, pygame.K_BACKSPACE, pygame.K_q, pygame.K_x, pygame.K_1)
MODS = (0, 0, 0, 0, pygame.KMOD_LALT, pygame.KMOD_LCTRL, pygame.KMOD_LSHIFT)
WINDOW_EVENTS = tuple(
    getattr(pygame, name)
    for name in (
        "WINDOWFOCUSLOST",
        "WINDOWFOCUSGAINED",
        "WINDOWMINIMIZED",
        "WINDOWRESTORED",
        "WINDOWEXPOSED",
        "WINDOWSHOWN",
        "WINDOWHIDDEN",
        "WINDOWENTER",
        "WINDOWLEAVE",
        "ACTIVEEVENT",
    )
)

# Weights of the input kinds: advancing dominates so the story moves on.
MIX: tuple[tuple[str, int], ...] = (
    ("advance_key", 44),
    ("click", 20),
    ("bound_key", 14),
    ("wheel", 5),
    ("other_key", 2),
    ("tick", 6),
    ("motion", 3),
    ("resize", 1),
    ("window", 2),
)
QUIT_CHANCE = 1 / 1500  # a quit request restarts the game, so it must stay rare
SLOW_KEY_CHANCE = 1 / 1000
RENDER_SHARE = 0.35
SIZES = ((1280, 720), (1280, 720), (1280, 720), (640, 360), (800, 600), (320, 480), (1, 1))


@dataclass
class Report:
    """What a run saw: inputs by kind, screens reached, and the invariants it checked."""

    inputs: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    screens: Counter[str] = field(default_factory=Counter)
    quits: int = 0
    quits_declined: int = 0
    restarts: int = 0
    endings: int = 0
    rollbacks: int = 0
    deepest: int = 0
    lines_seen: set[str] = field(default_factory=set, repr=False)
    most_rollback: int = 0
    save_checks: int = 0
    saves_written: int = 0


class Monkey:
    """Drives one app (rebuilt after a quit, as a player restarting the game would)."""

    def __init__(
        self,
        script: Script,
        make_app: Callable[[], App],
        save_dir: Path,
        seed: int,
        caps: tuple[int, int],
    ) -> None:
        self.script = script
        self.make_app = make_app
        self.save_dir = save_dir
        self.rng = random.Random(seed)
        self.report = Report()
        self.rollback_cap, self.history_cap = caps
        self.line_ids = {line.id: line for line in script.lines()}
        self.order = {line.id: index for index, line in enumerate(script.lines())}
        self.app = self._start()
        self._folder_seen: dict[str, tuple[int, int]] = {}
        self._last_screen: type | None = None
        self._checked_state: object = None

    def _start(self) -> App:
        app = self.make_app()
        app.show_title()
        app.render(force=True)
        return app

    # ----- inputs ---------------------------------------------------------------------------
    def run(self, count: int) -> Report:
        kinds = [kind for kind, _ in MIX]
        weights = [weight for _, weight in MIX]
        for _ in range(count):
            kind = self.rng.choices(kinds, weights)[0]
            roll = self.rng.random()
            if roll < QUIT_CHANCE:
                kind = "quit"
            elif roll < QUIT_CHANCE + SLOW_KEY_CHANCE:
                kind = "slow_key"
            self.report.kinds[kind] += 1
            self.report.inputs += 1
            before = self.app.stack.top
            getattr(self, "_" + kind)()
            self.app.step(self._dt())
            # Drawing is most of the cost: every frame after a screen change or a window
            # event, and one in three otherwise.
            if self.app.stack.top is not before or kind in ("resize", "window"):
                self.app.render(force=True)
            elif self.rng.random() < RENDER_SHARE:
                self.app.render()
            self._after_input()
        return self.report

    def _dt(self) -> float:
        roll = self.rng.random()
        if roll < 0.85:
            return 1 / 60
        if roll < 0.97:
            return self.rng.uniform(0.0, 0.5)
        return self.rng.uniform(0.5, 4.0)

    def _feed(self, event_type: int, **attributes: object) -> None:
        self.app.handle_event(pygame.event.Event(event_type, **attributes))

    def _key(self, key: int, mod: int = 0) -> None:
        self._feed(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        self._feed(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)

    def _advance_key(self) -> None:
        if type(self.app.stack.top).__name__ == "TitleScreen" and self.rng.random() < 0.5:
            self._key(pygame.K_DOWN)  # past Continue to Start, so the story is played anew
        self._key(self.rng.choice(ADVANCE_KEYS))

    def _bound_key(self) -> None:
        self._key(self.rng.choice(BOUND_KEYS), self.rng.choice(MODS))

    def _slow_key(self) -> None:
        self._key(self.rng.choice(SLOW_KEYS))

    def _other_key(self) -> None:
        self._key(self.rng.choice(OTHER_KEYS), self.rng.choice(MODS))

    def _point(self) -> tuple[int, int]:
        width, height = self.app.window.get_size()
        return (self.rng.randrange(-20, width + 20), self.rng.randrange(-20, height + 20))

    def _click(self) -> None:
        button = self.rng.choices((1, 2, 3, 4, 5), (80, 4, 10, 3, 3))[0]
        pos = self._point()
        self._feed(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self._feed(pygame.MOUSEBUTTONDOWN, button=button, pos=pos)
        if self.rng.random() < 0.2:
            pos = self._point()  # a drag: released somewhere else
            self._feed(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
        self._feed(pygame.MOUSEBUTTONUP, button=button, pos=pos)

    def _motion(self) -> None:
        self._feed(pygame.MOUSEMOTION, pos=self._point(), rel=(0, 0), buttons=(0, 0, 0))

    def _wheel(self) -> None:
        y = self.rng.choice((-3, -1, -1, 1, 1, 2, 0))
        self._feed(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y))

    def _tick(self) -> None:
        self.app.step(self.rng.choice((0.1, 0.5, 1.0, 3.0)))

    def _resize(self) -> None:
        if self.rng.random() < 0.1:  # any size at all, now and then
            size = (self.rng.randrange(1, 3000), self.rng.randrange(1, 1800))
        else:  # mostly the sizes players use, so drawing stays quick
            size = self.rng.choice(SIZES)
        if not self.app.prefs.fullscreen:  # the system resizes the window, then tells us
            pygame.display.set_mode(size, pygame.RESIZABLE)
        kinds = (pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED)
        event = self.rng.choice(kinds)
        if event == pygame.VIDEORESIZE:
            self._feed(event, size=size, w=size[0], h=size[1])
        else:
            self._feed(event, x=size[0], y=size[1])

    def _window(self) -> None:
        event = self.rng.choice(WINDOW_EVENTS)
        if event == pygame.ACTIVEEVENT:
            self._feed(event, gain=self.rng.randrange(2), state=self.rng.choice((1, 2, 4, 6)))
        else:
            self._feed(event)

    def _quit(self) -> None:
        """The window's close button; when the game asks first, the monkey says no."""
        self.report.quits += 1
        self._feed(pygame.QUIT)
        if self.app.running and type(self.app.stack.top).__name__ == "ConfirmScreen":
            self.report.quits_declined += 1
            self._key(pygame.K_ESCAPE)

    # ----- invariants -----------------------------------------------------------------------
    def _after_input(self) -> None:
        app = self.app
        if not app.running:  # the game would exit: a player starts it again
            self.report.restarts += 1
            self.app = self._start()
            app = self.app
        top = app.stack.top
        assert top is not None, "the screen stack is empty"
        name = type(top).__name__
        if type(top) is not self._last_screen:
            self.report.screens[name] += 1
            self._last_screen = type(top)
            if name == "EndingScreen":
                self.report.endings += 1
        for game in (s for s in app.stack.screens if isinstance(s, GameScreen)):
            self._check_game(game)
        self._check_saves()

    def _check_game(self, game: GameScreen) -> None:
        line = game.line
        if line is not None:
            assert isinstance(line, Line)
            assert self.line_ids.get(line.id) is line, f"shown line {line.id} is not the script's"
            self.report.deepest = max(self.report.deepest, self.order[line.id])
            self.report.lines_seen.add(line.id)
        engine: Engine = game.engine
        if engine.state is self._checked_state:
            return  # nothing moved since the last look (the stack changes only with the state)
        self._checked_state = engine.state
        stack = len(engine.to_json()["rollback"])
        assert stack <= self.rollback_cap, f"rollback stack {stack} > {self.rollback_cap}"
        assert len(engine.history) <= self.history_cap
        self.report.most_rollback = max(self.report.most_rollback, stack)
        state_line = engine.state.line
        assert state_line is None or state_line in self.line_ids

    def _check_saves(self) -> None:
        """Every slot file written since the last look must read whole: never DAMAGED."""
        try:
            entries = {
                e.name: (e.stat().st_mtime_ns, e.stat().st_size)
                for e in os.scandir(self.save_dir)
                if e.is_file()
            }
        except FileNotFoundError:
            entries = {}
        changed = [n for n, seen in entries.items() if self._folder_seen.get(n) != seen]
        self._folder_seen = entries
        temps = [name for name in entries if name.endswith(".tmp")]
        assert not temps, f"temp files left behind: {temps}"
        store = SaveStore(self.save_dir)
        for name in changed:
            slot = name.removesuffix(".json")
            if not name.endswith(".json") or slot not in store.layout.names():
                continue
            self.report.save_checks += 1
            info = store.verify(slot)
            assert info.status is not SlotStatus.DAMAGED, f"{slot} damaged: {info.reason}"
            self.report.saves_written += 1

    def check_every_slot(self) -> int:
        """All slots at once, through SaveStore.slots(): none damaged; how many hold a save."""
        infos = SaveStore(self.save_dir).slots()
        damaged = [(i.slot, i.reason) for i in infos if i.status is SlotStatus.DAMAGED]
        assert not damaged, f"damaged saves: {damaged}"
        return sum(i.status is SlotStatus.OK for i in infos)
