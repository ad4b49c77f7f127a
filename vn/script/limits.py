"""Bounds on each script file, so a hostile or broken input is refused quickly."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 500_000  # per file; 2,000,000 took 4-8 s to refuse, 500,000 takes 1-2 s
MAX_SCALAR_CHARS = 100_000


@dataclass(frozen=True)
class Limits:
    """Bounds on one file, so a hostile or broken input is refused quickly."""

    max_bytes: int = MAX_FILE_BYTES
    max_depth: int = MAX_DEPTH
    max_nodes: int = MAX_NODES
    max_scalar_chars: int = MAX_SCALAR_CHARS
