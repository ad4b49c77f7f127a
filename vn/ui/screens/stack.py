"""The screen stack: the top screen gets the actions; enter/exit/pause/resume hooks."""

from __future__ import annotations

from vn.ui.actions import Action
from vn.ui.picture import Picture
from vn.ui.screens.base import Screen


class ScreenStack:
    def __init__(self) -> None:
        self._screens: list[Screen] = []

    @property
    def screens(self) -> tuple[Screen, ...]:
        return tuple(self._screens)

    @property
    def top(self) -> Screen | None:
        return self._screens[-1] if self._screens else None

    def push(self, screen: Screen) -> None:
        if self._screens:
            self._screens[-1].pause()
        self._screens.append(screen)
        screen.enter()
        screen.dirty = True

    def pop(self) -> Screen | None:
        if not self._screens:
            return None
        screen = self._screens.pop()
        screen.exit()
        if self._screens:
            self._screens[-1].resume()
        return screen

    def replace(self, screen: Screen) -> None:
        """Swap the top screen for another (the one below is not resumed in between)."""
        if self._screens:
            self._screens.pop().exit()
        self._screens.append(screen)
        screen.enter()
        screen.dirty = True

    def clear(self) -> None:
        while self._screens:
            self._screens.pop().exit()

    def handle(self, action: Action) -> bool:
        top = self.top
        return top.handle(action) if top is not None else False

    def pointer(self, pos: tuple[int, int]) -> None:
        if self.top is not None:
            self.top.pointer(pos)

    def update(self, dt: float) -> None:
        """Only the top screen's time runs: a game under a menu is paused."""
        if self.top is not None:
            self.top.update(dt)

    @property
    def animating(self) -> bool:
        return self.top is not None and self.top.animating

    def rescaled(self) -> None:
        for screen in self._screens:
            screen.rescaled()

    @property
    def dirty(self) -> bool:
        return any(s.dirty for s in self._visible())

    def mark_dirty(self) -> None:
        for screen in self._visible():
            screen.dirty = True

    def draw(self, canvas: Picture) -> None:
        visible = self._visible()
        if not visible or not visible[0].opaque:
            canvas.fill((0, 0, 0))
        for screen in visible:
            screen.draw(canvas)
            screen.dirty = False

    def _visible(self) -> list[Screen]:
        """The screens that show: the top one and everything up from the last opaque one."""
        for index in range(len(self._screens) - 1, -1, -1):
            if self._screens[index].opaque:
                return self._screens[index:]
        return list(self._screens)
