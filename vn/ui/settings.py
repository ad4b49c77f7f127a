"""Player preferences the interface reads; saved and edited by the preferences screen."""

from __future__ import annotations

from dataclasses import dataclass

TEXT_SIZES: dict[str, int] = {"small": 25, "medium": 29, "large": 34}


@dataclass
class Preferences:
    """What the player may change. `text_speed` is characters per second; 0 shows lines whole."""

    text_size: str = "medium"
    text_speed: float = 40.0
    auto_delay: float = 1.5
    music_volume: float = 0.8
    ambience_volume: float = 0.7
    sound_volume: float = 0.9
    fullscreen: bool = False

    def story_px(self) -> int:
        return TEXT_SIZES.get(self.text_size, TEXT_SIZES["medium"])
