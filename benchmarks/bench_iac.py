"""IaC: wall time and peak memory of `lgai check` against plain `checkov -d` on one synthetic
Terraform corpus, and whether both report the same failures for the checks lgai maps.

    python benchmarks/bench_iac.py [--resources 4000] [--repeat 1]

The corpus (benchmarks/synthetic_terraform.py: AWS, Azure and Google Cloud units with variables,
locals and cross-resource references; every fifth unit carries violations) is generated into a
temporary directory. Then, alternating, each of these runs `--repeat` times as a fresh process:

    lgai check CORPUS --format json -o REPORT --as-of 2026-11-25   (exit 1 expected: violations)
    checkov -d CORPUS -o json --quiet --compact > CHECKOV.json     (default checks, exit 1 expected)

Memory. Every measured command runs in its own wrapper process (this script with --measure),
so `getrusage(RUSAGE_CHILDREN).ru_maxrss` of the wrapper belongs to that command alone (it is a
maximum over all the children a process ever waited for, so one wrapper per command keeps runs
apart). ru_maxrss is the peak RSS of the largest *single* process of the command's tree,
including the workers checkov forks (`RunnerRegistry` runs frameworks in forked workers) once
they have been waited for — the number `/usr/bin/time -v` prints. It is not a sum: forked workers
share the parent's pages copy-on-write, so summing RSS would count those pages twice. As a
second view the wrapper samples the whole tree every 0.1 s and sums PSS (proportional set size:
shared pages split between the processes sharing them); its peak is "tree PSS".

Findings. For every built-in check in rules/checkov_map.yaml, the failed results of the
`checkov -d` run are counted and compared with the findings lgai reports with that check_id
(the JSON report's results[].findings; a check mapped to two requirements appears under both,
so findings are de-duplicated by check, file, line and resource). They should be equal: lgai
runs the same checks through checkov's runners, only restricted to the mapped ids. lgai's own
findings (its Rego rules and the CKV_LGAI_* checks) are listed separately.

Timings are wall-clock on whatever else the machine is doing: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_terraform import generate  # noqa: E402


def lgai_command() -> list[str]:
    exe = Path(sys.executable).parent / "lgai"
    return [str(exe)] if exe.exists() else [sys.executable, str(ROOT / "cli.py")]


def checkov_command() -> list[str]:
    exe = Path(sys.executable).parent / "checkov"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "checkov.main"]


# --- the wrapper: one measured command per process ---------------------------------------------


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], stdout_path: str | None) -> dict:
    """Run `cmd` as this process's only child; wall time, peak RSS, sampled tree PSS peak."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, sum(_pss_kib(p) for p in _descendants(proc.pid)))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    if stdout_path:
        out.close()
    return {
        "wall": wall,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "tree_pss_mib": peak_tree / 1024,
        "exit": proc.returncode,
        "stderr": err.decode("utf-8", "replace")[-2000:],
    }


def run_measured(cmd: list[str], stdout_path: str | None = None) -> dict:
    wrapper = [sys.executable, str(Path(__file__).resolve()), "--measure", "--stdout", stdout_path or "", "--", *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"measuring {cmd[0]} failed: {proc.stderr}")
    return json.loads(proc.stdout)


# --- findings comparison -----------------------------------------------------------------------


