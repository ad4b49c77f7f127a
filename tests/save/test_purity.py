"""vn.save stays pure: importing it never pulls in pygame."""

from __future__ import annotations

import subprocess
import sys


def test_importing_vn_save_does_not_import_pygame():
    code = "import sys, vn.save; print('pygame' in sys.modules, 'vn.save' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True"]
