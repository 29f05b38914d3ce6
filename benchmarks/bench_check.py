"""Wall time and peak memory of `lgai check` on a large synthetic service.

    python benchmarks/bench_check.py [--components 2000] [--flows 10000] [--repeat 3] [--engine regorus]

Each run is a fresh `lgai check` process (what a user or CI job pays); peak memory is the
child's maximum resident set size. Also prints the cost of each stage in-process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_service import generate  # noqa: E402


def lgai_command() -> list[str]:
    exe = Path(sys.executable).parent / "lgai"
    return [str(exe)] if exe.exists() else [sys.executable, str(Path(__file__).resolve().parents[1] / "cli.py")]


def run_once(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode == 2:
        raise SystemExit(f"lgai failed: {proc.stderr}")
    # ru_maxrss of RUSAGE_CHILDREN is the max over all children so far: measure largest first.
    return wall, max(peak, before) / 1024, proc.returncode


def stages(svc: Path, engine: str) -> None:
    from checker.formats import render
    from checker.normalise import build_input
    from checker.run import Checker, CheckOptions

    t = time.perf_counter()
    checker = Checker(CheckOptions(engine=engine, as_of=dt.date(2026, 11, 25)))
    t_setup = time.perf_counter() - t
    t = time.perf_counter()
    service = checker.load(svc)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    doc = build_input(service, checker.policy, profile=None, as_of=dt.date(2026, 11, 25))
    t_norm = time.perf_counter() - t
    t = time.perf_counter()
    report = checker.check_loaded(service)
    t_eval = time.perf_counter() - t
    t = time.perf_counter()
    render(report, "json", "ja")
    t_json = time.perf_counter() - t
    fails = sum(len(r.findings) for r in report.results)
    print(f"  stages ({engine}): setup {t_setup:.2f}s  load+validate {t_load:.2f}s  normalise {t_norm:.2f}s  "
          f"normalise+evaluate {t_eval:.2f}s  json {t_json:.2f}s  -> {report.verdict}, {fails} findings, {len(doc['flows'])} flows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--components", type=int, default=2000)
    ap.add_argument("--flows", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--engine", default="regorus")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        svc = generate(Path(tmp) / "svc", args.components, args.flows)
        size = sum(p.stat().st_size for p in svc.iterdir()) / 1e6
        print(f"synthetic service: {args.components} components, {args.flows} flows, {size:.1f} MB of YAML")
        cmd = lgai_command() + ["check", str(svc), "--format", "json", "--as-of", "2026-11-25", "--engine", args.engine]
        walls, peaks = [], []
        for _ in range(args.repeat):
            wall, peak, code = run_once(cmd)
            walls.append(wall)
            peaks.append(peak)
        print(f"lgai check ({args.engine}): wall median {statistics.median(walls):.2f}s "
              f"(min {min(walls):.2f}s, max {max(walls):.2f}s, n={args.repeat}), peak RSS {max(peaks):.0f} MiB, exit {code}")
        small = Path(__file__).resolve().parents[1] / "fixtures" / "services" / "ai-ocr-lgwan-asp"
        swalls = [run_once(lgai_command() + ["check", str(small), "--as-of", "2026-11-25"])[0] for _ in range(args.repeat)]
        print(f"lgai check on a bundled example (startup-dominated): wall median {statistics.median(swalls):.2f}s")
        stages(svc, args.engine)


if __name__ == "__main__":
    main()
