from __future__ import annotations

import pygame

from vn.ui.canvas import SIZE, Viewport


def test_fit_letterboxes_a_wide_window_at_the_sides() -> None:
    view = Viewport.fit((1920, 720))
    assert view.size == SIZE
    assert view.offset == (320, 0)
    assert view.to_canvas((320, 0)) == (0, 0)
    assert view.to_canvas((320 + 1279, 719)) == (1279, 719)


def test_fit_scales_and_maps_the_pointer_back() -> None:
    view = Viewport.fit((640, 600))
    assert view.scale == 0.5
    assert view.size == (640, 360)
    assert view.offset == (0, 120)
    assert view.to_canvas((320, 300)) == (640, 360)


def test_present_copies_the_canvas_drawn_at_the_window_size_with_black_bars() -> None:
    view = Viewport.fit((1000, 800))
    assert view.size == (1000, 562)
    canvas = pygame.Surface(view.size)
    canvas.fill((200, 180, 40))
    canvas.fill((10, 20, 30), (0, 0, 1, 1))
    window = pygame.Surface((1000, 800))
    window.fill((255, 255, 255))
    view.present(canvas, window)
    assert window.get_at((500, 10))[:3] == (0, 0, 0)  # top bar
    assert window.get_at((500, 790))[:3] == (0, 0, 0)  # bottom bar
    assert window.get_at((500, 400))[:3] == (200, 180, 40)  # copied, not resampled
    assert window.get_at(view.offset)[:3] == (10, 20, 30)  # pixel for pixel, at the offset
