"""Find asset files by kind and name, refusing anything that could reach outside the root."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from vn.script.registry import is_name

IMAGE_SUFFIXES: tuple[str, ...] = (".png", ".jpg", ".webp")
AUDIO_SUFFIXES: tuple[str, ...] = (".ogg", ".wav")

KIND_SUFFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "backgrounds": IMAGE_SUFFIXES,
        "overlays": IMAGE_SUFFIXES,
        "characters": IMAGE_SUFFIXES,
        "music": AUDIO_SUFFIXES,
        "ambience": AUDIO_SUFFIXES,
        "sound": AUDIO_SUFFIXES,
        "ui": IMAGE_SUFFIXES,
    }
)

#: The kinds a script's statements name, whose listings key the script cache.
CHECKED_KINDS: tuple[str, ...] = (
    "backgrounds",
    "overlays",
    "characters",
    "music",
    "ambience",
    "sound",
)


class AssetResolver:
    """Maps (kind, name) to a file under `root`; names are `[a-z0-9_-]+` (characters:
    `SPRITE/EXPRESSION`), so a script can never name a path, and symlinks leaving the root are
    refused."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"AssetResolver({str(self.root)!r})"

    def folder(self, kind: str) -> str:
        """The kind's folder as shown in messages, e.g. `assets/backgrounds`."""
        _suffixes(kind)
        return f"{self.root.name or self.root}/{kind}"

    def resolve(self, kind: str, name: str) -> Path | None:
        """The file for `name`, or None when there is none (or the name is refused)."""
        suffixes = _suffixes(kind)
        parts = _name_parts(kind, name)
        if parts is None:
            return None
        try:
            real_root = self.root.resolve()
            for suffix in suffixes:
                candidate = self.root.joinpath(kind, *parts[:-1], parts[-1] + suffix)
                if candidate.is_file() and candidate.resolve().is_relative_to(real_root):
                    return candidate
        except (OSError, RuntimeError, ValueError):
            return None
        return None

    def names(self, kind: str) -> tuple[str, ...]:
        """Every name of this kind that `resolve` would find, sorted."""
        suffixes = _suffixes(kind)
        folder = self.root / kind
        found: set[str] = set()
        try:
            if kind == "characters":
                for sprite in folder.iterdir():
                    if sprite.is_dir() and is_name(sprite.name):
                        found.update(f"{sprite.name}/{stem}" for stem in _stems(sprite, suffixes))
            else:
                found.update(_stems(folder, suffixes))
        except OSError:
            return ()
        return tuple(sorted(name for name in found if self.resolve(kind, name) is not None))


def _suffixes(kind: str) -> tuple[str, ...]:
    try:
        return KIND_SUFFIXES[kind]
    except KeyError:
        raise ValueError(f"unknown asset kind {kind!r}") from None


def _name_parts(kind: str, name: object) -> tuple[str, ...] | None:
    if not isinstance(name, str):
        return None
    parts = tuple(name.split("/"))
    expected = 2 if kind == "characters" else 1
    if len(parts) != expected or not all(is_name(part) for part in parts):
        return None
    return parts


def _stems(folder: Path, suffixes: tuple[str, ...]) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        item.stem for item in folder.iterdir() if item.suffix in suffixes and is_name(item.stem)
    }


class AssetIndex:
    """The names of each kind a resolver finds, listed once per load, so checking a script's
    statements costs a set lookup each instead of several file-system calls."""

    def __init__(self, resolver: AssetResolver) -> None:
        self.resolver = resolver
        self._names: dict[str, tuple[str, ...]] = {}
        self._sets: dict[str, frozenset[str]] = {}
        self.unlisted = False  # a name resolved that no listing holds (a case-blind disk)

    def exists(self, kind: str, name: str) -> bool:
        known = self._sets.get(kind)
        if known is None:
            known = self._sets[kind] = frozenset(self.names(kind))
        if name in known:
            return True
        found = self.resolver.resolve(kind, name) is not None
        self.unlisted = self.unlisted or found
        return found

    def names(self, kind: str) -> tuple[str, ...]:
        names = self._names.get(kind)
        if names is None:
            names = self._names[kind] = self.resolver.names(kind)
        return names

    def folder(self, kind: str) -> str:
        return self.resolver.folder(kind)
