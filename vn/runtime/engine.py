"""The pull-based story engine: the interface asks for the next directive, never the reverse."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from typing import Any

from vn.runtime.directives import Directive, End, SceneStart, apply
from vn.runtime.state import State, StateError, check_id
from vn.script.model import Line, Script

FORMAT_VERSION = 1
ROLLBACK_LIMIT = 256
HISTORY_LIMIT = 1000
MAX_SAVED_ITEMS = 100_000
_KEYS = frozenset({"version", "state", "after", "ended", "history", "rollback", "forward"})

Step = tuple[int, int]  # (scene index, body index); body index -1 is the scene's start


class Engine:
    """Steps through a Script; all that changes lives in `state`, the rollback stack and the
    history, and `to_json()` holds all of it."""

    def __init__(
        self,
        script: Script,
        *,
        rollback_limit: int = ROLLBACK_LIMIT,
        history_limit: int = HISTORY_LIMIT,
    ) -> None:
        self.script = script
        self.rollback_limit = max(2, rollback_limit)
        self.history_limit = max(1, history_limit)
        self.relocated = False
        self.relocation_note = ""
        self._steps, self._offsets = _steps(script)
        self._cursor = 0
        self._ended = False
        self._state = State()
        self._stack: deque[State] = deque(maxlen=self.rollback_limit)
        self._forward: list[State] = []
        self._history: deque[str] = deque(maxlen=self.history_limit)

    # -- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def history(self) -> tuple[str, ...]:
        return tuple(self._history)

    @property
    def line(self) -> Line | None:
        """The Line on screen, or None before the first."""
        if self._state.line is None:
            return None
        statement = self.script.statement(self._state.line)
        return statement if isinstance(statement, Line) else None

    def can_continue(self) -> bool:
        return not self._ended

    def can_rollback(self) -> bool:
        return len(self._stack) > 1

    def can_roll_forward(self) -> bool:
        return bool(self._forward)

    # -- stepping ----------------------------------------------------------------------------

    def next(self) -> Directive:
        """The next directive: a model statement, SceneStart(scene) or, once, End()."""
        self._forward.clear()
        if self._cursor >= len(self._steps):
            self._ended = True
            return End()
        scene_index, body_index = self._steps[self._cursor]
        self._cursor += 1
        scene = self.script.scenes[scene_index]
        directive = SceneStart(scene) if body_index < 0 else scene.body[body_index]
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
        self._state = state
        self._cursor = self._step_of(state.line) + 1 if state.line else 0
        self._ended = False

    # -- saving ------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """Everything that changes, JSON-ready and compact."""
        return {
            "version": FORMAT_VERSION,
            "state": self._state.to_json(),
            "after": self._token(self._cursor - 1) if self._cursor > 0 else None,
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
        saved = _Saved.parse(data)
        engine = cls(script, rollback_limit=rollback_limit, history_limit=history_limit)
        engine._restore(saved)
        return engine

    # -- internals ---------------------------------------------------------------------------

    def _token(self, step: int) -> str:
        scene_index, body_index = self._steps[step]
        scene = self.script.scenes[scene_index]
        return scene.id if body_index < 0 else scene.body[body_index].id

    def _step_of(self, token: str) -> int:
        """The step index of a statement id or a scene id; KeyError when it is gone."""
        if "/" in token:
            scene_index, body_index = self.script.position(token)
            return self._offsets[scene_index] + 1 + body_index
        for index, scene in enumerate(self.script.scenes):
            if scene.id == token:
                return self._offsets[index]
        raise KeyError(token)

    def _line_step(self, line_id: str | None) -> int | None:
        """The step of a Line that still exists, else None."""
        if line_id is None or line_id not in self.script:
            return None
        if not isinstance(self.script.statement(line_id), Line):
            return None
        return self._step_of(line_id)

    def _is_line_step(self, step: int) -> bool:
        scene_index, body_index = self._steps[step]
        body = self.script.scenes[scene_index].body
        return body_index >= 0 and isinstance(body[body_index], Line)

    def _no_line_between(self, start: int, stop: int) -> bool:
        return not any(self._is_line_step(step) for step in range(start, stop))

    def _replay(self, last_step: int, variables: State) -> State:
        """The state after playing every step up to `last_step`, from the start."""
        state = State(variables=variables.variables)
        for step in range(last_step + 1):
            scene_index, body_index = self._steps[step]
            scene = self.script.scenes[scene_index]
            state = apply(state, SceneStart(scene) if body_index < 0 else scene.body[body_index])
        return state

    def _restore(self, saved: _Saved) -> None:
        line_step = self._line_step(saved.state.line)
        if saved.state.line is not None and line_step is None:
            self._relocate(saved)
            return
        self._state = self._clean(saved.state, line_step)
        self._cursor = self._resume_cursor(saved, line_step)
        self._ended = saved.ended and self._cursor >= len(self._steps)
        self._history.extend(i for i in saved.history if self._line_step(i) is not None)
        self._stack.extend(s for s in saved.rollback if self._line_step(s.line) is not None)
        if line_step is not None and (not self._stack or self._stack[-1].line != saved.state.line):
            self._stack.append(self._replay(line_step, saved.state))
        self._forward.extend(s for s in saved.forward if self._line_step(s.line) is not None)

    def _resume_cursor(self, saved: _Saved, line_step: int | None) -> int:
        start = 0 if line_step is None else line_step + 1
        if saved.after is not None:
            try:
                after = self._step_of(saved.after)
            except KeyError:
                after = -1
            if after + 1 >= start and self._no_line_between(start, after + 1):
                start = after + 1
        if saved.ended and self._no_line_between(start, len(self._steps)):
            return len(self._steps)
        return start

    def _clean(self, state: State, line_step: int | None) -> State:
        """The saved state with names the script no longer knows taken out."""
        scene = state.scene
        if scene is not None and all(s.id != scene for s in self.script.scenes):
            scene = None
        if scene is None and line_step is not None:
            scene = self.script.scenes[self._steps[line_step][0]].id
        sprites = tuple(s for s in state.sprites if s[0] in self.script.characters)
        return replace(state, scene=scene, sprites=sprites)

    def _relocate(self, saved: _Saved) -> None:
        target = next(
            (step for i in reversed(saved.history) if (step := self._line_step(i)) is not None),
            None,
        )
        if target is None and saved.state.scene is not None:
            target = self._first_line_of(saved.state.scene)
        self.relocated = True
        if target is None:
            self._state = State(variables=saved.state.variables)
            self.relocation_note = (
                "The line this game was saved on is no longer in the story; "
                "it starts again from the beginning."
            )
            return
        line_id = self._token(target)
        kept = [
            s
            for s in saved.rollback
            if (step := self._line_step(s.line)) is not None and step <= target
        ]
        checkpoint = next((s for s in reversed(kept) if s.line == line_id), None)
        self._state = self._clean(checkpoint or self._replay(target, saved.state), target)
        while kept and kept[-1].line != line_id:
            kept.pop()
        self._stack.extend(kept or [])
        if not self._stack:
            self._stack.append(self._state)
        history = [i for i in saved.history if self._line_step(i) is not None]
        if line_id in history:
            history = history[: len(history) - history[::-1].index(line_id)]
        else:
            history.append(line_id)
        self._history.extend(history)
        self._cursor = target + 1
        self.relocation_note = (
            "The line this game was saved on has changed; "
            "it resumes at the nearest earlier line that still exists."
        )

    def _first_line_of(self, scene_id: str) -> int | None:
        try:
            start = self._step_of(scene_id)
        except (KeyError, StateError):
            return None
        for step in range(start + 1, len(self._steps)):
            if self._steps[step][0] != self._steps[start][0]:
                return None
            if self._is_line_step(step):
                return step
        return None


def _steps(script: Script) -> tuple[tuple[Step, ...], tuple[int, ...]]:
    steps: list[Step] = []
    offsets: list[int] = []
    for scene_index, scene in enumerate(script.scenes):
        offsets.append(len(steps))
        steps.append((scene_index, -1))
        steps.extend((scene_index, body_index) for body_index in range(len(scene.body)))
    return tuple(steps), tuple(offsets)


class _Saved:
    """Saved engine data, checked field by field before anything trusts it."""

    def __init__(
        self,
        state: State,
        after: str | None,
        ended: bool,
        history: list[str],
        rollback: list[State],
        forward: list[State],
    ) -> None:
        self.state = state
        self.after = after
        self.ended = ended
        self.history = history
        self.rollback = rollback
        self.forward = forward

    @classmethod
    def parse(cls, data: object) -> _Saved:
        if not isinstance(data, dict):
            raise StateError("the saved game is not a mapping")
        unknown = set(data) - _KEYS
        if unknown:
            raise StateError("the saved game has unknown fields")
        version = data.get("version")
        if type(version) is not int or version != FORMAT_VERSION:
            raise StateError(f"the saved game has an unknown format version: {version!r:.20}")
        if "state" not in data:
            raise StateError("the saved game has no state")
        state = State.from_json(data["state"])
        after = data.get("after")
        if after is not None:
            after = check_id(after, "position", allow_slash=True)
        ended = data.get("ended", False)
        if not isinstance(ended, bool):
            raise StateError("the saved end flag is not true or false")
        history = [check_id(i, "history line", allow_slash=True) for i in _list(data, "history")]
        rollback = [State.from_compact(item) for item in _list(data, "rollback")]
        forward = [State.from_compact(item) for item in _list(data, "forward")]
        return cls(state, after, ended, history, rollback, forward)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_SAVED_ITEMS:
        raise StateError(f"the saved {key} is not a list of reasonable size")
    return value
