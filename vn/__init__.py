"""vn: a small visual-novel engine, and the game it plays."""

from __future__ import annotations

__version__ = "0.1.0"
