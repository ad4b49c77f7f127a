"""End to end in a real X window: Xvfb, `python main.py`, clicks from xdotool, screenshots."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "import")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        bool(MISSING), reason=f"needs {', '.join(MISSING)} (apt: xvfb xdotool imagemagick)"
    ),
]


def free_display() -> int:
    for number in range(91, 400):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


def wait_for(check, seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def display() -> Iterator[dict[str, str]]:
    number = free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": f":{number}", "SDL_AUDIODRIVER": "dummy"}
    env.pop("SDL_VIDEODRIVER", None)
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def screenshot(env: dict[str, str]) -> pygame.Surface:
    data = subprocess.run(
        ["import", "-window", "root", "png:-"], env=env, capture_output=True, check=True, timeout=30
    ).stdout
    return pygame.image.load(io.BytesIO(data), "shot.png")


def mean(surface: pygame.Surface, rect: pygame.Rect) -> float:
    avg = pygame.transform.average_color(surface, rect)
    return (avg[0] + avg[1] + avg[2]) / 3


def click(env: dict[str, str], window: str, x: int, y: int) -> None:
    subprocess.run(
        ["xdotool", "mousemove", "--window", window, str(x), str(y), "click", "1"],
        env=env,
        check=True,
        timeout=10,
    )


def test_real_window_title_note_and_first_lines(display: dict[str, str], tmp_path: Path) -> None:
    game = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--save-dir", str(tmp_path), "--windowed"],
        env=display,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        search = ["xdotool", "search", "--pid", str(game.pid)]
        found = wait_for(
            lambda: subprocess.run(
                search, env=display, capture_output=True, text=True
            ).stdout.split(),
            30,
            "the game window",
        )
        window = found[0]
        time.sleep(1.0)
        title = screenshot(display)
        button = pygame.Rect(490, 380, 300, 52)  # Start, focused
        assert mean(title, button) != pytest.approx(
            mean(title, pygame.Rect(20, 20, 200, 100)), abs=3
        )

        click(display, window, 640, 406)  # Start
        time.sleep(0.8)
        note = screenshot(display)
        assert pygame.image.tobytes(note, "RGB") != pygame.image.tobytes(title, "RGB")
        text_band = pygame.Rect(200, 300, 880, 100)
        assert mean(note, text_band) > mean(note, pygame.Rect(0, 0, 1280, 150)) + 2

        click(display, window, 640, 360)  # dismiss the note
        time.sleep(1.0)
        opening = screenshot(display)
        assert pygame.image.tobytes(opening, "RGB") != pygame.image.tobytes(note, "RGB")

        frames = [opening]
        for _ in range(8):  # through the opening staging, the title card and the first lines
            click(display, window, 640, 360)
            time.sleep(0.6)
        frames.append(screenshot(display))
        click(display, window, 640, 360)
        time.sleep(0.1)
        click(display, window, 640, 360)
        time.sleep(0.6)
        frames.append(screenshot(display))
        raw = [pygame.image.tobytes(f, "RGB") for f in frames]
        assert len(set(raw)) == len(raw)
        assert game.poll() is None, game.stderr.read() if game.stderr else ""
    finally:
        game.terminate()
        game.wait(timeout=10)
