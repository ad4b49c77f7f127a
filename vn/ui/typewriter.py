"""Characters revealed at a rate: the typing-out of a line, on the clock it is given."""

from __future__ import annotations


class Typewriter:
    """`cps` characters per second over `total` characters; 0 cps shows everything at once."""

    def __init__(self, total: int, cps: float) -> None:
        self.total = total
        self.cps = cps
        self._shown = float(total) if cps <= 0 else 0.0

    @property
    def shown(self) -> int:
        return min(self.total, int(self._shown))

    @property
    def done(self) -> bool:
        return self.shown >= self.total

    def update(self, dt: float) -> bool:
        """Advance by dt seconds; True when more characters became visible."""
        if self.done:
            return False
        before = self.shown
        self._shown = min(float(self.total), self._shown + dt * self.cps)
        return self.shown != before

    def complete(self) -> None:
        self._shown = float(self.total)
