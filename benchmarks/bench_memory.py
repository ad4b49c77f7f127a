"""Memory over a full play-through, and proof that images are decoded and scaled once.

A child plays the whole adaptation headless (dummy video and audio drivers, the real mixer,
the app's own action layer through `vn.ui.autoplay`), reading every line. Its peak resident
memory comes from wait4 for that child; the floor is a child that imports pygame, opens the
1280x720 window and starts the mixer. Inside the play-through, every `pygame.image.load` is
counted per file and every new scaled surface per (kind, name, size): each should be 1.
"""

from __future__ import annotations

import sys

from bench_support import Figure, dummy_env, emit, limit_figure, median, python_child, run_child

TARGET_PEAK_MB = 200.0


def run(quick: bool = False) -> list[Figure]:
    repeats = 1 if quick else 3
    games, floors = [], []
    report: dict[str, object] = {}
    for _ in range(repeats):
        floors.append(run_child(python_child("bench_memory", "floor"), env=dummy_env()))
        result = run_child(python_child("bench_memory", "play"), env=dummy_env())
        report = result.json()
        games.append(result)
    lines = report["lines"]
    return [
        limit_figure(
            "memory",
            f"peak RSS, full play-through ({lines} lines)",
            median([r.max_rss_mb for r in games]),
            "MB",
            most=TARGET_PEAK_MB,
            floor=median([r.max_rss_mb for r in floors]),
            note="floor: pygame imported, 1280x720 window, mixer started",
        ),
        limit_figure(
            "memory",
            f"decodes per image file ({report['files']} files)",
            float(report["most_decodes"]),  # type: ignore[arg-type]
            "x",
            most=1,
        ),
        limit_figure(
            "memory",
            f"scalings per image and size ({report['scaled']} scaled)",
            float(report["most_scalings"]),  # type: ignore[arg-type]
            "x",
            most=1,
        ),
    ]


# ----- the children ---------------------------------------------------------------------------
def child_floor() -> dict[str, float]:
    import pygame

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    pygame.mixer.init()
    pygame.display.flip()
    return {}


def child_play() -> dict[str, object]:
    import collections
    import tempfile
    from pathlib import Path

    import pygame

    from vn.paths import ASSETS_DIR, SCRIPT_DIR
    from vn.script import AssetResolver, load_script
    from vn.ui import autoplay
    from vn.ui.app import App
    from vn.ui.images import ImageCache

    decodes: collections.Counter[str] = collections.Counter()
    scalings: collections.Counter[tuple[object, ...]] = collections.Counter()
    original_load = pygame.image.load
    original_scaled = ImageCache.scaled

    def counted_load(source, *args):  # type: ignore[no-untyped-def]
        decodes[str(source)] += 1
        return original_load(source, *args)

    def counted_scaled(self, kind, name, size):  # type: ignore[no-untyped-def]
        before = len(self._scaled)
        surface = original_scaled(self, kind, name, size)
        if len(self._scaled) > before:
            scalings[(kind, name, tuple(size))] += 1
        return surface

    pygame.image.load = counted_load
    ImageCache.scaled = counted_scaled  # type: ignore[method-assign]
    assets = AssetResolver(ASSETS_DIR)
    script = load_script(SCRIPT_DIR, assets=assets)
    with tempfile.TemporaryDirectory() as folder:
        app = App(script, assets.resolve, Path(folder), clock=autoplay.FakeClock())
        autoplay.start_game(app)
        shown = autoplay.play_to_end(app, on_line=lambda game: app.render(force=True))
        app.render(force=True)
        app.audio.stop()
    return {
        "lines": len(shown),
        "files": len(decodes),
        "most_decodes": max(decodes.values(), default=0),
        "scaled": len(scalings),
        "most_scalings": max(scalings.values(), default=0),
    }


if __name__ == "__main__":
    if sys.argv[1:3] == ["child", "floor"]:
        emit(child_floor())
    elif sys.argv[1:3] == ["child", "play"]:
        emit(child_play())
    else:
        for figure in run(quick="--quick" in sys.argv):
            print(figure)
