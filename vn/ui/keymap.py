"""The key and mouse bindings, as data, and their translation into named actions.

Per DESIGN.md section 3 (Ren'Py's defaults): the interface advances on the left button's
release, never its press, so a press that turns into a drag or a menu click does not advance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pygame

from vn.ui import actions as a
from vn.ui.actions import Action

KEY = "key"
BUTTON = "button"
WHEEL = "wheel"

DOWN = "down"
UP = "up"

WHEEL_UP = 1
WHEEL_DOWN = -1


@dataclass(frozen=True)
class Binding:
    """`device` (key, button, wheel) + `code` + held `mods` -> `action`, on press or release."""

    device: str
    code: int
    action: str
    on: str = DOWN
    mods: int = 0


def _keys(codes: Iterable[int], action: str, on: str = DOWN, mods: int = 0) -> list[Binding]:
    return [Binding(KEY, code, action, on, mods) for code in codes]


DEFAULT_BINDINGS: tuple[Binding, ...] = (
    *_keys((pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER), a.ADVANCE),
    Binding(BUTTON, pygame.BUTTON_LEFT, a.ADVANCE, UP),
    Binding(WHEEL, WHEEL_UP, a.ROLLBACK),
    *_keys((pygame.K_PAGEUP,), a.ROLLBACK),
    Binding(WHEEL, WHEEL_DOWN, a.ROLL_FORWARD),
    *_keys((pygame.K_PAGEDOWN,), a.ROLL_FORWARD),
    *_keys((pygame.K_LCTRL, pygame.K_RCTRL), a.SKIP_HOLD),
    *_keys((pygame.K_LCTRL, pygame.K_RCTRL), a.SKIP_HOLD, UP),
    *_keys((pygame.K_TAB,), a.SKIP_TOGGLE),
    *_keys((pygame.K_a,), a.AUTO),
    *_keys((pygame.K_h,), a.HIDE),
    Binding(BUTTON, pygame.BUTTON_MIDDLE, a.HIDE, UP),
    *_keys((pygame.K_ESCAPE,), a.MENU),
    Binding(BUTTON, pygame.BUTTON_RIGHT, a.MENU, UP),
    *_keys((pygame.K_l,), a.HISTORY),
    *_keys((pygame.K_F5,), a.QUICKSAVE),
    *_keys((pygame.K_F9,), a.QUICKLOAD),
    *_keys((pygame.K_s,), a.SCREENSHOT),
    *_keys((pygame.K_f, pygame.K_F11), a.FULLSCREEN),
    *_keys((pygame.K_RETURN, pygame.K_KP_ENTER), a.FULLSCREEN, mods=pygame.KMOD_ALT),
    *_keys((pygame.K_v,), a.SELF_VOICING),
    *_keys((pygame.K_DELETE,), a.DELETE),
    *_keys((pygame.K_UP,), a.UP),
    *_keys((pygame.K_DOWN,), a.DOWN),
    *_keys((pygame.K_LEFT,), a.LEFT),
    *_keys((pygame.K_RIGHT,), a.RIGHT),
    *_keys((pygame.K_HOME,), a.HOME),
    *_keys((pygame.K_END,), a.END),
)


def _held(required: int, held: int) -> bool:
    """True when every modifier group in `required` has at least one of its keys held."""
    groups = (pygame.KMOD_ALT, pygame.KMOD_CTRL, pygame.KMOD_SHIFT, pygame.KMOD_GUI)
    return all(not (required & g) or (held & g) for g in groups)


class Keymap:
    """Translates pygame events into actions through a binding table."""

    def __init__(self, bindings: Iterable[Binding] = DEFAULT_BINDINGS) -> None:
        self._bindings = tuple(bindings)

    def actions_for(self, event: pygame.event.Event) -> list[Action]:
        """The actions an event means (usually zero or one)."""
        if event.type in (pygame.KEYDOWN, pygame.KEYUP):
            on = DOWN if event.type == pygame.KEYDOWN else UP
            return self._match(KEY, event.key, on, event.mod, None)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            if event.button not in (pygame.BUTTON_LEFT, pygame.BUTTON_MIDDLE, pygame.BUTTON_RIGHT):
                return []  # buttons 4 and 5 are the wheel's legacy echo; MOUSEWHEEL says it
            on = DOWN if event.type == pygame.MOUSEBUTTONDOWN else UP
            return self._match(BUTTON, event.button, on, 0, event.pos)
        if event.type == pygame.MOUSEWHEEL and event.y:
            return self._match(WHEEL, WHEEL_UP if event.y > 0 else WHEEL_DOWN, DOWN, 0, None)
        return []

    def _match(
        self, device: str, code: int, on: str, mods: int, pos: tuple[int, int] | None
    ) -> list[Action]:
        candidates = [
            b
            for b in self._bindings
            if b.device == device and b.code == code and b.on == on and _held(b.mods, mods)
        ]
        if not candidates:
            return []
        best = max(bin(b.mods).count("1") for b in candidates)
        chosen = [b for b in candidates if bin(b.mods).count("1") == best]
        pressed = not (device == KEY and on == UP)
        return [Action(b.action, pressed=pressed, pos=pos, device=device) for b in chosen]
