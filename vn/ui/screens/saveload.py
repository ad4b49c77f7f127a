"""The save and load screens: pages of slots, each with its picture, time, scene and line.

Keys: arrows move the focus (Left/Right past the edge turn the page), Enter picks, Delete
empties a slot, PageUp/PageDown and the wheel turn pages, Esc or a right click closes. Writing
over a save or deleting one asks first. A slot that can't be read says so and why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from vn.save import SaveStore, SlotInfo, SlotStatus
from vn.save.slots import QUICK
from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import WIDTH
from vn.ui.fonts import INTERFACE, STORY, STORY_ITALIC, Face
from vn.ui.picture import Picture
from vn.ui.saving import Saving
from vn.ui.saving import register_saves as register_saves  # where it always was
from vn.ui.screens.base import Screen
from vn.ui.screens.confirm import confirm
from vn.ui.typesetting import wrap
from vn.ui.widgets import TEXT, TEXT_DIM, TEXT_FOCUS

if TYPE_CHECKING:
    from vn.ui.app import App

log = logging.getLogger(__name__)

SAVE = "save"
LOAD = "load"
AUTO_PAGE = "auto"
QUICK_PAGE = "quick"

COLUMNS = 2
CARD = (560, 150)
GAP = (24, 14)
GRID_TOP = 168
GRID_LEFT = (WIDTH - COLUMNS * CARD[0] - (COLUMNS - 1) * GAP[0]) // 2
THUMB = pygame.Rect(12, 8, 240, 135)  # inside a card
TEXT_LEFT = THUMB.right + 16
DELETE_BOX = pygame.Rect(CARD[0] - 38, 10, 26, 26)  # inside a card
FRAME_BORDER = 24
TAB = (104, 42)
TAB_GAP = 10
TAB_TOP = 100
HEADING_Y = 52
HINT_Y = 684

ACCENT = (212, 170, 96)
DAMAGE = (214, 120, 104)
EMPTY_FILL = (24, 24, 28)
DAMAGED_FILL = (40, 22, 22)
PAGE = (10, 10, 13)
CARD_FILL = (16, 16, 19)


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    slots: tuple[str, ...]


def pages_for(mode: str, store: SaveStore) -> list[Page]:
    """Auto and Quick pages for loading only, then the numbered pages."""
    layout = store.layout
    pages = [Page(str(n), str(n), tuple(layout.page_slots(n))) for n in range(1, layout.pages + 1)]
    if mode == LOAD:
        pages = [
            Page(AUTO_PAGE, "Auto", tuple(layout.auto_slots())),
            Page(QUICK_PAGE, "Quick", (QUICK,)),
            *pages,
        ]
    return pages


def slot_label(slot: str, per_page: int) -> str:
    if slot == QUICK:
        return "Quick save"
    if slot.startswith("auto-"):
        return f"Autosave {slot.removeprefix('auto-')}"
    page, index = (int(part) for part in slot.split("-"))
    return f"Slot {(page - 1) * per_page + index}"


def when(info: SlotInfo) -> str:
    """The save's local date and time, as a player reads it."""
    if info.saved_at is None:
        return ""
    moment = info.saved_at.astimezone()
    return f"{moment.day} {moment:%b %Y}  {moment:%H:%M}"


