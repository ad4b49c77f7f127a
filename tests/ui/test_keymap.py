from __future__ import annotations

import pygame
import pytest

from vn.ui import actions as a
from vn.ui.keymap import Keymap


def key(k: int, mod: int = 0, down: bool = True) -> pygame.event.Event:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    return pygame.event.Event(kind, key=k, mod=mod, unicode="", scancode=0)


def button(b: int, down: bool, pos: tuple[int, int] = (10, 20)) -> pygame.event.Event:
    kind = pygame.MOUSEBUTTONDOWN if down else pygame.MOUSEBUTTONUP
    return pygame.event.Event(kind, button=b, pos=pos)


def names(events: list[pygame.event.Event]) -> list[str]:
    keymap = Keymap()
    return [action.name for e in events for action in keymap.actions_for(e)]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (key(pygame.K_SPACE), a.ADVANCE),
        (key(pygame.K_RETURN), a.ADVANCE),
        (key(pygame.K_KP_ENTER), a.ADVANCE),
        (key(pygame.K_PAGEUP), a.ROLLBACK),
        (key(pygame.K_PAGEDOWN), a.ROLL_FORWARD),
        (key(pygame.K_TAB), a.SKIP_TOGGLE),
        (key(pygame.K_a), a.AUTO),
        (key(pygame.K_h), a.HIDE),
        (key(pygame.K_ESCAPE), a.MENU),
        (key(pygame.K_l), a.HISTORY),
        (key(pygame.K_F5), a.QUICKSAVE),
        (key(pygame.K_F9), a.QUICKLOAD),
        (key(pygame.K_s), a.SCREENSHOT),
        (key(pygame.K_f), a.FULLSCREEN),
        (key(pygame.K_F11), a.FULLSCREEN),
        (key(pygame.K_v), a.SELF_VOICING),
        (key(pygame.K_UP), a.UP),
        (key(pygame.K_DOWN), a.DOWN),
        (button(pygame.BUTTON_RIGHT, down=False), a.MENU),
        (button(pygame.BUTTON_MIDDLE, down=False), a.HIDE),
        (pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False), a.ROLLBACK),
        (pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False), a.ROLL_FORWARD),
    ],
)
def test_default_bindings(event: pygame.event.Event, expected: str) -> None:
    assert names([event]) == [expected]


def test_left_button_advances_on_release_not_press() -> None:
    keymap = Keymap()
    assert keymap.actions_for(button(pygame.BUTTON_LEFT, down=True)) == []
    (action,) = keymap.actions_for(button(pygame.BUTTON_LEFT, down=False, pos=(33, 44)))
    assert action.name == a.ADVANCE
    assert action.pos == (33, 44)


def test_alt_enter_toggles_fullscreen_instead_of_advancing() -> None:
    assert names([key(pygame.K_RETURN, pygame.KMOD_LALT)]) == [a.FULLSCREEN]


def test_ctrl_is_held_for_skip_and_released() -> None:
    keymap = Keymap()
    (held,) = keymap.actions_for(key(pygame.K_LCTRL))
    (released,) = keymap.actions_for(key(pygame.K_LCTRL, down=False))
    assert (held.name, held.pressed) == (a.SKIP_HOLD, True)
    assert (released.name, released.pressed) == (a.SKIP_HOLD, False)


def test_legacy_wheel_buttons_and_unbound_keys_mean_nothing() -> None:
    assert names([button(4, down=True), button(5, down=False), key(pygame.K_q)]) == []
