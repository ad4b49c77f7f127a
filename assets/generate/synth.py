"""Sound building blocks: shaped noise, FFT filters, envelopes, plucked strings, voices, rooms."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def shaped_noise(
    rng: np.random.Generator, n: int, rate: int, gain: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    """Noise with spectrum ``gain(freq)``; built in the frequency domain, so it loops exactly."""
    freqs = np.fft.rfftfreq(n, 1.0 / rate)
    spectrum = (rng.standard_normal(freqs.size) + 1j * rng.standard_normal(freqs.size)) * gain(
        freqs
    )
    spectrum[0] = 0.0
    out = np.fft.irfft(spectrum, n)
    return out / (np.max(np.abs(out)) + 1e-12)


def band(lo: float, hi: float, slope: float = 0.0) -> Callable[[np.ndarray], np.ndarray]:
    """A soft band-pass gain curve with a 1/f**slope tilt."""

    def gain(f: np.ndarray) -> np.ndarray:
        g = 1.0 / (1.0 + (lo / np.maximum(f, 1.0)) ** 4) / (1.0 + (f / hi) ** 4)
        return g / np.maximum(f, 20.0) ** slope

    return gain


def filtered(
    signal: np.ndarray, rate: int, gain: Callable[[np.ndarray], np.ndarray], circular: bool
) -> np.ndarray:
    """Filter in the frequency domain; pad one-shots so nothing wraps round."""
    n = signal.size
    size = n if circular else 2 * n
    spectrum = np.fft.rfft(signal, size) * gain(np.fft.rfftfreq(size, 1.0 / rate))
    return np.fft.irfft(spectrum, size)[:n]


def lowpass(signal: np.ndarray, rate: int, cutoff: float, circular: bool = False) -> np.ndarray:
    return filtered(signal, rate, lambda f: 1.0 / np.sqrt(1.0 + (f / cutoff) ** 4), circular)


def highpass(signal: np.ndarray, rate: int, cutoff: float, circular: bool = False) -> np.ndarray:
    return filtered(
        signal, rate, lambda f: 1.0 / np.sqrt(1.0 + (cutoff / np.maximum(f, 1.0)) ** 4), circular
    )


def periodic_lfo(rng: np.random.Generator, n: int, cycles: list[int]) -> np.ndarray:
    """A slow wandering curve in [0, 1] that returns to its start after ``n`` samples."""
    t = np.arange(n) / n
    out = np.zeros(n)
    for k in cycles:
        out += np.sin(2 * np.pi * (k * t + rng.random())) / k**0.5
    out -= out.min()
    return out / (out.max() + 1e-12)


def envelope(n: int, rate: int, attack: float, decay: float) -> np.ndarray:
    """Fast rise, exponential fall."""
    t = np.arange(n) / rate
    rise = np.clip(t / max(attack, 1e-4), 0.0, 1.0)
    return rise * np.exp(-np.maximum(t - attack, 0.0) / decay)


def place(out: np.ndarray, sound: np.ndarray, start: int, circular: bool) -> None:
    """Mix ``sound`` into ``out`` at ``start``; in a loop, the tail wraps round to the head."""
    n = out.size
    if circular:
        idx = (start + np.arange(sound.size)) % n
        np.add.at(out, idx, sound)
    else:
        end = min(n, start + sound.size)
        if end > start:
            out[start:end] += sound[: end - start]


def room(
    rng: np.random.Generator,
    signal: np.ndarray,
    rate: int,
    seconds: float,
    wet: float,
    circular: bool,
) -> np.ndarray:
    """A soft diffuse reverb: convolution with decaying, darkening noise."""
    m = int(seconds * rate)
    t = np.arange(m) / rate
    ir = rng.standard_normal(m) * np.exp(-t * 6.9 / seconds)
    ir = lowpass(ir, rate, 3000.0)
    ir /= np.sqrt(np.sum(ir * ir)) + 1e-12
    n = signal.size
    size = n if circular else n + m
    if circular and m > n:
        ir = np.add.reduceat(np.pad(ir, (0, (-m) % n)), np.arange(0, m + (-m) % n, n))
    wet_sig = np.fft.irfft(np.fft.rfft(signal, size) * np.fft.rfft(ir, size), size)[:n]
    return signal * (1.0 - wet) + wet_sig * wet * 3.0


def pluck(
    rng: np.random.Generator, rate: int, freq: float, seconds: float, ring: float, brightness: float
) -> np.ndarray:
    """Karplus-Strong plucked string, computed a period at a time."""
    n = int(seconds * rate)
    period = max(2, round(rate / freq))
    burst = rng.uniform(-1.0, 1.0, period)
    for _ in range(int((1.0 - brightness) * 4)):
        burst = 0.5 * (burst + np.roll(burst, 1))
    pick = max(1, int(period * 0.18))
    burst = burst - np.roll(burst, pick)
    loss = 10.0 ** (-3.0 / (freq * ring))
    y = np.zeros(n + period)
    y[:period] = burst
    prev_tail = 0.0
    for start in range(period, n + period - period + 1, period):
        seg = y[start - period : start]
        shifted = np.concatenate(([prev_tail], seg[:-1]))
        end = min(start + period, y.size)
        y[start:end] = (loss * 0.5 * (seg + shifted))[: end - start]
        prev_tail = seg[-1]
    y = y[:n]
    y *= np.clip((n - np.arange(n)) / (0.05 * rate), 0.0, 1.0)
    return y / (np.max(np.abs(y)) + 1e-12)


def voice(
    rate: int,
    pitch: np.ndarray,
    formants: np.ndarray,
    breath: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """A sung/shouted vowel: harmonics of ``pitch`` (Hz per sample) weighted by formant peaks.

    ``formants`` is (samples, 3) of centre frequencies; ``breath`` mixes in aspiration noise.
    """
    n = pitch.size
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    out = np.zeros(n)
    widths = (90.0, 120.0, 180.0)
    levels = (1.0, 0.6, 0.25)
    for k in range(1, 40):
        fk = k * pitch
        amp = np.zeros(n)
        for j in range(3):
            amp += levels[j] / (1.0 + ((fk - formants[:, j]) / widths[j]) ** 2)
        amp *= fk < rate * 0.45
        out += amp * np.sin(k * phase) / k**0.3
    noise = rng.standard_normal(n)
    aspir = np.zeros(n)
    for j in range(2):
        aspir += filtered(noise, rate, band(600.0 + 600 * j, 2500.0 + 800 * j), False)
    return out / (np.max(np.abs(out)) + 1e-12) + breath * aspir / (np.max(np.abs(aspir)) + 1e-12)