def nine_slice(
    image: pygame.Surface, size: tuple[int, int], border: int, scale: float = 1.0
) -> Picture:
    """Stretch `image` to `size` canvas units keeping its corners whole and its edges
    unstretched across (at `scale`, corners and edges grow by that much, from the file's
    pixels)."""
    w, h = image.get_size()
    b = max(0, min(border, w // 2, h // 2, size[0] // 2, size[1] // 2))
    out = Picture.blank(size, scale, alpha=True)
    full = out.surface.get_size()
    d = round(b * scale)
    xs = ((0, b, 0, d), (b, w - 2 * b, d, full[0] - 2 * d), (w - b, b, full[0] - d, d))
    ys = ((0, b, 0, d), (b, h - 2 * b, d, full[1] - 2 * d), (h - b, b, full[1] - d, d))
    for sx, sw, dx, dw in xs:
        for sy, sh, dy, dh in ys:
            if min(sw, sh, dw, dh) <= 0:
                continue
            part = image.subsurface((sx, sy, sw, sh))
            out.surface.blit(pygame.transform.smoothscale(part, (dw, dh)), (dx, dy))
    return out


class SaveLoadScreen(Screen):
    """One screen for both: `mode` is "save" or "load".

    Opaque: the slots need a calm page, and the game under it then needs no redraw.
    """

    opaque = True

    def __init__(self, app: App, saving: Saving, mode: str) -> None:
        super().__init__(app)
        self.saving = saving
        self.mode = mode
        self.pages = pages_for(mode, saving.store)
        self.page = self._first_page()
        self.focus = 0
        self.hover_tab: int | None = None
        self.infos: dict[str, SlotInfo] = {}
        self._pictures: dict[tuple[Path, float], Picture | None] = {}
        self._frames: dict[tuple[int, int], Picture] = {}
        self.refresh()

    # ----- pages and slots ------------------------------------------------------------------
    def _first_page(self) -> int:
        keys = [p.key for p in self.pages]
        remembered = self.saving.pages.get(self.mode)
        if remembered in keys:
            return keys.index(remembered)
        if self.mode == LOAD:
            latest = self.saving.latest()
            for index, page in enumerate(self.pages):
                if latest is not None and latest.slot in page.slots:
                    return index
        return keys.index("1")

    @property
    def slots(self) -> tuple[str, ...]:
        return self.pages[self.page].slots

    @property
    def focused(self) -> str:
        return self.slots[self.focus]

    def refresh(self) -> None:
        """Read the page's slots again (each checked whole, so damage shows before a pick)."""
        self.infos = {slot: self.saving.store.verify(slot) for slot in self.slots}
        self.dirty = True

    def turn(self, step: int) -> bool:
        """Go `step` pages on; False at either end."""
        page = self.page + step
        if not 0 <= page < len(self.pages):
            return False
        self.go_to(page)
        return True

    def go_to(self, page: int) -> None:
        self.page = page
        self.focus = min(self.focus, len(self.slots) - 1)
        self.saving.pages[self.mode] = self.pages[page].key
        self.refresh()

    # ----- geometry -------------------------------------------------------------------------
    def card_rect(self, index: int) -> pygame.Rect:
        row, column = divmod(index, COLUMNS)
        x = GRID_LEFT + column * (CARD[0] + GAP[0])
        y = GRID_TOP + row * (CARD[1] + GAP[1])
        return pygame.Rect((x, y), CARD)

    def thumb_rect(self, index: int) -> pygame.Rect:
        return THUMB.move(self.card_rect(index).topleft)

    def delete_rect(self, index: int) -> pygame.Rect:
        return DELETE_BOX.move(self.card_rect(index).topleft)

    def tab_rects(self) -> list[pygame.Rect]:
        count = len(self.pages) + 1  # and Back
        width = count * TAB[0] + (count - 1) * TAB_GAP
        left = (WIDTH - width) // 2
        return [pygame.Rect(left + i * (TAB[0] + TAB_GAP), TAB_TOP, *TAB) for i in range(count)]

    def _card_at(self, pos: tuple[int, int]) -> int | None:
        return next(
            (i for i in range(len(self.slots)) if self.card_rect(i).collidepoint(pos)), None
        )

    # ----- actions --------------------------------------------------------------------------
    def handle(self, action: Action) -> bool:
        name = action.name
        self.dirty = True
        if name == a.MENU:
            self.app.pop()
        elif name == a.ROLLBACK:
            self.turn(-1)
        elif name == a.ROLL_FORWARD:
            self.turn(1)
        elif name in (a.UP, a.DOWN):
            self._move(-COLUMNS if name == a.UP else COLUMNS)
        elif name in (a.LEFT, a.RIGHT):
            self._sideways(-1 if name == a.LEFT else 1)
        elif name == a.DELETE:
            self.ask_delete(self.focused)
        elif name == a.ADVANCE:
            if action.pos is None:
                self.pick(self.focused)
            else:
                self._click(action.pos)
        else:
            return False
        return True

    def _move(self, step: int) -> None:
        index = self.focus + step
        if 0 <= index < len(self.slots):
            self.focus = index

    def _sideways(self, step: int) -> None:
        column = self.focus % COLUMNS
        index = self.focus + step
        if 0 <= column + step < COLUMNS and index < len(self.slots):
            self.focus = index
        elif self.turn(step):
            row = self.focus // COLUMNS
            wanted = row * COLUMNS + (COLUMNS - 1 if step < 0 else 0)
            self.focus = max(0, min(wanted, len(self.slots) - 1))

    def _click(self, pos: tuple[int, int]) -> None:
        for index, rect in enumerate(self.tab_rects()):
            if rect.collidepoint(pos):
                if index == len(self.pages):
                    self.app.pop()
                elif index != self.page:
                    self.go_to(index)
                return
        card = self._card_at(pos)
        if card is None:
            return
        self.focus = card
        slot = self.slots[card]
        if self._deletable(slot) and self.delete_rect(card).collidepoint(pos):
            self.ask_delete(slot)
        else:
            self.pick(slot)

    def pointer(self, pos: tuple[int, int]) -> None:
        card = self._card_at(pos)
        tab = next((i for i, r in enumerate(self.tab_rects()) if r.collidepoint(pos)), None)
        if (card is not None and card != self.focus) or tab != self.hover_tab:
            self.focus = card if card is not None else self.focus
            self.hover_tab = tab
            self.dirty = True

    # ----- choosing -------------------------------------------------------------------------
    def _deletable(self, slot: str) -> bool:
        info = self.infos.get(slot)
        return info is not None and info.status is not SlotStatus.EMPTY

    def pick(self, slot: str) -> None:
        info = self.infos[slot]
        if self.mode == SAVE:
            if info.status is SlotStatus.EMPTY:
                self.write(slot)
            elif info.ok:
                confirm(self.app, "Save over this game?", lambda: self.write(slot))
            else:
                confirm(
                    self.app,
                    "This slot holds a save that can't be read. Save over it?",
                    lambda: self.write(slot),
                )
        elif info.status is not SlotStatus.EMPTY and not self.saving.load(slot):
            self.refresh()

    def write(self, slot: str) -> None:
        self.saving.save(slot)
        self.refresh()

    def ask_delete(self, slot: str) -> None:
        if not self._deletable(slot):
            return
        confirm(self.app, "Delete this save?", lambda: self._delete(slot))

    def _delete(self, slot: str) -> None:
        self.saving.delete(slot)
        self.refresh()

    # ----- drawing --------------------------------------------------------------------------
    def rescaled(self) -> None:
        self._frames.clear()
        self._pictures.clear()
        self.dirty = True

    def draw(self, canvas: Picture) -> None:
        canvas.fill(PAGE)
        fonts = self.app.fonts
        heading = fonts.get(STORY, 40).render(self.mode.capitalize(), True, TEXT)
        canvas.blit(heading, heading.get_rect(center=(WIDTH // 2, HEADING_Y)))
        self._draw_tabs(canvas)
        for index, slot in enumerate(self.slots):
            self._draw_card(canvas, index, self.infos[slot])
        hint = "Enter: choose   Delete: erase   PgUp / PgDn / wheel: page   Esc: back"
        text = fonts.get(INTERFACE, 16).render(hint, True, TEXT_DIM)
        canvas.blit(text, text.get_rect(center=(WIDTH // 2, HINT_Y)))

    def _draw_tabs(self, canvas: Picture) -> None:
        font = self.app.fonts.get(INTERFACE, 20)
        labels = [p.label for p in self.pages] + ["Back"]
        for index, (label, rect) in enumerate(zip(labels, self.tab_rects(), strict=True)):
            lit = index == self.page or index == self.hover_tab
            skin = self.app.images.scaled("ui", "button_hover" if lit else "button", rect.size)
            canvas.blit(skin, rect)
            colour = TEXT_FOCUS if lit else TEXT
            text = font.render(label, True, colour)
            canvas.blit(text, text.get_rect(center=rect.center))
            if index == self.page:
                canvas.rect(ACCENT, (rect.x + 18, rect.bottom + 4, rect.w - 36, 2))

    def _frame(self, size: tuple[int, int]) -> Picture:
        frame = self._frames.get(size)
        if frame is None:
            image = self.app.images.source("ui", "slot_frame")
            frame = nine_slice(image, size, FRAME_BORDER, self.app.images.scale)
            self._frames[size] = frame
        return frame

    def _draw_card(self, canvas: Picture, index: int, info: SlotInfo) -> None:
        rect = self.card_rect(index)
        canvas.rect(CARD_FILL, rect.inflate(-6, -6), border_radius=12)
        canvas.blit(self._frame(rect.size), rect)
        if index == self.focus:
            canvas.rect(ACCENT, rect.inflate(4, 4), width=2, border_radius=12)
        thumb = self.thumb_rect(index)
        label = slot_label(info.slot, self.saving.store.layout.per_page)
        if info.status is SlotStatus.EMPTY:
            canvas.rect(EMPTY_FILL, thumb)
            self._text(canvas, label, (rect.x + TEXT_LEFT, rect.y + 14), INTERFACE, 16, TEXT_DIM)
            self._text(
                canvas, "Empty", (rect.x + TEXT_LEFT, rect.y + 52), STORY_ITALIC, 22, TEXT_DIM
            )
            return
        if info.ok:
            self._draw_saved(canvas, rect, thumb, info, label)
        else:
            self._draw_damaged(canvas, rect, thumb, info, label)
        self._draw_delete(canvas, self.delete_rect(index))

    def _draw_saved(
        self,
        canvas: Picture,
        rect: pygame.Rect,
        thumb: pygame.Rect,
        info: SlotInfo,
        label: str,
    ) -> None:
        picture = self._picture(info, thumb.size)
        if picture is None:
            canvas.rect(EMPTY_FILL, thumb)
        else:
            canvas.blit(picture, thumb)
        canvas.rect((70, 66, 58), thumb, width=1)
        x, width = rect.x + TEXT_LEFT, rect.right - 44 - (rect.x + TEXT_LEFT)
        self._text(canvas, f"{label}   {when(info)}", (x, rect.y + 14), INTERFACE, 16, TEXT_DIM)
        y = self._rows(canvas, info.scene_title, (x, rect.y + 40), width, STORY, 21, TEXT, 1)
        words = info.line_text
        if info.speaker:
            words = f"{info.speaker}: {words}"
        self._rows(canvas, words, (x, y + 6), rect.right - 16 - x, STORY_ITALIC, 18, TEXT_DIM, 3)

    def _draw_damaged(
        self,
        canvas: Picture,
        rect: pygame.Rect,
        thumb: pygame.Rect,
        info: SlotInfo,
        label: str,
    ) -> None:
        canvas.rect(DAMAGED_FILL, thumb)
        x = rect.x + TEXT_LEFT
        self._text(canvas, label, (x, rect.y + 14), INTERFACE, 16, TEXT_DIM)
        y = self._rows(
            canvas,
            "This save can't be read",
            (x, rect.y + 40),
            rect.right - 44 - x,
            STORY,
            21,
            DAMAGE,
            2,
        )
        reason = info.reason.removeprefix("this save can't be read: ")
        self._rows(canvas, reason, (x, y + 6), rect.right - 16 - x, INTERFACE, 15, TEXT_DIM, 3)

    def _draw_delete(self, canvas: Picture, box: pygame.Rect) -> None:
        canvas.rect((30, 28, 30), box, border_radius=6)
        canvas.rect((110, 100, 86), box, width=1, border_radius=6)
        inset = box.inflate(-12, -12)
        canvas.line(TEXT, inset.topleft, inset.bottomright, 2)
        canvas.line(TEXT, inset.topright, inset.bottomleft, 2)

    def _text(
        self,
        canvas: Picture,
        text: str,
        pos: tuple[int, int],
        role: str,
        px: int,
        colour: tuple[int, int, int],
    ) -> None:
        canvas.blit(self.app.fonts.get(role, px).render(text, True, colour), pos)

    def _rows(
        self,
        canvas: Picture,
        text: str,
        pos: tuple[int, int],
        width: int,
        role: str,
        px: int,
        colour: tuple[int, int, int],
        most: int,
    ) -> int:
        """Wrapped text, at most `most` rows (the last cut with an ellipsis); the y below it."""
        font = self.app.fonts.get(role, px)
        rows = wrap(text, font, width) if text else []
        if len(rows) > most:
            rows = rows[:most]
            rows[-1] = _ellipsis(rows[-1], font, width)
        x, y = pos
        for row in rows:
            canvas.blit(font.render(row, True, colour), (x, y))
            y += font.get_linesize()
        return y

    def _picture(self, info: SlotInfo, size: tuple[int, int]) -> Picture | None:
        path = info.thumbnail
        if path is None:
            return None
        key = (path, info.saved_at.timestamp() if info.saved_at else 0.0)
        if key not in self._pictures:
            self._pictures[key] = _load_picture(path, size, self.app.images.scale)
        return self._pictures[key]


def _ellipsis(row: str, font: Face, width: int) -> str:
    text = row.rstrip(" ,;:.") + "…"
    while len(text) > 1 and font.size(text)[0] > width:
        text = text[:-2].rstrip() + "…"
    return text


def _load_picture(path: Path, size: tuple[int, int], scale: float) -> Picture | None:
    try:
        picture = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError) as error:
        log.warning("thumbnail %s unreadable: %s", path, error)
        return None
    if picture.get_bitsize() not in (24, 32):
        picture = picture.convert(24) if pygame.display.get_surface() is None else picture.convert()
    pixels = (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))
    return Picture(pygame.transform.smoothscale(picture, pixels), scale, size)
