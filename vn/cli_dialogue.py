"""Write the dialogue export as JSON lines or TSV."""

from __future__ import annotations

import json
from typing import Any, TextIO

from vn.script import Script
from vn.script.dialogue import FIELDS, records

_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write_dialogue(script: Script, fmt: str, out: TextIO) -> None:
    if fmt == "tsv":
        out.write("\t".join(FIELDS) + "\n")
        for record in records(script):
            out.write("\t".join(tsv_field(record[name]) for name in FIELDS) + "\n")
    else:
        for record in records(script):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def tsv_field(value: Any) -> str:
    """One TSV cell: booleans as true/false, None as empty, separators escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value).translate(_TSV_ESCAPES)
