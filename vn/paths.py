"""Where the project's own script and assets live, so commands work from any folder."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCRIPT_DIR = PROJECT_ROOT / "script"
ASSETS_DIR = PROJECT_ROOT / "assets"


def default_assets_for(script_path: Path) -> Path:
    """The `assets/` beside a script's folder if there is one, else the project's own."""
    folder = script_path if script_path.is_dir() else script_path.parent
    for candidate in (folder / "assets", folder.parent / "assets"):
        if candidate.is_dir():
            return candidate
    return ASSETS_DIR
