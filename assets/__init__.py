"""The game's images and sounds, and the generator that writes them (``python -m assets.generate``)."""

from __future__ import annotations
