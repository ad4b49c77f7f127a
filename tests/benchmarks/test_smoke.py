"""The benchmark code on tiny sizes: the generated script is valid, figures judge and print
right, children report back. No timings are asserted here, ever."""

from __future__ import annotations

import sys
from pathlib import Path

import bench_convert
import bench_scale
import bench_support
import run as bench_run
from bench_support import Figure, limit_figure, percentile, ratio_figure

from vn.paths import ASSETS_DIR
from vn.script import AssetResolver, load_script
from vn.script.model import Line


def test_generated_script_is_valid_and_has_the_lines_asked_for(tmp_path: Path) -> None:
    folder = bench_scale.write_script(tmp_path / "script", 400)
    script = load_script(folder, assets=AssetResolver(ASSETS_DIR))
    assert len(script.scenes) == 2
    lines = list(script.lines())
    assert len(lines) == 400
    assert {line.kind for line in lines} == {"narration", "dialogue", "thought"}
    assert len({line.id for line in lines}) == 400


def test_generated_script_splits_into_files_of_fifty_scenes(tmp_path: Path) -> None:
    folder = bench_scale.write_script(tmp_path / "script", 200 * 51)
    assert sorted(p.name for p in folder.glob("*.yaml")) == [
        "00-game.yaml",
        "001-part.yaml",
        "002-part.yaml",
    ]


def test_ratio_figures_judge_against_their_floor() -> None:
    assert ratio_figure("g", "n", 3.0, 2.0, "ms", 1.5).met is True
    missed = ratio_figure("g", "n", 3.1, 2.0, "ms", 1.5)
    assert missed.met is False
    assert missed.ratio == 3.1 / 2.0
    assert ratio_figure("g", "n", 1.0, 0.0, "ms", 1.5).met is False


def test_limit_figures_judge_at_most_and_at_least() -> None:
    assert limit_figure("g", "n", 200.0, "MB", most=200).met is True
    assert limit_figure("g", "n", 201.0, "MB", most=200).met is False
    assert limit_figure("g", "n", 99.0, "c/s", least=100).met is False
    assert limit_figure("g", "n", 5.0, "x").met is None


def test_percentile_is_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 0.99) == 99
    assert percentile(values, 0.5) == 50
    assert percentile([7.0], 0.99) == 7.0


def test_table_shows_value_floor_ratio_target_and_verdict() -> None:
    figures = [
        ratio_figure("frame", "mean", 6.0, 2.0, "ms", 3.0),
        limit_figure("idle", "cpu", 1.5, "%", most=1.0),
        Figure("memory", "count", 4.0, "x"),
    ]
    text = bench_run.table(figures).splitlines()
    assert text[0].split() == ["group", "measure", "value", "floor", "ratio", "target", "meets"]
    assert text[2].split()[-1] == "yes" and "3.00x" in text[2] and "2.00 ms" in text[2]
    assert text[3].split()[-1] == "NO" and "<= 1 %" in text[3]
    assert text[4].split()[-1] == "-"


def test_a_child_reports_json_and_its_own_peak_memory() -> None:
    code = "import json; data = bytearray(40 * 1024 * 1024); print(json.dumps({'n': len(data)}))"
    result = bench_support.run_child([sys.executable, "-c", code])
    assert result.json() == {"n": 40 * 1024 * 1024}
    assert result.max_rss_mb >= 40


def test_converter_benchmark_measures_a_small_generated_story() -> None:
    text = bench_convert.generated_story(3_000)
    assert len(text) >= 3_000
    value, floor = bench_convert.throughput(text, 1)
    assert value > 0 and floor > 0


def test_scale_child_loads_what_the_parent_wrote(tmp_path: Path) -> None:
    folder = bench_scale.write_script(tmp_path / "script", 200)
    report = bench_scale.child_load(folder)
    assert report["lines"] == 200
    script = load_script(folder)
    assert sum(isinstance(s, Line) for s in script.statements()) == 200


def test_the_load_child_reads_the_cache_it_wrote(tmp_path: Path) -> None:
    folder = bench_scale.write_script(tmp_path / "script", 400)
    cold = bench_scale.child_load(folder, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("script-*.json"))
    warm = bench_scale.child_load(folder, tmp_path / "cache")
    assert cold["lines"] == warm["lines"] == 400
