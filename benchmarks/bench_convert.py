"""Converter throughput: characters of prose per second through `vn.adapt.draft`.

On Pride and Prejudice from the shared quotation benchmark when it is on this machine (never
committed), else on a generated story of the same length. The floor is one pass of a regular
expression finding every quotation in the same text: the least any converter must do.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from bench_support import Figure, median

NOVEL = Path("/work/shared/benchmarks/quotes/pride-and-prejudice/text.txt")
TARGET_CPS = 100_000.0  # a 600,000-character novel drafted in six seconds
QUOTES = re.compile(r"[\"“][^\"”]*[\"”]")


def novel_text() -> tuple[str, str]:
    """The text to convert and what it is."""
    if NOVEL.is_file():
        return NOVEL.read_text(encoding="utf-8"), "Pride and Prejudice"
    return generated_story(600_000), "a generated story"


def generated_story(chars: int) -> str:
    """Prose with speech tags and paragraphs, about `chars` characters long."""
    names = ("Elizabeth", "Jane", "Darcy", "Bingley", "Charlotte")
    parts = []
    index = 0
    while sum(len(p) for p in parts) < chars:
        name = names[index % len(names)]
        other = names[(index + 2) % len(names)]
        parts.append(
            f'"I had not thought to see you here, {other}," said {name}, turning from the '
            f"window. {other} made no answer for a while, and the room was quiet.\n\n"
            f'"Nor I you," {other} replied at last. "But here we are."\n\n'
        )
        index += 1
    return "".join(parts)


def throughput(text: str, repeats: int) -> tuple[float, float]:
    """Median characters per second: (the converter, the floor)."""
    from vn.adapt import draft

    runs, floors = [], []
    for _ in range(repeats):
        start = time.process_time()
        QUOTES.findall(text)
        floors.append(len(text) / max(1e-9, time.process_time() - start))
        start = time.process_time()
        draft(text)
        runs.append(len(text) / max(1e-9, time.process_time() - start))
    return median(runs), median(floors)


def run(quick: bool = False) -> list[Figure]:
    text, what = novel_text()
    if quick:
        text = text[: len(text) // 4]
    value, floor = throughput(text, 1 if quick else 3)
    met = value >= TARGET_CPS
    return [
        Figure(
            "converter",
            f"vn adapt throughput ({what}, {len(text):,} chars)",
            value,
            "chars/s",
            floor,
            f">= {TARGET_CPS:,.0f} chars/s",
            met,
            "floor: one regex pass finding the quotations (CPU time)",
        )
    ]


if __name__ == "__main__":
    for figure in run(quick="--quick" in sys.argv):
        print(figure)
