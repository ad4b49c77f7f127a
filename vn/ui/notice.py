"""Brief notices over whatever is on screen ("Quick saved"), fading out on their own.

The app owns one `NoticeBoard`, updates it with the stack and draws it over every screen, so a
notice survives a screen change (a load that replaces the whole stack still says so).
Screens post through `notify(app, text)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vn.ui.fonts import INTERFACE, Face, FontBook
from vn.ui.picture import Picture

if TYPE_CHECKING:
    from vn.ui.app import App

SHOW_SECONDS = 2.4
FADE_SECONDS = 0.35
MAX_SHOWN = 3
TOP = 22
LEFT = 24  # top left, as players know it, clear of headings and the text box
TEXT_PX = 20
MAX_TEXT_WIDTH = 620
PAD = (26, 12)
GAP = 10
INK = (238, 232, 220)
PAPER = (14, 14, 18, 228)
RULE = (150, 132, 98)


@dataclass
class Notice:
    text: str
    seconds: float
    age: float = 0.0

    @property
    def done(self) -> bool:
        return self.age >= self.seconds

    @property
    def alpha(self) -> int:
        """Fades in and out over FADE_SECONDS at each end."""
        edge = min(self.age, self.seconds - self.age, FADE_SECONDS)
        return max(0, min(255, round(255 * edge / FADE_SECONDS)))


class NoticeBoard:
    """The notices on screen, newest at the bottom; older ones make room for new ones."""

    def __init__(self) -> None:
        self.notices: list[Notice] = []
        self.dirty = False

    def post(self, text: str, seconds: float = SHOW_SECONDS) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.notices = [n for n in self.notices if n.text != text]
        self.notices.append(Notice(text, max(seconds, 2 * FADE_SECONDS)))
        del self.notices[:-MAX_SHOWN]
        self.dirty = True

    @property
    def texts(self) -> list[str]:
        return [n.text for n in self.notices]

    @property
    def animating(self) -> bool:
        return bool(self.notices)

    def update(self, dt: float) -> None:
        if not self.notices:
            return
        for notice in self.notices:
            notice.age += dt
        self.notices = [n for n in self.notices if not n.done]
        self.dirty = True

    def draw(self, canvas: Picture, fonts: FontBook) -> None:
        font = fonts.get(INTERFACE, TEXT_PX)
        y = TOP
        for notice in self.notices:
            card = _card(notice.text, font)
            card.set_alpha(notice.alpha)
            canvas.blit(card, (LEFT, y))
            y += card.get_height() + GAP
        self.dirty = False


def _card(text: str, font: Face) -> Picture:
    from vn.ui.typesetting import wrap  # with the first notice: the title needs none

    rows = [font.render(row, True, INK) for row in wrap(text, font, MAX_TEXT_WIDTH)]
    height = sum(r.get_height() for r in rows) + 2 * PAD[1]
    width = max(r.get_width() for r in rows) + 2 * PAD[0]
    card = Picture.blank((width, height), font.scale, alpha=True)
    card.rect(PAPER, card.get_rect(), border_radius=10)
    card.rect(RULE, (PAD[0] // 2, height - 4, width - PAD[0], 1))
    y = PAD[1]
    for row in rows:
        card.blit(row, row.get_rect(midtop=(width // 2, y)))
        y += row.get_height()
    return card


def notify(app: App, text: str, seconds: float = SHOW_SECONDS) -> None:
    """Show `text` briefly over whatever is on screen."""
    app.notices.post(text, seconds)
