"""Save files: slots with a header readable on its own, migrations, persistent data.

Pure Python (no pygame). Everything is JSON; loading never runs code.
"""

from __future__ import annotations

from vn.save.atomic import atomic_write
from vn.save.errors import SaveError
from vn.save.format import MAX_SAVE_BYTES
from vn.save.migrations import CURRENT_VERSION
from vn.save.persistent import Persistent
from vn.save.preferences import TEXT_SIZES, Preferences
from vn.save.slotinfo import SlotInfo, SlotStatus
from vn.save.slots import SlotLayout
from vn.save.store import SaveStore

__all__ = [
    "CURRENT_VERSION",
    "MAX_SAVE_BYTES",
    "TEXT_SIZES",
    "Persistent",
    "Preferences",
    "SaveError",
    "SaveStore",
    "SlotInfo",
    "SlotLayout",
    "SlotStatus",
    "atomic_write",
]
