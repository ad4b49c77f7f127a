"""`python -m vn`: check a script, export its dialogue, or draft one from prose."""

from __future__ import annotations

import sys

from vn.cli_main import main

if __name__ == "__main__":
    sys.exit(main())
