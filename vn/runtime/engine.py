"""The pull-based story engine: the interface asks for the next directive, never the reverse."""

from __future__ import annotations

from collections import deque
from typing import Any

from vn.runtime.directives import Directive, End, apply
from vn.runtime.restore import Resume, resume
from vn.runtime.saved import FORMAT_VERSION, parse_saved
from vn.runtime.state import State
from vn.runtime.timeline import Timeline
from vn.script.model import Line, Script

ROLLBACK_LIMIT = 256
HISTORY_LIMIT = 1000


class Engine:
    """Steps through a Script when asked. What changes lives in `state`, the rollback stack
    (one State per line shown) and the history; `to_json()` holds all of it, and the position
    follows from `state.line`."""

    def __init__(
        self,
        script: Script,
        *,
        rollback_limit: int = ROLLBACK_LIMIT,
        history_limit: int = HISTORY_LIMIT,
    ) -> None:
        self.script = script
        self.relocated = False
        self.relocation_note = ""
        self._timeline = Timeline(script)
        self._cursor = 0
        self._ended = False
        self._state = State()
        self._stack: deque[State] = deque(maxlen=max(2, rollback_limit))
        self._forward: list[State] = []
        self._history: deque[str] = deque(maxlen=max(1, history_limit))

    @property
    def state(self) -> State:
        """The State on screen now."""
        return self._state

    @property
    def history(self) -> tuple[str, ...]:
        """Ids of the lines read, oldest first (capped)."""
        return tuple(self._history)

    @property
    def line(self) -> Line | None:
        """The Line on screen, or None before the first."""
        step = self._timeline.line_step(self._state.line)
        return None if step is None else self._timeline.directive(step)  # type: ignore[return-value]

    def can_continue(self) -> bool:
        return not self._ended

    def can_rollback(self) -> bool:
        return len(self._stack) > 1

    def can_roll_forward(self) -> bool:
        return bool(self._forward)

    def next(self) -> Directive:
        """The next directive: a model statement, SceneStart(scene) or, at the end, End()."""
        self._forward.clear()
        if self._cursor >= len(self._timeline):
            self._ended = True
            return End()
        directive = self._timeline.directive(self._cursor)
        self._cursor += 1
        self._state = apply(self._state, directive)
        if isinstance(directive, Line):
            self._stack.append(self._state)
            self._history.append(directive.id)
        return directive

    def rollback(self) -> bool:
        """Back to the previous line's state; False, changing nothing, at the first."""
        if len(self._stack) < 2:
            return False
        left = self._stack.pop()
        self._forward.append(left)
        if self._history and self._history[-1] == left.line:
            self._history.pop()
        self._show(self._stack[-1])
        return True

    def roll_forward(self) -> bool:
        """Forward again along the path rolled back over; False when there is none."""
        if not self._forward:
            return False
        state = self._forward.pop()
        self._stack.append(state)
        if state.line is not None:
            self._history.append(state.line)
        self._show(state)
        return True

    def _show(self, state: State) -> None:
        step = self._timeline.line_step(state.line)
        self._state = state
        self._cursor = 0 if step is None else step + 1
        self._ended = False

    def to_json(self) -> dict[str, Any]:
        """Everything that changes, JSON-ready; rollback states as compact lists.

        `after` names the last directive handed out when staging was pulled after the line,
        so a save between a line and its staging does not replay that staging."""
        return {
            "version": FORMAT_VERSION,
            "state": self._state.to_json(),
            "after": self._timeline.token(self._cursor - 1) if self._cursor > 0 else None,
            "ended": self._ended,
            "history": list(self._history),
            "rollback": [state.to_compact() for state in self._stack],
            "forward": [state.to_compact() for state in self._forward],
        }

    @classmethod
    def from_json(
        cls,
        script: Script,
        data: object,
        *,
        rollback_limit: int = ROLLBACK_LIMIT,
        history_limit: int = HISTORY_LIMIT,
    ) -> Engine:
        """An engine resuming from `to_json()` output; StateError for anything malformed.

        When the saved line is gone from the script, it resumes at the nearest earlier line
        that still exists and sets `relocated` and `relocation_note`."""
        saved = parse_saved(data)
        engine = cls(script, rollback_limit=rollback_limit, history_limit=history_limit)
        engine._resume(resume(engine._timeline, saved))
        return engine

    def _resume(self, point: Resume) -> None:
        self._state = point.state
        self._cursor = point.cursor
        self._ended = point.ended
        self._history.extend(point.history)
        self._stack.extend(point.rollback)
        self._forward.extend(point.forward)
        self.relocated = bool(point.note)
        self.relocation_note = point.note
