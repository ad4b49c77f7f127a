"""A scene's title card: the title, briefly, over the scene."""

from __future__ import annotations

from vn.ui.canvas import HEIGHT, WIDTH
from vn.ui.fonts import STORY_ITALIC, FontBook
from vn.ui.picture import Picture

CARD_TIME = 2.8
FADE_IN = 0.6
FADE_OUT = 0.7
TEXT = (246, 240, 228)


class TitleCard:
    def __init__(self, title: str, fonts: FontBook) -> None:
        self.title = title
        self.elapsed = 0.0
        self._fonts = fonts
        self._text = fonts.get(STORY_ITALIC, 44).render(title, True, TEXT)

    @property
    def done(self) -> bool:
        return self.elapsed >= CARD_TIME

    def update(self, dt: float) -> None:
        self.elapsed += dt

    def opacity(self) -> float:
        t = self.elapsed
        if t < FADE_IN:
            return t / FADE_IN
        return max(0.0, min(1.0, (CARD_TIME - t) / FADE_OUT))

    def draw(self, canvas: Picture) -> None:
        alpha = self.opacity()
        if alpha <= 0:
            return
        band = Picture.blank((WIDTH, 150), canvas.scale, alpha=True)
        for y in range(150):
            edge = min(y, 149 - y) / 40
            band.fill((0, 0, 0, round(min(1.0, edge) * 150 * alpha)), (0, y, WIDTH, 1))
        rect = band.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 40))
        canvas.blit(band, rect)
        if self._text.scale != canvas.scale:  # the window was resized while the card showed
            self._text = self._fonts.get(STORY_ITALIC, 44).render(self.title, True, TEXT)
        self._text.set_alpha(round(255 * alpha))
        canvas.blit(self._text, self._text.get_rect(center=rect.center))
        rule = Picture.blank((160, 1), canvas.scale)
        rule.fill((220, 210, 190))
        rule.set_alpha(round(200 * alpha))
        canvas.blit(rule, rule.get_rect(center=(rect.centerx, rect.centery + 38)))
