"""Slot names: pages of numbered slots, one quick slot, a ring of autosaves."""

from __future__ import annotations

from dataclasses import dataclass

QUICK = "quick"
AUTO_PREFIX = "auto-"


@dataclass(frozen=True)
class SlotLayout:
    """How many pages of how many slots, and how many autosaves rotate."""

    pages: int = 3
    per_page: int = 6
    autosaves: int = 3

    def __post_init__(self) -> None:
        for name in ("pages", "per_page", "autosaves"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 99:
                raise ValueError(f"SlotLayout.{name} must be a whole number from 1 to 99")

    def page_slots(self, page: int) -> list[str]:
        """The slot names on page `page` (1-based), in order."""
        if not 1 <= page <= self.pages:
            raise ValueError(f"there is no page {page}; pages run 1..{self.pages}")
        return [f"{page}-{index}" for index in range(1, self.per_page + 1)]

    def auto_slots(self) -> list[str]:
        return [f"{AUTO_PREFIX}{index}" for index in range(1, self.autosaves + 1)]

    def names(self) -> list[str]:
        """Every slot in display order: pages, then quick, then the autosaves."""
        names: list[str] = []
        for page in range(1, self.pages + 1):
            names.extend(self.page_slots(page))
        names.append(QUICK)
        names.extend(self.auto_slots())
        return names

    def check(self, slot: str) -> str:
        """Return `slot` if it names a slot of this layout, else raise ValueError."""
        if slot not in self.names():
            raise ValueError(f"unknown save slot {slot!r}")
        return slot


def slot_kind(slot: str) -> str:
    """ "quick", "auto" or "page": which part of the save screen a slot belongs to."""
    if slot == QUICK:
        return "quick"
    if slot.startswith(AUTO_PREFIX):
        return "auto"
    return "page"
