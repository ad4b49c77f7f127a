"""The game's images and sounds, and their generator (``python -m assets.generate``)."""

from __future__ import annotations
