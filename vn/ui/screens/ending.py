"""The ending card after the last line, then back to the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vn.ui import actions as a
from vn.ui.actions import Action
from vn.ui.canvas import HEIGHT, SIZE, WIDTH
from vn.ui.fonts import INTERFACE, STORY_ITALIC
from vn.ui.picture import Picture
from vn.ui.screens.base import Screen

if TYPE_CHECKING:
    from vn.ui.app import App

FADE_IN = 2.0


class EndingScreen(Screen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.elapsed = 0.0

    def enter(self) -> None:
        game = self.app.script.game
        self._remember()
        self.app.audio.ambience(None, fade=2.0)
        self.app.audio.music(game.ending_music, fade=2.0, loop=False)

    def _remember(self) -> None:
        """Persistent data keeps which endings were reached (named by their last scene)."""
        scenes = self.app.script.scenes
        if scenes and self.app.persistent.reach_ending(scenes[-1].id):
            self.app.keep_persistent()

    @property
    def animating(self) -> bool:
        return self.elapsed < FADE_IN

    def update(self, dt: float) -> None:
        if self.elapsed < FADE_IN:
            self.elapsed = min(FADE_IN, self.elapsed + dt)
            self.dirty = True

    def handle(self, action: Action) -> bool:
        if action.name not in (a.ADVANCE, a.MENU):
            return False
        if self.elapsed < FADE_IN:
            self.elapsed = FADE_IN
            self.dirty = True
        else:
            self.app.show_title()
        return True

    def draw(self, canvas: Picture) -> None:
        game = self.app.script.game
        canvas.blit(
            self.app.images.scaled("backgrounds", game.ending_background or "black", SIZE), (0, 0)
        )
        alpha = round(255 * self.elapsed / FADE_IN)
        text = self.app.fonts.get(STORY_ITALIC, 60).render(game.ending_text, True, (246, 240, 228))
        text.set_alpha(alpha)
        canvas.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 20)))
        if self.elapsed >= FADE_IN:
            hint = self.app.fonts.get(INTERFACE, 18).render(
                "Click to return to the title", True, (170, 164, 154)
            )
            canvas.blit(hint, hint.get_rect(center=(WIDTH // 2, HEIGHT - 80)))
        veil = Picture.blank(SIZE, canvas.scale)
        veil.set_alpha(255 - alpha)
        canvas.blit(veil, (0, 0))
