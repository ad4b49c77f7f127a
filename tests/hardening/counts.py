"""Counts of what the hardening tests tried, written as JSON when VN_RELIABILITY_COUNTS is set.

docs/reliability.md quotes these numbers; regenerate them with
`VN_RELIABILITY_COUNTS=counts.json python -m pytest tests/hardening`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

ENV = "VN_RELIABILITY_COUNTS"

SCRIPTS_FUZZED = "scripts_fuzzed"
BAD_SCRIPTS = "bad_scripts_checked"
MONKEY_INPUTS = "monkey_inputs"
MONKEY_QUITS = "monkey_quit_requests"
MONKEY_ENDINGS = "monkey_endings_reached"
MONKEY_SAVES = "monkey_saves_written"
MONKEY_ROLLBACKS = "monkey_rollbacks"
FAULTS = "faults_injected"
HOSTILE = "hostile_files_refused"


class Counts:
    """A tally shared by the tests of one pytest session (kept in the config's stash)."""

    def __init__(self) -> None:
        self.tally: Counter[str] = Counter()

    def add(self, name: str, amount: int = 1) -> None:
        self.tally[name] += amount

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(dict(sorted(self.tally.items())), indent=2) + "\n")


def target() -> Path | None:
    """Where to write the counts, or None when nobody asked."""
    value = os.environ.get(ENV, "").strip()
    return Path(value) if value else None
