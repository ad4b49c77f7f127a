"""Prose to scene-script converter: `draft(text, roster)` and the `vn adapt` command. No pygame."""

from __future__ import annotations

from vn.adapt.characters import Character, RosterEntry, roster_entries
from vn.adapt.draft import Draft, DraftLine, draft

__all__ = ["Character", "Draft", "DraftLine", "RosterEntry", "draft", "roster_entries"]
