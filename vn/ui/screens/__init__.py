"""The screens of the game: each draws itself and handles named actions."""

from __future__ import annotations

from vn.ui.screens.base import Screen
from vn.ui.screens.stack import ScreenStack

__all__ = ["Screen", "ScreenStack"]
