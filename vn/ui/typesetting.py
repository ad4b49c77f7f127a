"""Word wrap measured with the real font, and pages that fit the text box.

A line that does not fit the box continues on the next page instead of overflowing. Each row
is rendered once; the typewriter reveals a page by clipping rows to measured widths.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from vn.ui.fonts import Face


def wrap(text: str, font: Face, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the box is broken between characters."""
    rows: list[str] = []
    for paragraph in text.split("\n"):
        row = ""
        for word in paragraph.split():
            candidate = f"{row} {word}" if row else word
            if font.size(candidate)[0] <= width:
                row = candidate
                continue
            if row:
                rows.append(row)
            row = ""
            while font.size(word)[0] > width:
                cut = _fit_chars(word, font, width)
                rows.append(word[:cut])
                word = word[cut:]
            row = word
        rows.append(row)
    return rows


def _fit_chars(word: str, font: Face, width: int) -> int:
    count = 1
    while count < len(word) and font.size(word[: count + 1])[0] <= width:
        count += 1
    return count


@dataclass(frozen=True)
class Row:
    """One row of a page: its text, its rect on the canvas, and the x offset after each char."""

    text: str
    rect: pygame.Rect
    advances: tuple[int, ...]
    start: int  # index of the row's first character within the page

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def visible_width(self, shown: int) -> int:
        """Width of the row's part revealed when `shown` characters of the page are out."""
        count = max(0, min(len(self.text), shown - self.start))
        return self.advances[count - 1] if count else 0


@dataclass(frozen=True)
class Page:
    rows: tuple[Row, ...]

    @property
    def chars(self) -> int:
        return self.rows[-1].end if self.rows else 0


def layout(text: str, font: Face, area: pygame.Rect, line_height: int) -> tuple[Page, ...]:
    """The pages of `text` in `area`, each holding as many rows as fit its height."""
    per_page = max(1, (area.height - font.get_height()) // line_height + 1)
    rows = wrap(text, font, area.width)
    pages = []
    for first in range(0, len(rows), per_page):
        chunk = rows[first : first + per_page]
        built = []
        start = 0
        for index, row in enumerate(chunk):
            size = font.size(row)
            rect = pygame.Rect(area.x, area.y + index * line_height, size[0], font.get_height())
            advances = tuple(font.size(row[: i + 1])[0] for i in range(len(row)))
            built.append(Row(row, rect, advances, start))
            start += len(row)
        pages.append(Page(tuple(built)))
    return tuple(pages) or (Page(()),)
