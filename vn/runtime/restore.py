"""Where a loaded game resumes: exactly where it was, or, when the script changed under it,
at the nearest earlier line that still exists."""

from __future__ import annotations

from dataclasses import dataclass, replace

from vn.runtime.saved import Saved
from vn.runtime.state import State
from vn.runtime.timeline import Timeline

MOVED_NOTE = (
    "The line this game was saved on has changed; "
    "it resumes at the nearest earlier line that still exists."
)
RESTART_NOTE = (
    "The line this game was saved on is no longer in the story; it starts again from the beginning."
)


@dataclass(frozen=True)
class Resume:
    """Everything the engine needs to carry on; `note` is set when the save was relocated."""

    state: State
    cursor: int
    ended: bool
    history: tuple[str, ...]
    rollback: tuple[State, ...]
    forward: tuple[State, ...]
    note: str = ""


def resume(timeline: Timeline, saved: Saved) -> Resume:
    line_step = timeline.line_step(saved.state.line)
    if saved.state.line is not None and line_step is None:
        return _relocated(timeline, saved)
    cursor = _cursor(timeline, saved, line_step)
    stack = [s for s in saved.rollback if timeline.line_step(s.line) is not None]
    if line_step is not None and (not stack or stack[-1].line != saved.state.line):
        stack.append(timeline.replay(line_step, saved.state))
    return Resume(
        state=_clean(timeline, saved.state, line_step),
        cursor=cursor,
        ended=saved.ended and cursor >= len(timeline),
        history=tuple(i for i in saved.history if timeline.line_step(i) is not None),
        rollback=tuple(stack),
        forward=tuple(s for s in saved.forward if timeline.line_step(s.line) is not None),
    )


def _cursor(timeline: Timeline, saved: Saved, line_step: int | None) -> int:
    """After the saved line, or after the staging pulled since, when that still follows it."""
    start = 0 if line_step is None else line_step + 1
    after = None if saved.after is None else timeline.step_of(saved.after)
    if after is not None and after + 1 >= start and timeline.no_line_in(start, after + 1):
        start = after + 1
    if saved.ended and timeline.no_line_in(start, len(timeline)):
        return len(timeline)
    return start


def _clean(timeline: Timeline, state: State, line_step: int | None) -> State:
    """The saved state without names the script no longer knows."""
    scene = state.scene
    if scene is not None and (timeline.step_of(scene) is None or "/" in scene):
        scene = None
    if scene is None and line_step is not None:
        scene = timeline.scene_id(line_step)
    characters = timeline.script.characters
    sprites = tuple(sprite for sprite in state.sprites if sprite[0] in characters)
    return replace(state, scene=scene, sprites=sprites)


def _relocated(timeline: Timeline, saved: Saved) -> Resume:
    target = _target(timeline, saved)
    if target is None:
        fresh = State(variables=saved.state.variables)
        return Resume(fresh, 0, False, (), (), (), RESTART_NOTE)
    line_id = timeline.token(target)
    stack = [
        s
        for s in saved.rollback
        if (step := timeline.line_step(s.line)) is not None and step <= target
    ]
    while stack and stack[-1].line != line_id:
        stack.pop()
    state = stack[-1] if stack else timeline.replay(target, saved.state)
    history = [i for i in saved.history if timeline.line_step(i) is not None]
    if line_id in history:
        del history[len(history) - history[::-1].index(line_id) :]
    else:
        history.append(line_id)
    return Resume(
        state=_clean(timeline, state, target),
        cursor=target + 1,
        ended=False,
        history=tuple(history),
        rollback=tuple(stack or [state]),
        forward=(),
        note=MOVED_NOTE,
    )


def _target(timeline: Timeline, saved: Saved) -> int | None:
    """The latest line read that still exists, else the first line of the saved scene."""
    for line_id in reversed(saved.history):
        step = timeline.line_step(line_id)
        if step is not None:
            return step
    return None if saved.state.scene is None else timeline.first_line_of(saved.state.scene)
