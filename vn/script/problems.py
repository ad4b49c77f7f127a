"""What the loader reports: a Problem per mistake, all of them raised together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """Where a statement was written: file, 1-based line and column."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    """One mistake in a script, formatted as `file:line:col: message (hint)`."""

    file: str
    line: int
    col: int
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return text.translate(_ONE_LINE)


# Keys and names quoted in messages may hold line breaks; a problem always prints on one line.
_ONE_LINE = {code: f"\\x{code:02x}" for code in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t"}


class ScriptError(Exception):
    """A script could not be loaded; `problems` holds every mistake found in one run."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
