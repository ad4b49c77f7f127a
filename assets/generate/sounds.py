"""Every sound: ambience loops, one-shot effects and the plucked-string motif."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .synth import (
    band,
    envelope,
    filtered,
    highpass,
    lowpass,
    periodic_lfo,
    place,
    pluck,
    room,
    shaped_noise,
    voice,
)
from .wavio import normalise

AMBIENT_RATE = 22050
MUSIC_RATE = 44100

VOWELS = MappingProxyType(
    {
        "a": (750.0, 1200.0, 2600.0),
        "o": (500.0, 900.0, 2500.0),
        "e": (480.0, 1900.0, 2600.0),
        "i": (320.0, 2200.0, 3000.0),
        "u": (350.0, 800.0, 2400.0),
    }
)


@dataclass(frozen=True)
class Sound:
    kind: str
    rate: int
    loop: bool
    make: Callable[[np.random.Generator, int], np.ndarray]


# --- ambience (seamless: built circularly, so the end runs straight into the start) --------


def _bird(rng: np.random.Generator, rate: int) -> np.ndarray:
    notes = []
    base = 2600 + 1800 * rng.random()
    for _ in range(int(rng.integers(2, 6))):
        dur = 0.06 + 0.08 * rng.random()
        m = int(dur * rate)
        t = np.arange(m) / rate
        sweep = base * (1 + (rng.random() - 0.3) * 0.5 * t / dur)
        tone = np.sin(2 * np.pi * np.cumsum(sweep) / rate) * np.sin(np.pi * t / dur) ** 2
        notes.append(tone)
        notes.append(np.zeros(int((0.04 + 0.1 * rng.random()) * rate)))
    return np.concatenate(notes)


def forest_wind(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = 20 * rate
    gust = periodic_lfo(rng, n, [1, 2, 3, 5, 8])
    body = shaped_noise(rng, n, rate, band(90.0, 900.0, 0.6)) * (0.35 + 0.65 * gust)
    flutter = periodic_lfo(rng, n, [13, 21, 34, 55])
    leaves = (
        shaped_noise(rng, n, rate, band(1800.0, 6500.0))
        * (0.15 + 0.85 * gust**2)
        * (0.5 + 0.5 * flutter)
    )
    out = body + 0.22 * leaves * gust
    birds = np.zeros(n)
    for _ in range(7):
        place(birds, _bird(rng, rate) * (0.3 + 0.35 * rng.random()), int(rng.integers(0, n)), True)
    out += room(rng, birds, rate, 1.2, 0.6, True)
    return normalise(out, -10.0)


def _murmur(rng: np.random.Generator, rate: int) -> np.ndarray:
    m = int((0.6 + 1.2 * rng.random()) * rate)
    t = np.arange(m) / rate
    f0 = (110 + 90 * rng.random()) * (1 + 0.08 * np.sin(2 * np.pi * (1 + 2 * rng.random()) * t))
    names = list(VOWELS)
    seq = [VOWELS[names[int(i)]] for i in rng.integers(0, len(names), 6)]
    idx = np.minimum((t / t[-1] * (len(seq) - 1)).astype(int), len(seq) - 2)
    frac = (t / t[-1] * (len(seq) - 1)) - idx
    fm = np.array(seq)
    formants = fm[idx] * (1 - frac[:, None]) + fm[idx + 1] * frac[:, None]
    v = voice(rate, f0, formants, np.full(m, 0.2), rng)
    return lowpass(v * np.abs(np.sin(np.pi * t / t[-1])) ** 0.7, rate, 1400.0)


def open_ground(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = 20 * rate
    gust = periodic_lfo(rng, n, [1, 2, 3, 4, 7])
    wide = shaped_noise(rng, n, rate, band(40.0, 1600.0, 0.8)) * (0.3 + 0.7 * gust)
    whistle = shaped_noise(rng, n, rate, band(500.0, 700.0)) * gust**3
    grass = shaped_noise(rng, n, rate, band(2500.0, 8000.0)) * (0.2 + 0.8 * gust**2)
    voices = np.zeros(n)
    for _ in range(12):
        place(
            voices, _murmur(rng, rate) * (0.3 + 0.4 * rng.random()), int(rng.integers(0, n)), True
        )
    voices = room(rng, voices, rate, 1.8, 0.8, True)
    out = wide + 0.12 * whistle + 0.18 * grass + 0.22 * voices / (np.max(np.abs(voices)) + 1e-12)
    return normalise(out, -10.0)


def _thump(
    rng: np.random.Generator, rate: int, f0: float, decay: float, seconds: float
) -> np.ndarray:
    m = int(seconds * rate)
    t = np.arange(m) / rate
    freq = f0 * (1 + 0.6 * np.exp(-t / 0.02))
    tone = np.sin(2 * np.pi * np.cumsum(freq) / rate)
    thud = lowpass(rng.standard_normal(m), rate, 180.0)
    thud /= np.max(np.abs(thud)) + 1e-12
    return (tone + 0.4 * thud) * envelope(m, rate, 0.006, decay)


def heartbeat(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = 8 * rate
    beats = 7
    out = np.zeros(n)
    for k in range(beats):
        start = k * n // beats
        place(out, _thump(rng, rate, 52.0, 0.09, 0.5), start, True)
        place(out, 0.6 * _thump(rng, rate, 64.0, 0.07, 0.4), start + int(0.3 * rate), True)
    out = lowpass(out, rate, 220.0, circular=True)
    return normalise(out, -6.0)


# --- one-shots -----------------------------------------------------------------------------


def _crunch(rng: np.random.Generator, rate: int, seconds: float, grains: int) -> np.ndarray:
    m = int(seconds * rate)
    out = np.zeros(m)
    for _ in range(grains):
        at = int(rng.random() ** 1.5 * m * 0.8)
        g = int(0.004 * rate)
        place(
            out, rng.standard_normal(g) * np.exp(-np.arange(g) / (g / 4)) * rng.random(), at, False
        )
    return highpass(out, rate, 1500.0) * 0.8


def _step(rng: np.random.Generator, rate: int, weight: float) -> np.ndarray:
    m = int(0.35 * rate)
    heel = lowpass(rng.standard_normal(m), rate, 260.0) * envelope(m, rate, 0.004, 0.035)
    heel /= np.max(np.abs(heel)) + 1e-12
    return weight * heel + 0.5 * _crunch(rng, rate, 0.35, 40)


def footsteps(rng: np.random.Generator, rate: int) -> np.ndarray:
    out = np.zeros(int(3.0 * rate))
    t = 0.1
    for k in range(5):
        place(out, _step(rng, rate, 1.0 if k % 2 else 0.6), int(t * rate), False)
        t += 0.42 if k % 2 else 0.68
    return normalise(room(rng, out, rate, 0.4, 0.15, False), -3.0)


def stumble(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = int(1.6 * rate)
    out = np.zeros(n)
    m = int(0.45 * rate)
    scrape = filtered(rng.standard_normal(m), rate, band(300.0, 3000.0), False)
    scrape *= np.linspace(0.2, 1.0, m) * np.exp(-np.linspace(0, 1, m) * 0.5)
    place(out, 0.4 * scrape / (np.max(np.abs(scrape)) + 1e-12), int(0.05 * rate), False)
    place(out, _thump(rng, rate, 70.0, 0.12, 0.6), int(0.45 * rate), False)
    place(out, 0.7 * _crunch(rng, rate, 0.5, 70), int(0.45 * rate), False)
    place(out, 0.5 * _step(rng, rate, 0.8), int(0.95 * rate), False)
    return normalise(room(rng, out, rate, 0.4, 0.15, False), -3.0)


def cough(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = int(1.6 * rate)
    out = np.zeros(n)
    t = 0.05
    for k, strength in enumerate((1.0, 0.75, 0.55)):
        m = int(0.28 * rate)
        burst = filtered(
            rng.standard_normal(m),
            rate,
            lambda f: sum(1.0 / (1 + ((f - c) / 220.0) ** 2) for c in (650.0, 1150.0, 2500.0)),
            False,
        )
        burst /= np.max(np.abs(burst)) + 1e-12
        pitch = np.full(m, 150.0 - 15 * k)
        voiced = voice(rate, pitch, np.tile(VOWELS["a"], (m, 1)), np.zeros(m), rng)
        rough = 0.6 + 0.4 * np.abs(lowpass(rng.standard_normal(m), rate, 60.0)) * 3
        env = envelope(m, rate, 0.008, 0.07)
        place(out, strength * (burst + 0.35 * voiced) * rough * env, int(t * rate), False)
        t += 0.3 + 0.08 * rng.random()
    out = lowpass(out, rate, 3500.0)
    return normalise(room(rng, out, rate, 0.3, 0.12, False), -3.0)


def shouts(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = int(3.2 * rate)
    out = np.zeros(n)
    calls = (("o", "e", "u", "o"), ("a", "i", "o"), ("o", "e", "u", "o"), ("e", "a"))
    for k, call in enumerate(calls):
        m = int((0.55 + 0.25 * len(call) / 4) * rate)
        t = np.arange(m) / rate
        f0 = (
            (230 + 50 * rng.random())
            * (1 + 0.12 * np.sin(np.pi * t / t[-1]))
            * (1 + 0.01 * np.sin(2 * np.pi * 5.5 * t))
        )
        pos = t / t[-1] * (len(call) - 1)
        idx = np.minimum(pos.astype(int), len(call) - 2) if len(call) > 1 else np.zeros(m, int)
        fm = np.array([VOWELS[v] for v in call] + [VOWELS[call[-1]]])
        frac = np.clip(pos - idx, 0.0, 1.0)[:, None]
        formants = fm[idx] * (1 - frac) + fm[idx + 1] * frac
        v = voice(rate, f0, formants, np.full(m, 0.15), rng)
        env = np.clip(t / 0.05, 0, 1) * np.clip((t[-1] - t) / 0.2, 0, 1)
        place(
            out, v * env * (1.0 - 0.2 * k), int((0.1 + 0.7 * k + 0.15 * rng.random()) * rate), False
        )
    out = lowpass(out, rate, 2200.0)
    return normalise(room(rng, out, rate, 1.6, 0.55, False), -3.0)


def cloth_tear(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = int(0.9 * rate)
    out = np.zeros(n)
    t = 0.02
    gap = 0.02
    while t < 0.6:
        g = int(0.003 * rate)
        place(out, rng.standard_normal(g) * (0.5 + 0.5 * rng.random()), int(t * rate), False)
        gap = max(gap * 0.93, 0.0025)
        t += gap * (0.5 + rng.random())
    bed = shaped_noise(rng, n, rate, band(1200.0, 5000.0)) * envelope(n, rate, 0.3, 0.12)
    out = filtered(out, rate, band(900.0, 6000.0), False) + 0.3 * bed
    return normalise(out, -3.0)


def body_fall(rng: np.random.Generator, rate: int) -> np.ndarray:
    n = int(1.5 * rate)
    out = np.zeros(n)
    place(out, _thump(rng, rate, 48.0, 0.16, 0.8), int(0.05 * rate), False)
    place(out, 0.5 * _thump(rng, rate, 60.0, 0.1, 0.5), int(0.22 * rate), False)
    m = int(0.6 * rate)
    rustle = filtered(rng.standard_normal(m), rate, band(900.0, 4000.0), False) * envelope(
        m, rate, 0.01, 0.15
    )
    place(out, 0.25 * rustle / (np.max(np.abs(rustle)) + 1e-12), int(0.04 * rate), False)
    place(out, 0.4 * _crunch(rng, rate, 0.5, 50), int(0.06 * rate), False)
    return normalise(room(rng, out, rate, 0.5, 0.15, False), -3.0)


def ui_click(rng: np.random.Generator, rate: int) -> np.ndarray:
    m = int(0.09 * rate)
    t = np.arange(m) / rate
    tone = np.sin(2 * np.pi * 1250 * t) * np.exp(-t / 0.012) + 0.5 * np.sin(
        2 * np.pi * 2600 * t
    ) * np.exp(-t / 0.006)
    tick = lowpass(rng.standard_normal(m), rate, 4000.0) * np.exp(-t / 0.003)
    out = tone + 0.3 * tick
    out *= np.clip((t[-1] - t) / 0.01, 0, 1)
    return normalise(out, -12.0)


def ui_hover(rng: np.random.Generator, rate: int) -> np.ndarray:
    m = int(0.07 * rate)
    t = np.arange(m) / rate
    out = np.sin(2 * np.pi * 880 * t) * np.sin(np.pi * t / t[-1]) ** 2
    out += 0.2 * np.sin(2 * np.pi * 1760 * t) * np.sin(np.pi * t / t[-1]) ** 3
    return normalise(out, -20.0)


# --- music ---------------------------------------------------------------------------------

D4 = 62  # MIDI numbers; the motif sits in D minor pentatonic (D F G A C)


def _hz(midi: int) -> float:
    return 440.0 * 2.0 ** ((midi - 69) / 12.0)


MOTIF = (  # (beat, midi, velocity)
    (0, 69, 0.9),
    (1, 72, 0.7),
    (1.5, 74, 0.8),
    (2, 69, 0.9),
    (3.5, 67, 0.6),
    (4, 65, 0.8),
    (6, 67, 0.9),
    (7, 62, 0.6),
    (8, 69, 0.85),
    (9, 72, 0.7),
    (9.5, 74, 0.8),
    (10, 76, 0.9),
    (11, 74, 0.6),
    (12, 72, 0.8),
    (13, 69, 0.7),
    (14, 67, 0.9),
    (16, 65, 0.8),
    (17, 67, 0.6),
    (17.5, 69, 0.7),
    (18, 65, 0.8),
    (19, 62, 0.7),
    (20, 60, 0.8),
    (22, 62, 1.0),
)
BASS = ((0, 50), (4, 45), (8, 50), (12, 48), (16, 46), (20, 45), (22, 38))
CODA = ((22.02, 57, 0.5), (22.3, 62, 0.45), (22.6, 65, 0.4))


def _render(
    rng: np.random.Generator,
    rate: int,
    n: int,
    beat: float,
    notes: Sequence[tuple[float, int, float]],
    bass: Sequence[tuple[float, int]],
    circular: bool,
    ring: float,
) -> np.ndarray:
    out = np.zeros(n)
    for at, midi, vel in notes:
        tone = pluck(rng, rate, _hz(midi), ring * 1.2, ring, 0.35) * vel
        place(out, tone, int(at * beat * rate), circular)
    for at, midi in bass:
        tone = pluck(rng, rate, _hz(midi), ring * 1.5, ring * 1.3, 0.3) * 0.45
        place(out, tone, int(at * beat * rate), circular)
    return out


def motif(rng: np.random.Generator, rate: int) -> np.ndarray:
    beat = 60.0 / 56.0
    n = int(27.0 * rate)
    out = _render(rng, rate, n, beat, MOTIF + CODA, BASS, False, 3.0)
    out = lowpass(room(rng, out, rate, 2.5, 0.35, False), rate, 2800.0)
    tail = np.clip((n - np.arange(n)) / (1.5 * rate), 0.0, 1.0)
    return normalise(out * tail, -3.0)


def motif_loop(rng: np.random.Generator, rate: int) -> np.ndarray:
    beat = 60.0 / 56.0
    bars = 24
    n = round(bars * beat * rate)
    sparse = [(b, m, v * 0.7) for b, m, v in MOTIF if b < 22 and (b * 2) % 2 == 0] + [(22, 62, 0.6)]
    bass = [(b, m) for b, m in BASS if b < 24]
    out = _render(rng, rate, n, beat, sparse, bass, True, 2.6)
    out = room(rng, out, rate, 2.5, 0.4, True)
    out = lowpass(out, rate, 3500.0, circular=True)
    return normalise(out, -9.0)


SOUNDS: Mapping[str, Sound] = MappingProxyType(
    {
        "forest_wind": Sound("ambience", AMBIENT_RATE, True, forest_wind),
        "open_ground": Sound("ambience", AMBIENT_RATE, True, open_ground),
        "heartbeat": Sound("ambience", AMBIENT_RATE, True, heartbeat),
        "footsteps": Sound("sound", AMBIENT_RATE, False, footsteps),
        "stumble": Sound("sound", AMBIENT_RATE, False, stumble),
        "cough": Sound("sound", AMBIENT_RATE, False, cough),
        "shouts": Sound("sound", AMBIENT_RATE, False, shouts),
        "cloth_tear": Sound("sound", AMBIENT_RATE, False, cloth_tear),
        "body_fall": Sound("sound", AMBIENT_RATE, False, body_fall),
        "ui_click": Sound("sound", AMBIENT_RATE, False, ui_click),
        "ui_hover": Sound("sound", AMBIENT_RATE, False, ui_hover),
        "motif": Sound("music", MUSIC_RATE, False, motif),
        "motif_loop": Sound("music", MUSIC_RATE, True, motif_loop),
    }
)
