"""The script flattened into play order, so positions are plain indexes and ids map to them."""

from __future__ import annotations

from vn.runtime.directives import SceneStart, apply
from vn.runtime.state import State
from vn.script.model import Line, Script, Statement

Step = tuple[int, int]  # (scene index, body index); body index -1 is the scene's start


class Timeline:
    """Every step of a script in play order: each scene's start, then its statements."""

    def __init__(self, script: Script) -> None:
        self.script = script
        steps: list[Step] = []
        offsets: list[int] = []
        for scene_index, scene in enumerate(script.scenes):
            offsets.append(len(steps))
            steps.append((scene_index, -1))
            steps.extend((scene_index, body_index) for body_index in range(len(scene.body)))
        self._steps = tuple(steps)
        self._offsets = tuple(offsets)
        self._scene_index = {scene.id: index for index, scene in enumerate(script.scenes)}

    def __len__(self) -> int:
        return len(self._steps)

    def directive(self, step: int) -> Statement | SceneStart:
        scene_index, body_index = self._steps[step]
        scene = self.script.scenes[scene_index]
        return SceneStart(scene) if body_index < 0 else scene.body[body_index]

    def token(self, step: int) -> str:
        """The id of a step: its statement's id, or its scene's id for a scene start."""
        scene_index, body_index = self._steps[step]
        scene = self.script.scenes[scene_index]
        return scene.id if body_index < 0 else scene.body[body_index].id

    def step_of(self, token: str) -> int | None:
        """The step of a statement id or a scene id; None when it is gone."""
        if "/" not in token:
            index = self._scene_index.get(token)
            return None if index is None else self._offsets[index]
        if token not in self.script:
            return None
        scene_index, body_index = self.script.position(token)
        return self._offsets[scene_index] + 1 + body_index

    def line_step(self, line_id: str | None) -> int | None:
        """The step of a Line that still exists, else None."""
        step = None if line_id is None or "/" not in line_id else self.step_of(line_id)
        return step if step is not None and self.is_line(step) else None

    def is_line(self, step: int) -> bool:
        return isinstance(self.directive(step), Line)

    def no_line_in(self, start: int, stop: int) -> bool:
        return not any(self.is_line(step) for step in range(start, stop))

    def first_line_of(self, scene_id: str) -> int | None:
        start = self.step_of(scene_id)
        if start is None or "/" in scene_id:
            return None
        scene_index = self._steps[start][0]
        for step in range(start + 1, len(self._steps)):
            if self._steps[step][0] != scene_index:
                return None
            if self.is_line(step):
                return step
        return None

    def scene_id(self, step: int) -> str:
        return self.script.scenes[self._steps[step][0]].id

    def replay(self, last_step: int, start: State) -> State:
        """The state after playing every step up to `last_step` from the beginning, keeping
        `start`'s variables (staging is deterministic, so this rebuilds any moment)."""
        state = State(variables=start.variables)
        for step in range(last_step + 1):
            state = apply(state, self.directive(step))
        return state
