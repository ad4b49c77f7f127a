"""Transitions at their ends and middles: exact pictures (the ends take the plain-blit path)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from vn.ui import transitions

SIZE = (64, 36)


@pytest.fixture
def pictures() -> tuple[pygame.Surface, pygame.Surface, pygame.Surface]:
    pygame.display.init()
    pygame.display.set_mode(SIZE)
    before = pygame.Surface(SIZE).convert()
    before.fill((200, 40, 40))
    after = pygame.Surface(SIZE).convert()
    after.fill((40, 40, 200))
    out = pygame.Surface(SIZE).convert()
    return before, after, out


def test_dissolve_starts_on_the_old_picture_and_ends_on_the_new(pictures) -> None:  # type: ignore[no-untyped-def]
    before, after, out = pictures
    transitions.dissolve(before, after, 0.0, out)
    assert out.get_at((5, 5))[:3] == (200, 40, 40)
    transitions.dissolve(before, after, 1.0, out)
    assert out.get_at((5, 5))[:3] == (40, 40, 200)
    assert after.get_alpha() is None  # the new picture is left as it was given


def test_dissolve_half_way_is_the_even_mix(pictures) -> None:  # type: ignore[no-untyped-def]
    before, after, out = pictures
    transitions.dissolve(before, after, 0.5, out)
    r, _, b = out.get_at((5, 5))[:3]
    assert abs(r - 120) <= 2 and abs(b - 120) <= 2


def test_fade_is_black_at_its_middle_and_clear_at_its_ends(pictures) -> None:  # type: ignore[no-untyped-def]
    before, after, out = pictures
    transitions.fade(before, after, 0.5, out)
    assert out.get_at((5, 5))[:3] == (0, 0, 0)
    transitions.fade(before, after, 0.0, out)
    assert out.get_at((5, 5))[:3] == (200, 40, 40)
    transitions.fade(before, after, 1.0, out)
    assert out.get_at((5, 5))[:3] == (40, 40, 200)


def test_fade_a_quarter_in_darkens_the_old_picture_by_half(pictures) -> None:  # type: ignore[no-untyped-def]
    before, after, out = pictures
    transitions.fade(before, after, 0.25, out)  # darkness 0.5, eased to 0.5
    r = out.get_at((5, 5))[0]
    assert abs(r - 100) <= 2
