"""The pure layers never import pygame, not even indirectly."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

PURE = ("vn.script", "vn.runtime", "vn.save", "vn.adapt")


def present(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_pure_packages_do_not_import_pygame() -> None:
    modules = [name for name in PURE if present(name)]
    assert "vn.script" in modules and "vn.runtime" in modules
    code = (
        "import importlib, json, pkgutil, sys\n"
        f"for name in {modules!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(getattr(package, '__path__', []), name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_command_line_does_not_import_pygame() -> None:
    code = "import sys, vn.__main__, vn.cli_main; print('pygame' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr
