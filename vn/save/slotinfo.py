"""What the save screen shows for one slot, read without loading the game state."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from vn.save.meta import text_field
from vn.save.slots import slot_kind

if TYPE_CHECKING:
    from datetime import datetime


class SlotStatus(str, enum.Enum):
    EMPTY = "empty"
    OK = "ok"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class SlotInfo:
    """One slot. `saved_at` is timezone-aware UTC (use `.astimezone()` to show local time);
    `reason` says why a damaged slot can't be loaded; `version` is the version it was
    written in; `thumbnail` is None unless the picture matches the save."""

    slot: str
    status: SlotStatus
    saved_at: datetime | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    reason: str = ""
    code: str = ""
    version: int | None = None
    thumbnail: Path | None = None

    @property
    def kind(self) -> str:
        """ "page", "quick" or "auto"."""
        return slot_kind(self.slot)

    @property
    def scene_title(self) -> str:
        return text_field(self.meta, "scene_title")

    @property
    def line_text(self) -> str:
        """The first words of the line on screen when saved."""
        return text_field(self.meta, "line_text")

    @property
    def speaker(self) -> str:
        return text_field(self.meta, "speaker")

    @property
    def ok(self) -> bool:
        return self.status is SlotStatus.OK
