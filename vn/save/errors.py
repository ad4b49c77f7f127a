"""The one error the save layer raises, with a sentence a player can read."""

from __future__ import annotations

READ_PREFIX = "this save can't be read: "
WRITE_PREFIX = "the game couldn't be saved: "


class SaveError(Exception):
    """A save that can't be read or written; `message` is fit to show a player.

    `code` is a stable tag for programs and tests ("truncated", "disk-full", ...);
    `reason` is the message without its leading "this save can't be read: ".
    """

    def __init__(
        self, message: str, code: str, reason: str | None = None, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.reason = reason if reason is not None else message
        self.detail = detail  # for the log, not for the player

    @classmethod
    def unreadable(cls, reason: str, code: str, detail: str = "") -> SaveError:
        """A save file that is damaged or not ours."""
        return cls(READ_PREFIX + reason, code, reason, detail)

    @classmethod
    def unwritable(cls, reason: str, code: str) -> SaveError:
        """A save that could not be stored; the previous one is untouched."""
        return cls(WRITE_PREFIX + reason, code, reason)

    @classmethod
    def newer(cls, version: int) -> SaveError:
        """A save written by a later game than this one."""
        message = (
            f"this save is from a newer version of the game (v{version}); "
            "update the game to load it"
        )
        return cls(message, "newer-version")