def checkov_failures(path: Path) -> dict[str, set[tuple]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    reports = data if isinstance(data, list) else [data]
    out: dict[str, set[tuple]] = collections.defaultdict(set)
    for rep in reports:
        for rec in (rep.get("results") or {}).get("failed_checks", []):
            out[rec["check_id"]].add((rec["file_path"].lstrip("/"), rec["file_line_range"][0], rec["resource"]))
    return out


def lgai_findings(path: Path) -> tuple[dict[str, set[tuple]], collections.Counter]:
    report = json.loads(path.read_text(encoding="utf-8"))
    by_check: dict[str, set[tuple]] = collections.defaultdict(set)
    own: collections.Counter = collections.Counter()
    for result in report["results"]:
        for f in result.get("findings") or []:
            if f.get("check_id"):
                by_check[f["check_id"]].add((f["file"], f["line"], f["field"]))
            else:
                own[result["id"]] += 1
    return by_check, own


def compare(mapped: dict, ckv: dict[str, set[tuple]], lgai: dict[str, set[tuple]], own: collections.Counter) -> None:
    builtin = sorted(c for c in mapped if not c.startswith("CKV_LGAI_"))
    equal, differ = [], []
    print("\nfailed results per mapped checkov check (checkov -d vs lgai):")
    for cid in builtin:
        a, b = len(ckv.get(cid, ())), len(lgai.get(cid, ()))
        if a or b:
            (equal if a == b else differ).append(cid)
            mark = "=" if a == b else "DIFFERENT"
            print(f"  {cid:<14} {a:>5} {b:>5}  {mark}  {', '.join(mapped[cid]['requirements'])}")
    silent = [c for c in builtin if c not in equal and c not in differ]
    print(f"  {len(equal)} checks with failures agree, {len(differ)} differ"
          + (f" ({', '.join(differ)})" if differ else "") + f"; {len(silent)} mapped checks found nothing in this corpus")
    total_ckv = sum(len(v) for v in ckv.values())
    mapped_ckv = sum(len(ckv.get(c, ())) for c in builtin)
    print(f"  checkov -d reported {total_ckv} failed results from {len(ckv)} checks; {mapped_ckv} of them from "
          f"{len([c for c in builtin if ckv.get(c)])} mapped checks (the rest evidence no lgai requirement)")
    custom = {c: len(v) for c, v in sorted(lgai.items()) if c.startswith("CKV_LGAI_")}
    print("lgai's own findings (not in checkov -d):")
    print("  CKV_LGAI_* checks: " + (", ".join(f"{c} {n}" for c, n in custom.items()) or "none"))
    print("  Rego rules: " + (", ".join(f"{r} {n}" for r, n in sorted(own.items())) or "none"))


# --- main --------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resources", type=int, default=4000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="write the corpus and both reports here instead of a temp dir")
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--stdout", help=argparse.SUPPRESS)
    ap.add_argument("cmd", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        print(json.dumps(measure(cmd, args.stdout or None)))
        return

    import yaml

    mapped = yaml.safe_load((ROOT / "rules" / "checkov_map.yaml").read_text(encoding="utf-8"))["checks"]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / "corpus"
        n = generate(corpus, args.resources)
        files = sorted(corpus.glob("*.tf"))
        size = sum(p.stat().st_size for p in files) / 1e6
        print(f"synthetic Terraform corpus: {n} resources in {len(files)} files, {size:.1f} MB (AWS, Azure, Google Cloud)")
        lgai_report, ckv_report = work / "lgai.json", work / "checkov.json"
        lgai_cmd = lgai_command() + ["check", str(corpus), "--format", "json", "-o", str(lgai_report), "--as-of", "2026-11-25"]
        ckv_cmd = checkov_command() + ["-d", str(corpus), "-o", "json", "--quiet", "--compact"]
        runs: dict[str, list[dict]] = {"lgai": [], "checkov": []}
        for _ in range(args.repeat):
            r = run_measured(lgai_cmd)
            if r["exit"] not in (0, 1):
                raise SystemExit(f"lgai check failed (exit {r['exit']}): {r['stderr']}")
            runs["lgai"].append(r)
            r = run_measured(ckv_cmd, str(ckv_report))
            if r["exit"] not in (0, 1):
                raise SystemExit(f"checkov failed (exit {r['exit']}): {r['stderr']}")
            runs["checkov"].append(r)
        summary = {}
        for name, rs in runs.items():
            walls = [r["wall"] for r in rs]
            summary[name] = (statistics.median(walls), max(r["maxrss_mib"] for r in rs), max(r["tree_pss_mib"] for r in rs))
            spread = f" (min {min(walls):.1f} s, max {max(walls):.1f} s)" if len(rs) > 1 else ""
            print(f"{name + ':':<9} wall median {summary[name][0]:6.1f} s{spread}, n={len(rs)}; "
                  f"peak RSS {summary[name][1]:5.0f} MiB (largest process); tree PSS peak {summary[name][2]:5.0f} MiB (sampled); "
                  f"exit {rs[-1]['exit']}")
        (lw, lm, lp), (cw, cm, cp) = summary["lgai"], summary["checkov"]
        print(f"lgai / checkov: wall {lw / cw:.2f}, peak RSS {lm / cm:.2f}, tree PSS {lp / cp:.2f}")
        by_check, own = lgai_findings(lgai_report)
        compare(mapped, checkov_failures(ckv_report), by_check, own)


if __name__ == "__main__":
    main()
