"""The player's settings: a frozen value that reads any JSON without complaint."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

TEXT_SIZES = ("small", "medium", "large")

# field -> (lowest, highest) for the numbers; a value outside falls back to the default
_RANGES: dict[str, tuple[float, float]] = {
    "text_speed": (0, 1000),
    "auto_forward_delay": (0.5, 30.0),
    "music_volume": (0.0, 1.0),
    "sound_volume": (0.0, 1.0),
    "textbox_opacity": (0.0, 1.0),
}


@dataclass(frozen=True)
class Preferences:
    """`text_speed` is characters per second, 0 meaning the whole line at once;
    `auto_forward_delay` is the seconds auto-forward waits after a line is complete;
    `skip_unseen` lets skipping pass lines never read before."""

    text_speed: int = 40
    auto_forward_delay: float = 2.0
    skip_unseen: bool = False
    music_volume: float = 0.8
    sound_volume: float = 0.8
    fullscreen: bool = False
    text_size: str = "medium"
    textbox_opacity: float = 0.85

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if not _valid(field.name, value, field.default):
                raise ValueError(f"Preferences.{field.name} can't be {value!r}")

    def replace(self, **changes: Any) -> Preferences:
        """A copy with some fields changed; raises ValueError on a bad value."""
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Preferences:
        """Field by field: a missing, mistyped or out-of-range field takes its default."""
        if not isinstance(data, dict):
            return cls()
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            value = data.get(field.name)
            if _valid(field.name, value, field.default):
                values[field.name] = int(value) if field.name == "text_speed" else value
        return cls(**values)


def _valid(name: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if name == "text_size":
        return value in TEXT_SIZES
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if not math.isfinite(value):
        return False
    if name == "text_speed" and value != int(value):
        return False
    low, high = _RANGES[name]
    return low <= value <= high
