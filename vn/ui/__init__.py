"""The pygame presentation layer: the only package of vn that imports pygame."""

from __future__ import annotations
