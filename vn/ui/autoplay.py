"""Drive the app headless through its action layer, as a player would: for tests and screenshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.app import App
from vn.ui.screens.base import Screen
from vn.ui.screens.game import GameScreen

STEP = 1.0 / 60.0


@dataclass(frozen=True)
class Shown:
    """A line as the text box showed it: id, kind, name on the plate, and every page's rows."""

    id: str
    kind: str
    speaker: str
    pages: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return " ".join(row for page in self.pages for row in page)


class FakeClock:
    """A clock that never sleeps; time passes only through the dt given to `step`."""

    def tick(self, framerate: int = 0) -> int:
        return 0


def top(app: App) -> Screen | None:
    return app.stack.top


def press(app: App, name: str = a.ADVANCE, pos: tuple[int, int] | None = None) -> None:
    app.dispatch(Action(name, pos=pos))


def run_for(app: App, seconds: float, step: float = STEP) -> None:
    elapsed = 0.0
    while elapsed < seconds:
        app.step(step)
        elapsed += step


def read_line(game: GameScreen) -> Shown:
    """Every page of the line on screen, turning pages with the advance action."""
    assert game.line is not None and game.box.speech is not None
    line, speech = game.line, game.box.speech
    pages = []
    while True:
        page = game.box.pages[game.box.page_index]
        pages.append(tuple(row.text for row in page.rows))
        if not game.box.has_next_page:
            break
        press(game.app)  # completes the page
        press(game.app)  # turns it
    return Shown(line.id, speech.kind, speech.name, tuple(pages))


def play_to_end(
    app: App, on_line: Callable[[GameScreen], None] | None = None, limit: int = 100000
) -> list[Shown]:
    """From the game screen to the ending card: every line read in full, then advanced.

    `on_line(game)` is called as each new line appears, before it is read.
    """
    shown: list[Shown] = []
    seen: tuple[int, int] = (0, 0)
    for _ in range(limit):
        game = top(app)
        if not isinstance(game, GameScreen):
            return shown
        if game.line is not None and (id(game), game.lines_shown) != seen:
            seen = (id(game), game.lines_shown)
            if on_line is not None:
                on_line(game)
            entry = read_line(game)
            shown.append(entry)
        press(app)
        app.step(STEP)
    raise RuntimeError("the story did not end")


def to_line(app: App, count: int) -> GameScreen:
    """Advance through `count` more lines, each typed out; the game on screen then."""
    game = top(app)
    assert isinstance(game, GameScreen)
    seen = game.lines_shown
    while game.lines_shown < seen + count:
        press(app)
        run_for(app, 0.05)
        game = top(app)
        assert isinstance(game, GameScreen)
    return game


def start_game(app: App) -> GameScreen:
    """From the title: Start, dismiss the content note; returns the game screen."""
    app.show_title()
    press(app)  # Start has the focus
    press(app)  # dismiss the content note
    game = top(app)
    assert isinstance(game, GameScreen)
    return game
