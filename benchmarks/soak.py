"""Soak: check a few thousand generated services, valid and invalid mixed, in ONE process with
ONE Checker, and report failures, verdicts, peak memory and memory growth.

    python benchmarks/soak.py [--services 2000] [--seed 1] [--sample-every 25] [--keep-failures DIR]

Each service is written to its own directory (so caches keyed by path would show), checked,
rendered in every available format (alternating ja/en), and deleted. The mix:

    valid      a small synthetic service (benchmarks/synthetic_service.py), 1-20 components
    mutated    a valid service (synthetic or bundled) after 1-4 random mutations: keys deleted,
               types changed, unknown and duplicate keys, random ids and references, huge
               numbers, unicode, files cut short, random bytes
    fixture    a bundled example (with its IaC), some values changed but still valid
    iac        an IaC-only directory: random Terraform (valid HCL with random values)
    service+iac  a valid synthetic service with a random Terraform directory

An InputError is an expected outcome; any other exception is a failure. The resident set size
(RSS) is sampled after a garbage collection every --sample-every services; the growth is the
mean of the last quarter of samples minus the mean of the first, and the slope is fitted on all samples.
A warm-up before the first sample checks three bundled examples (importing checkov, loading
every format's templates), so that what is measured is the steady state. Exit code 1 when
a service failed or memory grew by more than --max-growth-mib.
"""

from __future__ import annotations

import argparse
import collections
import copy
import datetime as dt
import gc
import importlib.util
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_service import generate  # noqa: E402

from checker.errors import InputError  # noqa: E402
from checker.formats import FORMATS, _RENDERERS, render  # noqa: E402
from checker.run import CheckOptions, Checker  # noqa: E402

FIXTURES = [ROOT / "rules/testing/base_service"] + sorted(p for p in (ROOT / "fixtures/services").iterdir() if (p / "lgai.yaml").is_file())
ID_KEYS = ("id", "provider", "component", "asset", "requirement", "exception_id")
WEIRD_STRINGS = ["", " ", "機密性3", "2027-02-30", "latest", "\u202e", "x" * 5000, "password=hunter2", "AKIAIOSFODNN7EXAMPLE", "{{7*7}}", "<script>", "../../etc/passwd", "\x85"]
HUGE = [10**18, 10**30, -1, 2**63, 10**400, 1.5e308, float("inf"), float("nan")]


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- generators ------------------------------------------------------------------------------


def _paths(node, prefix=()):
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, prefix + (i,))
    return out


def _get(node, path):
    for p in path:
        node = node[p]
    return node


def random_value(rng: random.Random):
    kind = rng.randrange(8)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice(HUGE + [rng.randint(-(10**9), 10**9)])
    if kind == 3:
        return rng.choice(WEIRD_STRINGS)
    if kind == 4:
        return "".join(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0x2FFF), rng.randint(0x3000, 0x9FFF), rng.randint(0x10000, 0x10FFFF)])) for _ in range(rng.randint(1, 20)))
    if kind == 5:
        return [random_value(rng) for _ in range(rng.randint(0, 3))] if rng.random() < 0.7 else []
    if kind == 6:
        return {rng.choice(["a", "id", "x", "値"]): rng.choice([None, 1, "s"])}
    return dt.date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28))


