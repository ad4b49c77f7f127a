"""Named actions: what the player means, whatever key or button said it."""

from __future__ import annotations

from dataclasses import dataclass

ADVANCE = "advance"
ROLLBACK = "rollback"
ROLL_FORWARD = "roll_forward"
SKIP_HOLD = "skip_hold"
SKIP_TOGGLE = "skip_toggle"
AUTO = "auto"
HIDE = "hide"
MENU = "menu"
HISTORY = "history"
QUICKSAVE = "quicksave"
QUICKLOAD = "quickload"
SCREENSHOT = "screenshot"
FULLSCREEN = "fullscreen"
SELF_VOICING = "self_voicing"
DELETE = "delete"
UP = "up"
DOWN = "down"
LEFT = "left"
RIGHT = "right"
HOME = "home"
END = "end"
QUIT = "quit"

ALL = (
    ADVANCE,
    ROLLBACK,
    ROLL_FORWARD,
    SKIP_HOLD,
    SKIP_TOGGLE,
    AUTO,
    HIDE,
    MENU,
    HISTORY,
    QUICKSAVE,
    QUICKLOAD,
    SCREENSHOT,
    FULLSCREEN,
    SELF_VOICING,
    DELETE,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    HOME,
    END,
    QUIT,
)


@dataclass(frozen=True)
class Action:
    """One named action.

    `pressed` is False only for the release of a held action (skip_hold); `pos` is the pointer
    position on the 1280x720 canvas when a mouse button said it, so buttons can hit-test.
    `device` tells a key from a wheel notch where both mean the same action.
    """

    name: str
    pressed: bool = True
    pos: tuple[int, int] | None = None
    device: str = ""  # "key", "button" or "wheel" when the keymap made it (a page vs a notch)
