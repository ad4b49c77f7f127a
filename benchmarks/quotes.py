"""Score `vn adapt` on annotated novels: quote detection, speaker accuracy, throughput.

    python benchmarks/quotes.py DATA_DIR [--json FILE]

DATA_DIR holds one folder per novel (text.txt, quotes.csv, characters.csv) in either of the
two formats its README describes (QuoteLi3 for pride-and-prejudice, PDNC for the others).

Detection: a predicted quotation matches a gold one when their character spans overlap
(QuoteLi3 spans include the quotation marks, PDNC spans do not; overlap makes both work).
Speaker accuracy is over the gold quotations that were detected, split by type:
- PDNC gives the type (Explicit, Anaphoric, Implicit).
- QuoteLi3 links each quotation to a mention whose table is not in the data, so the type is
  classified from the prose: the narration clause right beside the quotation (after its
  closing mark up to the sentence end, or before its opening mark when that clause ends in
  a comma or colon) holds a speech verb and one of the speaker's aliases -> explicit; a
  speech verb with a pronoun or description (he, she, his wife, the other) -> anaphoric;
  otherwise implicit.
Run twice: with the character list (characters.csv as the roster) and without it, where
each predicted name is mapped to the gold character that has it as an alias.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vn.adapt import RosterEntry, draft
from vn.adapt.characters import UNKNOWN_ID
from vn.adapt.tags import VERB_MANNER

TYPES = ("explicit", "anaphoric", "implicit")
_VERB = re.compile(r"\b(?:" + "|".join(sorted(VERB_MANNER, key=len, reverse=True)) + r")\b")
_ANAPHOR = re.compile(
    r"\b(?:he|she|they|it|his|her|the\s+\w+(?:\s+\w+)?|his\s+\w+|her\s+\w+)\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[.!?;]|\n\s*\n|[\"“”]")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    speaker: str
    kind: str


@dataclass(frozen=True)
class Novel:
    name: str
    text: str
    gold: tuple[Gold, ...]
    roster: tuple[RosterEntry, ...]
    aliases: dict[str, set[str]]


def load(folder: Path) -> Novel:
    text = (folder / "text.txt").read_text(encoding="utf-8")
    with (folder / "quotes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (folder / "characters.csv").open(encoding="utf-8", newline="") as handle:
        characters = list(csv.DictReader(handle))
    if rows and "quote_id" in rows[0]:
        roster, aliases = _quoteli_cast(characters)
        gold = tuple(_quoteli_gold(text, rows, aliases))
    else:
        roster, aliases = _pdnc_cast(characters)
        gold = tuple(_pdnc_gold(rows))
    return Novel(folder.name, text, gold, roster, aliases)


def _quoteli_cast(
    rows: list[dict[str, str]],
) -> tuple[tuple[RosterEntry, ...], dict[str, set[str]]]:
    roster, aliases = [], {}
    for row in rows:
        names = [a.strip() for a in row["aliases"].split(";") if a.strip()]
        display = row["name"].replace("_", " ")
        roster.append(RosterEntry(display, tuple(names), _gender(row.get("gender", ""))))
        aliases[row["name"]] = {_norm(n) for n in [display, *names]}
    return tuple(roster), aliases


def _pdnc_cast(rows: list[dict[str, str]]) -> tuple[tuple[RosterEntry, ...], dict[str, set[str]]]:
    roster, aliases = [], {}
    for row in rows:
        try:
            names = sorted(ast.literal_eval(row["Aliases"]))
        except (ValueError, SyntaxError):
            names = []
        display = row["Main Name"]
        roster.append(RosterEntry(display, tuple(names), _gender(row.get("Gender", ""))))
        aliases[display] = {_norm(n) for n in [display, *names]}
    return tuple(roster), aliases


def _gender(value: str) -> str | None:
    word = value.strip().lower()
    return {"male": "male", "m": "male", "female": "female", "f": "female"}.get(word)


def _norm(name: str) -> str:
    name = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("_", " "))
    words = [w for w in name.split() if w not in {"the", "a", "an"}]
    return " ".join(words)


def _pdnc_gold(rows: list[dict[str, str]]) -> list[Gold]:
    gold = []
    for row in rows:
        kind = row["quoteType"].strip().lower()
        for start, end in ast.literal_eval(row["quoteByteSpans"]):
            gold.append(Gold(int(start), int(end), row["speaker"], kind))
    return gold


def _quoteli_gold(
    text: str, rows: list[dict[str, str]], aliases: dict[str, set[str]]
) -> list[Gold]:
    gold = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        kind = _classify(text, start, end, aliases.get(row["speaker"], set()))
        gold.append(Gold(start, end, row["speaker"], kind))
    return gold


def _classify(text: str, start: int, end: int, names: set[str]) -> str:
    """Explicit, anaphoric or implicit, from the narration clause beside the quotation."""
    clauses = []
    after = _CLAUSE_END.search(text, end)
    clauses.append(text[end : after.start() if after else len(text)])
    head = text[max(0, start - 200) : start]
    pieces = _CLAUSE_END.split(head)
    if pieces and pieces[-1].rstrip().endswith((",", ":")):
        clauses.append(pieces[-1])
    for clause in clauses:
        if not _VERB.search(clause):
            continue
        if any(re.search(r"\b" + re.escape(n) + r"\b", _norm(clause)) for n in names if n):
            return "explicit"
        if _ANAPHOR.search(clause):
            return "anaphoric"
    return "implicit"


@dataclass
class Score:
    predicted: int = 0
    matched_predicted: int = 0
    gold: int = 0
    detected: int = 0
    correct: dict[str, int] | None = None
    total: dict[str, int] | None = None
    seconds: float = 0.0
    chars: int = 0


def score(novel: Novel, with_roster: bool) -> Score:
    began = time.perf_counter()
    result = draft(novel.text, novel.roster if with_roster else None)
    seconds = time.perf_counter() - began
    names = {c.id: c.name for c in result.characters}
    predicted = sorted(
        (start, end, line.speaker or UNKNOWN_ID)
        for line in result.lines
        if line.quoted
        for start, end in line.spans
    )
    starts = [p[0] for p in predicted]
    out = Score(
        predicted=len(predicted), gold=len(novel.gold), seconds=seconds, chars=len(novel.text)
    )
    out.correct = dict.fromkeys(TYPES, 0)
    out.total = dict.fromkeys(TYPES, 0)
    hit_predicted: set[int] = set()
    for gold in novel.gold:
        best, overlap = None, 0
        index = bisect.bisect_left(starts, gold.end) - 1
        while index >= 0 and predicted[index][1] > gold.start:
            start, end, _ = predicted[index]
            size = min(end, gold.end) - max(start, gold.start)
            if size > overlap:
                best, overlap = index, size
            index -= 1
        if best is None:
            continue
        hit_predicted.add(best)
        out.detected += 1
        kind = gold.kind if gold.kind in TYPES else "implicit"
        out.total[kind] += 1
        speaker = names.get(predicted[best][2], "")
        if _same(novel, speaker, gold.speaker, with_roster):
            out.correct[kind] += 1
    out.matched_predicted = len(hit_predicted)
    return out


def _same(novel: Novel, predicted: str, gold: str, with_roster: bool) -> bool:
    if not predicted or predicted == "???":
        return False
    if with_roster:
        return predicted in {gold.replace("_", " "), gold}
    key = _norm(predicted)
    owners = [name for name, names in novel.aliases.items() if key in names]
    return owners == [gold]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def report(results: dict[str, dict[str, Score]]) -> str:
    head = (
        f"{'novel':<22} {'cast':<8} {'quote P':>8} {'quote R':>8} {'explicit':>9} "
        f"{'anaphoric':>10} {'implicit':>9} {'all':>7} {'end2end':>8} {'chars/s':>10}"
    )
    lines = [head, "-" * len(head)]
    for name, runs in results.items():
        for cast, s in runs.items():
            assert s.correct is not None and s.total is not None
            right = sum(s.correct.values())
            lines.append(
                f"{name:<22} {cast:<8} {_pct(s.matched_predicted, s.predicted):>8} "
                f"{_pct(s.detected, s.gold):>8} "
                + " ".join(
                    f"{_pct(s.correct[t], s.total[t]):>{w}}"
                    for t, w in zip(TYPES, (9, 10, 9), strict=True)
                )
                + f" {_pct(right, sum(s.total.values())):>7} {_pct(right, s.gold):>8}"
                + f" {s.chars / s.seconds if s.seconds else 0:>10,.0f}"
            )
    return "\n".join(lines)


def _counts(results: dict[str, dict[str, Score]]) -> str:
    rows = []
    for name, runs in results.items():
        s = runs["given"]
        assert s.total is not None
        rows.append(f"{name}: gold quotes by type " + ", ".join(f"{t} {s.total[t]}" for t in TYPES))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "data_dir", type=Path, help="folder with one sub-folder per annotated novel"
    )
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.data_dir.iterdir() if (p / "quotes.csv").is_file())
    if not folders:
        print(
            f"{args.data_dir}: no novel folders (text.txt, quotes.csv, characters.csv)",
            file=sys.stderr,
        )
        return 2
    results: dict[str, dict[str, Score]] = {}
    for folder in folders:
        novel = load(folder)
        results[novel.name] = {"given": score(novel, True), "found": score(novel, False)}
    print(report(results))
    print()
    print(_counts(results))
    if args.json:
        data = {n: {c: vars(s) for c, s in runs.items()} for n, runs in results.items()}
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the table piped into `head`, which stopped reading: no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
