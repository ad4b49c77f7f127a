"""A labelled sheet of every image, for reviewing the set at a glance."""

from __future__ import annotations

from pathlib import Path

import fontpkg
import pygame

from .catalogue import assets

WIDTH = 1400
MARGIN = 24
PAPER = (230, 223, 208)
INK = (27, 31, 35)


def _label(font: pygame.font.Font, text: str) -> pygame.Surface:
    return font.render(text, True, INK)


def _grid(
    sheet: pygame.Surface,
    font: pygame.font.Font,
    items: list[tuple[str, pygame.Surface]],
    cell: tuple[int, int],
    top: int,
    backdrop: pygame.Surface | None = None,
) -> int:
    cols = max(1, (WIDTH - MARGIN) // (cell[0] + MARGIN))
    for i, (name, image) in enumerate(items):
        x = MARGIN + (i % cols) * (cell[0] + MARGIN)
        y = top + (i // cols) * (cell[1] + MARGIN + 22)
        if backdrop is not None:
            sheet.blit(pygame.transform.smoothscale(backdrop, cell), (x, y))
        scale = min(cell[0] / image.get_width(), cell[1] / image.get_height(), 1.0)
        size = (max(1, round(image.get_width() * scale)), max(1, round(image.get_height() * scale)))
        shown = pygame.transform.smoothscale(image, size) if scale < 1.0 else image
        sheet.blit(shown, (x + (cell[0] - size[0]) // 2, y + (cell[1] - size[1]) // 2))
        sheet.blit(_label(font, name), (x, y + cell[1] + 4))
    rows = (len(items) + cols - 1) // cols
    return top + rows * (cell[1] + MARGIN + 22)


def write_contact_sheet(root: Path, out: Path) -> None:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1, 1))
    font = pygame.font.Font(fontpkg.path("Inter"), 15)
    heading = pygame.font.Font(fontpkg.path("Inter"), 22)
    by_kind: dict[str, list[tuple[str, pygame.Surface]]] = {}
    for asset in assets():
        if asset.relative.suffix == ".png":
            image = pygame.image.load(str(root / asset.relative)).convert_alpha()
            by_kind.setdefault(asset.kind, []).append((asset.name, image))
    backdrop = dict(by_kind["backgrounds"])["forest_deep"]
    sections = [
        ("Backgrounds", by_kind["backgrounds"], (320, 180), None),
        ("Overlays (over forest_deep)", by_kind["overlays"], (320, 180), backdrop),
        (
            "Characters",
            by_kind["characters"],
            (200, 278),
            dict(by_kind["backgrounds"])["dirt_path"],
        ),
        ("Interface", by_kind["ui"], (400, 160), backdrop),
    ]
    sheet = pygame.Surface((WIDTH, 4000))
    sheet.fill(PAPER)
    y = MARGIN
    for title, items, cell, back in sections:
        sheet.blit(heading.render(title, True, INK), (MARGIN, y))
        y = _grid(sheet, font, items, cell, y + 36, back) + 8
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet.subsurface((0, 0, WIDTH, y)), str(out))
    pygame.quit()
