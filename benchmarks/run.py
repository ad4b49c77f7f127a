"""Run the performance benchmarks and print every figure beside its floor and its target.

    python benchmarks/run.py [--quick] [--json FILE] [--only GROUP ...]

Each figure's floor is measured in the same run on the same machine (shared machines are
noisy, so read the ratio, not the raw number); timings are medians of repeats. `--quick` runs
smaller sizes and fewer repeats (for a smoke check, not for the figures in docs/performance.md).
See docs/performance.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from bench_support import Figure

GROUPS = ("startup", "frame", "idle", "scale", "memory", "convert")


def _runner(group: str) -> Callable[[bool], list[Figure]]:
    module = __import__(f"bench_{group}")
    return module.run  # type: ignore[no-any-return]


def format_value(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if abs(value) >= 10_000:
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def table(figures: Sequence[Figure]) -> str:
    """A plain-text table: measure, value, floor, ratio, target, verdict."""
    header = ("group", "measure", "value", "floor", "ratio", "target", "meets")
    rows = [header]
    for f in figures:
        verdict = "-" if f.met is None else ("yes" if f.met else "NO")
        ratio = "-" if f.ratio is None else f"{f.ratio:.2f}x"
        rows.append(
            (
                f.group,
                f.name,
                format_value(f.value, f.unit),
                format_value(f.floor, f.unit),
                ratio,
                f.target or "-",
                verdict,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def machine() -> dict[str, object]:
    import pygame

    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    return {
        "python": platform.python_version(),
        "pygame": pygame.version.ver,
        "sdl": ".".join(map(str, pygame.get_sdl_version())),
        "cpus": os.cpu_count(),
        "load_average": list(load),
        "platform": platform.platform(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S %z"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/run.py", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument(
        "--only", nargs="+", choices=GROUPS, metavar="GROUP", help=", ".join(GROUPS)
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    figures: list[Figure] = []
    failed: list[str] = []
    for group in args.only or GROUPS:
        print(f"running {group} ...", file=sys.stderr, flush=True)
        started = time.monotonic()
        try:
            figures += _runner(group)(args.quick)
        except Exception:
            failed.append(group)
            traceback.print_exc()
        print(f"  {group}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    print(table(figures))
    missed = [f for f in figures if f.met is False]
    print(f"\n{len(figures) - len(missed)} of {len(figures)} figures meet their targets", end="")
    print(f"; benchmarks that failed to run: {', '.join(failed)}" if failed else "")
    if args.json is not None:
        report = {
            "quick": args.quick,
            "machine": machine(),
            "figures": [f.to_json() for f in figures],
            "failed": failed,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
