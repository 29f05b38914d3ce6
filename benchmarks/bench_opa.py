"""Services per second: rules evaluated by an OPA server (--engine opa) versus embedded regorus.

    python benchmarks/bench_opa.py [--services 1 50] [--jobs 1 4 8] [--server-engines 2]
                                   [--synthetic 60,240] [--opa-url URL]

The server is tests/opa_test_server.py in its own process (OPA's REST API over HTTP on
127.0.0.1, evaluating with OPA's Go evaluator from opa-golib-python-bindings), loaded with the
bundle `lgai bundle build` writes; or a real OPA given with --opa-url (with that bundle loaded).
The services are copies of the example services in fixtures/services (or synthetic services of
N components and M flows with --synthetic). Every service is loaded first (parsing and input
building are the same for every engine and are timed apart); then the evaluations are timed:
one after another for the embedded engines, on --jobs threads for the server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

AS_OF = dt.date(2026, 11, 25)


def make_services(out: Path, n: int, synthetic: tuple[int, int] | None) -> list[Path]:
    if synthetic:
        from synthetic_service import generate

        base = generate(out / "synthetic-base", *synthetic)
        sources = [base]
    else:
        sources = sorted(p for p in (ROOT / "fixtures" / "services").iterdir() if (p / "lgai.yaml").is_file())
    dirs = []
    for i in range(n):
        dst = out / f"svc-{i:03d}"
        shutil.copytree(sources[i % len(sources)], dst)
        dirs.append(dst)
    return dirs


def start_server(bundle: Path, engines: int) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "opa_test_server.py"), "--bundle", str(bundle), "--engines", str(engines)],
        stdout=subprocess.PIPE, text=True,
    )
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on "):
        proc.kill()
        raise SystemExit(f"the test server did not start: {line!r}")
    return proc, line.split()[-1]


def timed_eval(checker, services, jobs: int) -> float:
    t = time.perf_counter()
    if jobs <= 1:
        for s in services:
            checker.check_loaded(s)
    else:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(checker.check_loaded, services))
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--services", type=int, nargs="+", default=[1, 50])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 4, 8])
    ap.add_argument("--server-engines", type=int, default=2, help="Go evaluators the test server runs in parallel")
    ap.add_argument("--synthetic", help="COMPONENTS,FLOWS: synthetic services instead of the examples")
    ap.add_argument("--opa-url", help="a real OPA with the bundle loaded, instead of the test server")
    args = ap.parse_args()
    synthetic = tuple(int(x) for x in args.synthetic.split(",")) if args.synthetic else None

    from checker.bundle import build_bundle
    from checker.engines.opa_remote import OpaSettings
    from checker.run import Checker, CheckOptions

    tmp = Path(tempfile.mkdtemp(prefix="lgai-bench-opa-"))
    proc = None
    try:
        bundle = tmp / "lgai-bundle.tar.gz"
        info = build_bundle(bundle)
        url = args.opa_url
        if url is None:
            proc, url = start_server(bundle, args.server_engines)
        print(f"bundle {info.revision}; server {url}" + ("" if args.opa_url else f" (test server, {args.server_engines} Go evaluators)"))
        print(f"machine: {os.cpu_count()} CPUs; services: {'synthetic ' + args.synthetic if synthetic else 'copies of fixtures/services'}")

        t = time.perf_counter()
        embedded = {name: Checker(CheckOptions(engine=name, as_of=AS_OF)) for name in ("regorus", "opa-go")}
        t_embedded = time.perf_counter() - t
        t = time.perf_counter()
        remote = Checker(CheckOptions(engine="opa", as_of=AS_OF, opa=OpaSettings(url=url, timeout=60)))
        t_remote = time.perf_counter() - t
        print(f"set-up: embedded engines compile the rule pack in {t_embedded / 2:.2f} s each; "
              f"the opa engine checks the server's revision in {t_remote:.2f} s")

        # Warm-up: OPA compiles each distinct query once per evaluator (the server's, and opa-go's,
        # which asks package by package for a service with IaC); timed runs exclude that cost.
        warm = [remote.load(p) for p in make_services(tmp / "warm", max(args.jobs), synthetic)]
        timed_eval(remote, warm, max(args.jobs))
        for c in embedded.values():
            timed_eval(c, warm, 1)

        rows = []
        for n in args.services:
            dirs = make_services(tmp / f"n{n}", n, synthetic)
            t = time.perf_counter()
            services = [remote.load(p) for p in dirs]
            t_load = time.perf_counter() - t
            rows.append((n, "load + validate + IaC (any engine)", 1, t_load))
            for name, c in embedded.items():
                rows.append((n, f"embedded {name}", 1, timed_eval(c, services, 1)))
            for jobs in args.jobs:
                if n == 1 and jobs > 1:
                    continue
                rows.append((n, "opa server (HTTP)", jobs, timed_eval(remote, services, jobs)))

        print()
        print(f"{'services':>8}  {'evaluation':<36} {'jobs':>4}  {'seconds':>8}  {'services/s':>10}")
        for n, what, jobs, secs in rows:
            print(f"{n:>8}  {what:<36} {jobs:>4}  {secs:>8.3f}  {n / secs:>10.1f}")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