def mutate(data, rng: random.Random):
    """One random mutation of a YAML document (as Python values); returns the new document."""
    paths = _paths(data)
    if len(paths) == 1:
        return random_value(rng)
    op = rng.choice(["delete", "retype", "unknown_key", "id", "huge", "unicode", "copy_item", "empty_list"])
    inner = [p for p in paths if p]
    if op == "delete":
        p = rng.choice(inner)
        del _get(data, p[:-1])[p[-1]]
    elif op == "retype":
        p = rng.choice(inner)
        _get(data, p[:-1])[p[-1]] = random_value(rng)
    elif op == "unknown_key":
        dicts = [p for p in paths if isinstance(_get(data, p), dict)]
        if dicts:
            _get(data, rng.choice(dicts))[rng.choice(["regoin", "x", "値", "id ", "extra"])] = random_value(rng)
    elif op == "id":
        refs = [p for p in inner if p[-1] in ID_KEYS]
        ids = [_get(data, p) for p in refs if isinstance(_get(data, p), str)] or ["x"]
        if refs:
            p = rng.choice(refs)
            _get(data, p[:-1])[p[-1]] = rng.choice(ids + WEIRD_STRINGS)
    elif op == "huge":
        nums = [p for p in inner if isinstance(_get(data, p), int) and not isinstance(_get(data, p), bool)]
        if nums:
            p = rng.choice(nums)
            _get(data, p[:-1])[p[-1]] = rng.choice(HUGE)
    elif op == "unicode":
        strs = [p for p in inner if isinstance(_get(data, p), str)]
        if strs:
            p = rng.choice(strs)
            _get(data, p[:-1])[p[-1]] = random_value(rng) if rng.random() < 0.3 else "".join(chr(rng.randint(0x3040, 0x30FF)) for _ in range(8))
    elif op == "copy_item":
        lists = [p for p in paths if isinstance(_get(data, p), list) and _get(data, p)]
        if lists:
            items = _get(data, rng.choice(lists))
            items.append(copy.deepcopy(rng.choice(items)))
    elif op == "empty_list":
        lists = [p for p in inner if isinstance(_get(data, p), list)]
        if lists:
            p = rng.choice(lists)
            _get(data, p[:-1])[p[-1]] = []
    return data


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def corrupt_text(text: str, rng: random.Random) -> bytes:
    """Text-level damage: a duplicate key, a cut, stray YAML syntax, another encoding, bytes."""
    kind = rng.randrange(6)
    if kind == 0:
        lines = text.split("\n")
        keyed = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("-")]
        if keyed:
            i = rng.choice(keyed)
            lines.insert(i + 1, lines[i])
        return "\n".join(lines).encode()
    if kind == 1:
        return text[: rng.randrange(len(text) + 1)].encode()
    if kind == 2:
        at = rng.randrange(len(text) + 1)
        return (text[:at] + rng.choice([": [", "&a ", "*nope", "!!python/object:os.system ", "\t", "'", "<<: *a", "!!binary x"]) + text[at:]).encode()
    if kind == 3:
        return text.encode("shift_jis", errors="replace")
    if kind == 4:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    bomb = "a: &a [" + ",".join(["lol"] * 30) + "]\n" + "".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 30) + "]\n" for p, c in zip("abcdefg", "bcdefgh"))
    return bomb.encode()


RESOURCES = {
    "aws_s3_bucket": ["bucket", "acl", "force_destroy"],
    "aws_db_instance": ["engine", "storage_encrypted", "publicly_accessible", "backup_retention_period", "kms_key_id"],
    "aws_security_group": ["name", "description"],
    "aws_kms_key": ["enable_key_rotation", "deletion_window_in_days"],
    "aws_cloudwatch_log_group": ["name", "retention_in_days"],
    "azurerm_storage_account": ["name", "location", "min_tls_version", "public_network_access_enabled"],
    "azurerm_cognitive_account": ["name", "location", "kind", "public_network_access_enabled"],
    "google_storage_bucket": ["name", "location", "uniform_bucket_level_access"],
}


