"""What the interface derives from the player's preferences (`vn.save.Preferences`).

The preferences themselves are persisted and validated by vn.save; this keeps only the pixel
sizes the text sizes stand for.
"""

from __future__ import annotations

from vn.save import Preferences

TEXT_SIZES: dict[str, int] = {"small": 25, "medium": 29, "large": 34}
AMBIENCE_SHARE = 0.85  # ambience sits a little under the music it plays beside


def story_px(prefs: Preferences) -> int:
    """The story text's pixel size for the preferred text size."""
    return TEXT_SIZES.get(prefs.text_size, TEXT_SIZES["medium"])


def volumes(prefs: Preferences) -> tuple[float, float, float]:
    """Music, ambience and sound volumes, in the order Audio.set_volumes takes them."""
    return (prefs.music_volume, prefs.music_volume * AMBIENCE_SHARE, prefs.sound_volume)
