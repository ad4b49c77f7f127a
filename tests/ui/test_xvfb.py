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
        corner = pygame.Rect(20, 20, 200, 100)
        button = pygame.Rect(490, 380, 300, 52)  # Start, focused

        def title_drawn() -> pygame.Surface | None:
            shot = screenshot(display)
            return shot if abs(mean(shot, button) - mean(shot, corner)) > 3 else None

        title = wait_for(title_drawn, 30, "the title screen")

        def changed_from(before: pygame.Surface) -> pygame.Surface | None:
            time.sleep(0.3)  # let a transition settle before judging the frame
            shot = screenshot(display)
            same = pygame.image.tobytes(shot, "RGB") == pygame.image.tobytes(before, "RGB")
            return None if same else shot

        click(display, window, 640, 406)  # Start
        note = wait_for(lambda: changed_from(title), 20, "the content note")
        text_band = pygame.Rect(200, 300, 880, 100)

        def note_written() -> pygame.Surface | None:
            shot = screenshot(display)
            top_band = mean(shot, pygame.Rect(0, 0, 1280, 150))
            return shot if mean(shot, text_band) > top_band + 2 else None

        note = wait_for(note_written, 20, "the content note's text")

        click(display, window, 640, 360)  # dismiss the note
        opening = wait_for(lambda: changed_from(note), 20, "the story's opening")

        frames = [opening]
        for _ in range(2):  # each click moves the story on: a new line or new staging
            click(display, window, 640, 360)
            frames.append(wait_for(lambda: changed_from(frames[-1]), 20, "the next moment"))
        raw = [pygame.image.tobytes(f, "RGB") for f in frames]
        assert len(set(raw)) == len(raw)
        assert game.poll() is None, game.stderr.read() if game.stderr else ""
    finally:
        game.terminate()
        game.wait(timeout=10)
