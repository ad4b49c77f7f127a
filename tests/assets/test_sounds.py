"""Every sound is a valid, unclipped 16-bit WAV; loops join end to start without a click."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "assets"

LOOPS = ["ambience/forest_wind", "ambience/open_ground", "ambience/heartbeat", "music/motif_loop"]
ONE_SHOTS = ["music/motif", "sound/footsteps", "sound/stumble", "sound/cough", "sound/shouts",
             "sound/cloth_tear", "sound/body_fall", "sound/ui_click", "sound/ui_hover"]  # fmt: skip
FULL = 32767


def samples(name: str) -> tuple[wave._wave_params, array]:
    with wave.open(str(ROOT / f"{name}.wav"), "rb") as wav:
        params = wav.getparams()
        data = array("h", wav.readframes(params.nframes))
    return params, data


@pytest.mark.parametrize("name", LOOPS + ONE_SHOTS)
def test_sound_is_mono_16_bit_pcm_and_never_clips(name: str) -> None:
    params, data = samples(name)
    assert (params.nchannels, params.sampwidth, params.comptype) == (1, 2, "NONE")
    assert params.framerate in (22050, 44100)
    assert len(data) > params.framerate // 50
    peak = max(abs(min(data)), max(data))
    assert peak < FULL, f"{name} clips"
    assert peak > FULL // 100, f"{name} is silent"


@pytest.mark.parametrize(
    "name", ["music/motif", "sound/footsteps", "sound/shouts", "sound/body_fall"]
)
def test_music_and_effects_peak_near_minus_three_db(name: str) -> None:
    _, data = samples(name)
    peak = max(abs(min(data)), max(data)) / FULL
    assert 0.6 < peak < 0.75


@pytest.mark.parametrize("name", LOOPS)
def test_loop_is_long_enough_and_quieter_than_the_effects(name: str) -> None:
    params, data = samples(name)
    assert len(data) / params.framerate >= 7.0
    assert max(abs(min(data)), max(data)) / FULL < 0.6


@pytest.mark.parametrize("name", LOOPS)
def test_loop_end_runs_into_its_start_without_a_jump(name: str) -> None:
    _, data = samples(name)
    steps = sorted(abs(data[i + 1] - data[i]) for i in range(0, len(data) - 1, 7))
    typical = steps[int(len(steps) * 0.999)]
    assert abs(data[0] - data[-1]) <= max(typical, 64)
