"""Skip, auto-forward and seen lines as plain decisions on time passed in.

The game screen describes what is on screen as a `Moment`; these classes say when to move on.
Nothing here reads a clock or draws, so every rule is tested with made-up time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from vn.save import Persistent, SaveError

log = logging.getLogger(__name__)

SKIP_INTERVAL = 0.03  # seconds per skipped line: fast, but the player sees it move
SKIP_MOST_PER_FRAME = 4  # a slow frame never skips a whole scene at once

# Auto-forward waits AUTO_BASE + chars / AUTO_CHARS "units", each as long as the preference's
# `auto_forward_delay`: at the default 2 s, a 30-character line waits 2 s, a 300-character
# paragraph 11 s.
AUTO_BASE = 0.5
AUTO_CHARS = 60.0

SEEN_WRITE_EVERY = 20  # newly read lines between writes of persistent.json

OFF = "off"
HELD = "held"
TOGGLED = "toggled"


@dataclass(frozen=True)
class Moment:
    """What the game screen shows now, as skip and auto-forward need to know it.

    `token` changes whenever a new page of text appears; `chars` counts that page's characters;
    `complete` means it is all shown; `busy` means a transition, effect, pause or title card
    is running (or the text is hidden); `unread` means the line had never been read before
    it appeared."""

    token: object
    line_id: str | None
    chars: int
    complete: bool
    busy: bool
    unread: bool


def auto_delay(chars: int, preference_delay: float) -> float:
    """Seconds auto-forward waits after a page of `chars` characters is complete."""
    return preference_delay * (AUTO_BASE + max(0, chars) / AUTO_CHARS)


class Skip:
    """Skip mode: held with Ctrl or toggled with Tab; credits one line per SKIP_INTERVAL."""

    def __init__(
        self, interval: float = SKIP_INTERVAL, most_per_frame: int = SKIP_MOST_PER_FRAME
    ) -> None:
        self.interval = interval
        self.most_per_frame = most_per_frame
        self.mode = OFF
        self._owed = 0.0

    @property
    def active(self) -> bool:
        return self.mode != OFF

    def hold(self, pressed: bool) -> None:
        """Ctrl went down (skip while held) or up (stop, unless Tab turned skipping on)."""
        if pressed and self.mode == OFF:
            self._start(HELD)
        elif not pressed and self.mode == HELD:
            self.stop()

    def toggle(self) -> None:
        if self.active:
            self.stop()
        else:
            self._start(TOGGLED)

    def stop(self) -> None:
        self.mode = OFF
        self._owed = 0.0

    def _start(self, mode: str) -> None:
        self.mode = mode
        self._owed = self.interval  # the first line goes at once

    def due(self, dt: float) -> int:
        """How many lines may be passed this frame."""
        if not self.active:
            return 0
        self._owed = min(self._owed + max(0.0, dt), self.interval * self.most_per_frame)
        count = int(self._owed / self.interval + 1e-9)
        self._owed -= count * self.interval
        return count

    def may_pass(self, moment: Moment, skip_unseen: bool) -> bool:
        """Whether the line on screen may be skipped; stops skipping at an unread one."""
        if not self.active:
            return False
        if moment.line_id is not None and moment.unread and not skip_unseen:
            self.stop()
            return False
        return True


class Auto:
    """Auto-forward: once a page is complete and nothing is running, wait, then go on."""

    def __init__(self) -> None:
        self.on = False
        self.waited = 0.0
        self._token: object = None

    def toggle(self) -> None:
        self.on = not self.on
        self.waited = 0.0

    def stop(self) -> None:
        self.on = False
        self.waited = 0.0

    def update(self, dt: float, moment: Moment, preference_delay: float) -> bool:
        """True when it is time to go on from the page on screen."""
        if moment.token != self._token:
            self._token = moment.token
            self.waited = 0.0
        if not self.on or moment.busy or not moment.complete:
            self.waited = 0.0
            return False
        self.waited += max(0.0, dt)
        if self.waited + 1e-9 < auto_delay(moment.chars, preference_delay):
            return False
        self.waited = 0.0
        self._token = None
        return True


class SeenLines:
    """Marks lines read in the persistent data and writes it now and then, not every line.

    `flush()` writes whatever is new; the interface calls it at natural stops (a menu opens,
    a game is saved, the player quits), so nothing read is lost on a clean exit."""

    def __init__(self, persistent: Persistent, write_every: int = SEEN_WRITE_EVERY) -> None:
        self.persistent = persistent
        self.write_every = max(1, write_every)
        self.unsaved = 0

    def is_seen(self, line_id: str) -> bool:
        return self.persistent.is_seen(line_id)

    def mark(self, line_id: str) -> bool:
        """Record a line as read; True when it had been read before."""
        if not self.persistent.mark_seen(line_id):
            return True
        self.unsaved += 1
        if self.unsaved >= self.write_every:
            self.flush()
        return False

    def flush(self) -> bool:
        """Write new marks; False (logged, kept for the next try) when the disk refuses."""
        if not self.unsaved:
            return True
        try:
            self.persistent.save()
        except SaveError as error:
            log.warning("lines read not recorded yet: %s", error)
            return False
        self.unsaved = 0
        return True
