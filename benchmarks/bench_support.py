"""What every benchmark shares: figures with their floor and target, child processes, Xvfb.

Machines are shared and noisy, so a figure is only read against its floor, measured in the
same run on the same machine, and every timing is the median of several repeats.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = Path(__file__).resolve().parent
QUIET_ENV = {"PYGAME_HIDE_SUPPORT_PROMPT": "1", "SDL_AUDIODRIVER": "dummy"}


@dataclass(frozen=True)
class Figure:
    """One measured figure beside its floor; `met` is None when there is no target."""

    group: str
    name: str
    value: float
    unit: str
    floor: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


def ratio_figure(
    group: str, name: str, value: float, floor: float, unit: str, most: float, note: str = ""
) -> Figure:
    """A figure whose target is at most `most` times its floor."""
    met = floor > 0 and value / floor <= most
    return Figure(group, name, value, unit, floor, f"<= {most:g}x floor", met, note)


def limit_figure(
    group: str,
    name: str,
    value: float,
    unit: str,
    most: float | None = None,
    least: float | None = None,
    floor: float | None = None,
    note: str = "",
) -> Figure:
    """A figure with an absolute target: at most `most` or at least `least`."""
    if most is not None:
        return Figure(group, name, value, unit, floor, f"<= {most:g} {unit}", value <= most, note)
    if least is not None:
        return Figure(group, name, value, unit, floor, f">= {least:g} {unit}", value >= least, note)
    return Figure(group, name, value, unit, floor, "", None, note)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[rank]


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **QUIET_ENV}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), str(BENCH_DIR), env.get("PYTHONPATH", "")) if p
    )
    # A player's install has its bytecode compiled; this machine's shell turns that off, so
    # children keep theirs in a private cache (filled by each benchmark's warm-up run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "vn-bench-pycache")
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class ChildResult:
    """A finished child: its exit status, its output, its wall time and its own peak memory."""

    code: int
    stdout: str
    stderr: str
    wall: float
    max_rss_mb: float
    cpu: float

    def json(self) -> dict[str, object]:
        """The last stdout line as JSON (children report that way)."""
        if self.code != 0:
            raise RuntimeError(f"child failed ({self.code}): {self.stderr.strip()[-2000:]}")
        return json.loads(self.stdout.strip().splitlines()[-1])


def run_child(
    argv: Sequence[str], env: dict[str, str] | None = None, timeout: float = 600.0
) -> ChildResult:
    """Run a process to its end; its peak RSS comes from wait4, which reports that child only
    (RUSAGE_CHILDREN would keep the largest of every child waited for so far)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env or child_env(),
        cwd=ROOT,
        text=True,
    )
    try:
        out, err = _read_all(process, timeout)
    finally:
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return ChildResult(
        process.returncode,
        out,
        err,
        wall,
        usage.ru_maxrss / 1024.0,
        usage.ru_utime + usage.ru_stime,
    )


def _read_all(process: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """Both pipes read to the end without waiting on the process (wait4 reaps it)."""
    import threading

    chunks: dict[str, str] = {}

    def drain(name: str, stream: object) -> None:
        chunks[name] = stream.read()  # type: ignore[attr-defined]

    threads = [
        threading.Thread(target=drain, args=("out", process.stdout)),
        threading.Thread(target=drain, args=("err", process.stderr)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        if thread.is_alive():
            process.kill()
            thread.join()
    return chunks.get("out", ""), chunks.get("err", "")


def python_child(module: str, *args: str) -> list[str]:
    """The argv that runs `benchmarks/MODULE.py child ARGS` in a fresh interpreter."""
    return [sys.executable, str(BENCH_DIR / f"{module}.py"), "child", *args]


# ----- Xvfb -----------------------------------------------------------------------------------
def have_xvfb() -> bool:
    return shutil.which("Xvfb") is not None


def _free_display() -> int:
    for number in range(140, 400):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@contextmanager
def xvfb(size: str = "1920x1080x24") -> Iterator[dict[str, str]]:
    """A private Xvfb server; yields the environment that points a child at it."""
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", size, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        env = child_env({"DISPLAY": f":{number}"})
        env.pop("SDL_VIDEODRIVER", None)
        yield env
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def dummy_env() -> dict[str, str]:
    return child_env({"SDL_VIDEODRIVER": "dummy"})


def emit(payload: object) -> None:
    """A child's report: one JSON line on stdout."""
    print(json.dumps(payload), flush=True)
