"""The screens the title menu opens until fuller ones are registered over them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn.ui.screens.panel import PanelScreen

if TYPE_CHECKING:
    from vn.ui.app import App


def register_defaults(app: App) -> None:
    """Register Load and Preferences panels, unless something already took those names."""
    app.screens.setdefault(
        "load", lambda a: PanelScreen(a, "Load", ["There are no saved games yet."])
    )
    app.screens.setdefault(
        "preferences",
        lambda a: PanelScreen(
            a,
            "Preferences",
            [
                f"Text size: {a.prefs.text_size}",
                f"Text speed: {a.prefs.text_speed:g} characters a second",
            ],
        ),
    )
