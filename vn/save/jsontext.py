"""Strict, bounded JSON: what the save layer reads and writes, and nothing that can run."""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64
MAX_INT_DIGITS = 30
_INT_LIMIT = 10**MAX_INT_DIGITS


class JsonProblem(ValueError):
    """Why bytes are not acceptable JSON; `code` and `reason` feed SaveError."""

    def __init__(self, reason: str, code: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.detail = detail


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonProblem("it holds a number too large to be real", "number")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem("it holds a number too large to be real", "number")
    return value


def _parse_constant(text: str) -> Any:
    raise JsonProblem(f"it holds {text}, which is not a number", "number")


def decode(data: bytes) -> Any:
    """Parse UTF-8 JSON bytes, refusing NaN, infinities, huge integers and deep nesting."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonProblem("the text in it is not valid UTF-8", "encoding") from None
    try:
        value = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except RecursionError:
        raise JsonProblem("it is nested too deeply", "too-deep") from None
    except json.JSONDecodeError as error:
        detail = f"{error.msg} at line {error.lineno} column {error.colno}"
        raise JsonProblem("the data in it is garbled", "garbled", detail) from None
    check(value)
    return value


def check(value: Any) -> None:
    """Raise JsonProblem unless `value` is plain JSON data within our limits.

    Used on the way in and on the way out, so the game never writes a save it would refuse.
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise JsonProblem("it is nested too deeply", "too-deep")
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise JsonProblem("it has a key that is not text", "type")
                stack.append((child, depth + 1))
        elif isinstance(item, (list, tuple)):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, bool) or item is None or isinstance(item, str):
            continue
        elif isinstance(item, int):
            if abs(item) >= _INT_LIMIT:
                raise JsonProblem("it holds a number too large to be real", "number")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise JsonProblem("it holds a number too large to be real", "number")
        else:
            raise JsonProblem(f"it holds a {type(item).__name__}, which JSON can't", "type")


def encode(value: Any) -> bytes:
    """Compact UTF-8 JSON on one line (JSON escapes every newline inside strings)."""
    check(value)
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return text.encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError) as error:
        raise JsonProblem(f"it can't be written as JSON ({error})", "type") from None