def hcl_value(rng: random.Random, depth: int = 0) -> str:
    kind = rng.randrange(7 if depth < 2 else 5)
    if kind == 0:
        s = random_value(rng)
        s = s if isinstance(s, str) else str(s)
        s = "".join(c if 0x20 <= ord(c) != 0x7F else f"\\u{ord(c):04x}" for c in s[:50])
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${").replace("%{", "%%{") + '"'
    if kind == 1:
        return str(rng.choice([0, 1, -1, 30, 400, 10**20, rng.randint(-(10**6), 10**6)]))
    if kind == 2:
        return rng.choice(["true", "false", "null"])
    if kind == 3:
        return rng.choice(['"ap-northeast-1"', '"us-east-1"', '"japaneast"', '"0.0.0.0/0"', '"public-read"', '"TLS1_0"', '"aws:kms"'])
    if kind == 4:
        return rng.choice(["var.undeclared", "local.missing", "aws_kms_key.k.arn", "module.m.out", 'lookup(var.m, "k", "d")'])
    if kind == 5:
        return "[" + ", ".join(hcl_value(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    return "{ " + ", ".join(f"k{i} = {hcl_value(rng, depth + 1)}" for i in range(rng.randint(0, 3))) + " }"


def terraform(rng: random.Random) -> str:
    blocks = []
    if rng.random() < 0.5:
        blocks.append(f'provider "aws" {{\n  region = {hcl_value(rng)}\n}}')
    for i in range(rng.randint(1, 5)):
        rtype = rng.choice(sorted(RESOURCES))
        attrs = rng.sample(RESOURCES[rtype], rng.randint(0, len(RESOURCES[rtype])))
        if rtype == "aws_security_group" and rng.random() < 0.5:
            attrs_text = f"  ingress {{\n    from_port = {hcl_value(rng)}\n    to_port = 22\n    protocol = \"tcp\"\n    cidr_blocks = {hcl_value(rng)}\n  }}\n"
        else:
            attrs_text = ""
        blocks.append(f'resource "{rtype}" "r{i}" {{\n' + "".join(f"  {a} = {hcl_value(rng)}\n" for a in attrs) + attrs_text + "}")
    text = "\n\n".join(blocks) + "\n"
    if rng.random() < 0.05:
        text = text[: rng.randrange(len(text) + 1)]
    return text


def generate_valid(root: Path, components: int, flows: int, seed: int) -> Path:
    """synthetic_service.generate, minus the flows it may draw from a component to itself
    (which lgai rejects): those go back to the LGWAN segment instead."""
    generate(root, components, flows, seed=seed)
    path = root / "dataflows.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    changed = False
    for flow in data["flows"]:
        if flow["from"].get("component") is not None and flow["from"] == flow["to"]:
            flow["to"] = {"segment": "lgwan"}
            changed = True
    if changed:
        path.write_text(dump(data), encoding="utf-8")
    return root


def make_service(root: Path, rng: random.Random) -> str:
    """Write one service (or IaC directory) under `root`; return its kind."""
    kind = rng.choices(["valid", "mutated", "fixture", "iac", "service+iac"], weights=[30, 40, 10, 10, 10])[0]
    if kind == "iac":
        root.mkdir(parents=True)
        (root / "main.tf").write_text(terraform(rng), encoding="utf-8")
        return kind
    if kind == "fixture":
        base = rng.choice(FIXTURES)
        shutil.copytree(base, root, ignore=shutil.ignore_patterns("expected.yaml"))
        decl = yaml.safe_load((root / "lgai.yaml").read_text(encoding="utf-8"))
        decl["service"]["name"] = "".join(chr(rng.randint(0x3041, 0x3093)) for _ in range(rng.randint(1, 30)))
        (root / "lgai.yaml").write_text(dump(decl), encoding="utf-8")
        return kind
    generate_valid(root, rng.randint(1, 20), rng.randint(1, 40), seed=rng.randrange(10**9))
    if kind == "service+iac":
        (root / "terraform").mkdir()
        (root / "terraform" / "main.tf").write_text(terraform(rng), encoding="utf-8")
    if kind == "mutated":
        if rng.random() < 0.2:  # mutate a bundled example instead of a synthetic one
            shutil.rmtree(root)
            shutil.copytree(rng.choice(FIXTURES), root, ignore=shutil.ignore_patterns("expected.yaml"))
        name = rng.choice(["lgai.yaml", "dataflows.yaml"])
        path = root / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for _ in range(rng.randint(1, 4)):
            data = mutate(data, rng)
        try:
            text = dump(data)
        except (ValueError, OverflowError):  # a value PyYAML cannot write: damage the text instead
            text = path.read_text(encoding="utf-8")
        path.write_bytes(corrupt_text(text, rng) if rng.random() < 0.25 else text.encode("utf-8"))
    return kind


# --- the run ---------------------------------------------------------------------------------


def linear_slope(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--services", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample-every", type=int, default=25, help="sample RSS every N services")
    ap.add_argument("--max-growth-mib", type=float, default=25.0, help="fail when RSS grows more than this (last quarter vs first)")
    ap.add_argument("--keep-failures", type=Path, help="copy the inputs of every failing service here")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    formats = [f for f in FORMATS if importlib.util.find_spec(f"checker.formats.{_RENDERERS[f][0]}") is not None]
    started = time.perf_counter()
    checker = Checker(CheckOptions(as_of=dt.date(2026, 11, 25)))
    # warm-up, not measured: the first IaC check imports checkov (~100 MiB), the first render of
    # each format loads its templates
    for warm in (ROOT / "fixtures/services/ai-ocr-lgwan-asp", ROOT / "fixtures/iac/k8s-ai-gateway-violations", ROOT / "fixtures/iac/cfn-bedrock-rag-violations"):
        for fmt in formats:
            render(checker.check(warm), fmt, "ja")
    gc.collect()
    setup = time.perf_counter() - started
    outcomes: collections.Counter = collections.Counter()
    verdicts: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    failures: list[tuple[int, str, str]] = []
    samples: list[tuple[int, float]] = [(0, rss_mib())]
    slowest = (0.0, -1, "")
    print(f"soak: {args.services} services, seed {args.seed}, formats {', '.join(formats)}; setup {setup:.1f}s, RSS {samples[0][1]:.0f} MiB", flush=True)
    with tempfile.TemporaryDirectory(prefix="lgai-soak-") as tmp:
        for i in range(args.services):
            root = Path(tmp) / f"s{i:05d}" / rng.choice(["svc", "サービス", "iac dir"])
            kind = make_service(root, rng)
            kinds[kind] += 1
            t0 = time.perf_counter()
            try:
                report = checker.check(root)
                for fmt in formats:
                    render(report, fmt, "ja" if i % 2 else "en")
            except InputError as exc:
                outcomes["input_error"] += 1
                if not exc.problems or any(not p.file or not p.message for p in exc.problems):
                    failures.append((i, kind, f"InputError without a located problem: {exc.problems!r}"[:300]))
            except Exception as exc:  # noqa: BLE001 - the soak counts every crash
                outcomes["failure"] += 1
                tb = traceback.format_exc().strip().splitlines()
                failures.append((i, kind, f"{type(exc).__name__}: {exc}"[:300] + f" [{tb[-3].strip() if len(tb) > 2 else ''}]"))
                if args.keep_failures:
                    shutil.copytree(root, args.keep_failures / f"s{i:05d}-{kind}", dirs_exist_ok=True)
            else:
                outcomes["report"] += 1
                verdicts[report.verdict] += 1
            took = time.perf_counter() - t0
            if took > slowest[0]:
                slowest = (took, i, kind)
            shutil.rmtree(root.parent, ignore_errors=True)
            if (i + 1) % args.sample_every == 0:
                gc.collect()
                samples.append((i + 1, rss_mib()))
            if (i + 1) % 250 == 0:
                print(f"  {i + 1:5d} services  {time.perf_counter() - started:6.0f}s  RSS {samples[-1][1]:6.1f} MiB  "
                      f"{dict(outcomes)}", flush=True)
    wall = time.perf_counter() - started

    q = max(1, len(samples) // 4)
    first_q = sum(r for _, r in samples[:q]) / q
    last_q = sum(r for _, r in samples[-q:]) / q
    slope = linear_slope([n for n, _ in samples], [r for _, r in samples]) * 1000
    growth = last_q - first_q
    print()
    print(f"services      {args.services} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"outcomes      {', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))}")
    print(f"verdicts      {', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))}")
    print(f"failures      {len(failures)}")
    for i, kind, what in failures[:20]:
        print(f"  #{i} ({kind}): {what}")
    print(f"wall time     {wall:.1f}s (setup {setup:.1f}s, {1000 * (wall - setup) / max(1, args.services):.0f} ms per service; slowest #{slowest[1]} {slowest[2]} {slowest[0]:.2f}s)")
    print(f"peak RSS      {peak_rss_mib():.1f} MiB")
    print(f"RSS samples   {len(samples)} (every {args.sample_every} services, after gc): start {samples[0][1]:.1f}, "
          f"first quarter mean {first_q:.1f}, last quarter mean {last_q:.1f}, end {samples[-1][1]:.1f} MiB")
    print(f"RSS growth    {growth:+.1f} MiB (last quarter - first quarter); slope {slope:+.2f} MiB per 1000 services")
    ok = not failures and growth <= args.max_growth_mib
    print("result        " + ("OK" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
