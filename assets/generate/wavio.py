"""16-bit PCM WAV writing, with peak normalisation so nothing clips."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

FULL_SCALE = 32767


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def normalise(signal: np.ndarray, peak_db: float) -> np.ndarray:
    """Scale so the loudest sample sits at ``peak_db`` dBFS."""
    peak = float(np.max(np.abs(signal)))
    if peak == 0.0:
        return signal
    return signal * (db_to_gain(peak_db) / peak)


def save_wav(path: Path, signal: np.ndarray, rate: int) -> None:
    """Write a mono float signal in [-1, 1] as 16-bit PCM."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = np.clip(np.rint(signal * FULL_SCALE), -FULL_SCALE + 1, FULL_SCALE - 1).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
