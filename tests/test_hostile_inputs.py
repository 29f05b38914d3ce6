"""Hostile and bad input: the corpus under tests/hostile/, each case run through the real CLI.

Every case asserts its exit code, what stderr says (file, line, what is wrong, how to fix it), what
it must not say (a traceback, a secret, the content of a file it must not read), and that the run
stays within a time limit and a peak-memory bound measured on the lgai process itself
(`os.wait4` returns the child's own resource usage). tests/test_inputs.py holds the earlier
bad-input tests; docs/security.md lists both.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SERVICES

HOSTILE = Path(__file__).resolve().parent / "hostile"
ALL_CASES = sorted(p.name for p in HOSTILE.iterdir() if (p / "expect.yaml").is_file())
DEFAULT_SECONDS = 60
DEFAULT_RSS_MB = 300


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def lgai_command() -> list[str]:
    """The command conftest.run_lgai runs: the installed `lgai`, else cli.py."""
    lgai = Path(sys.executable).parent / "lgai"
    return [str(lgai)] if lgai.exists() else [sys.executable, str(ROOT / "cli.py")]


# Peak memory is read with os.wait4, which returns one child's own resource usage. Linux carries a
# process's peak RSS across fork and exec, so a child of this (large) pytest process would report at
# least pytest's size: lgai is therefore started by a small launcher, and measured by it.
LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen does not wait again
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss))
sys.exit(proc.returncode if proc.returncode >= 0 else 128 - proc.returncode)
"""


def run_measured(*args: str, timeout: float = 300, cwd: Path | None = None) -> Run:
    """Run `lgai` like conftest.run_lgai, and also measure its wall time and peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(rss_file), *lgai_command(), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=cwd, start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the launcher and lgai
            out, err = proc.communicate()
            raise AssertionError(f"lgai {' '.join(args)} still running after {timeout} s") from None
        seconds = time.monotonic() - start
        rss_kb = int(rss_file.read_text()) if rss_file.exists() else 0
        return Run(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds, rss_kb / 1024)


# --------------------------------------------------------------------------------------------
# generators: inputs too large or too repetitive to commit


def billion_laughs() -> str:
    """The classic: nine levels of ten aliases each, 10^9 strings once expanded."""
    lines = ["schema_version: 1", 'lol0: &l0 "lol"']
    for i in range(1, 10):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def wide_aliases() -> str:
    """No anchor reused more than 999 times, yet 1,000,000 values once expanded."""
    return "a: &a [" + ", ".join(["x"] * 999) + "]\nb: [" + ", ".join(["*a"] * 999) + "]\n"


def many_values() -> str:
    """About 19 MB, under the file-size limit, holding 9.5 million values in one flow sequence."""
    return "schema_version: 1\nflows: [" + ",".join(["1"] * 9_500_000) + "]\n"


def deep_block_nesting() -> str:
    """100 levels of block mappings: under libyaml's own limit, over lgai's."""
    return "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "v: 1\n"


def iac_alias_bomb_cfn() -> str:
    lines = ['AWSTemplateFormatVersion: "2010-09-09"', "Metadata:", '  a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"  a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines += ["Resources:", "  Docs:", "    Type: AWS::S3::Bucket", "    Properties:", "      BucketName: city-docs"]
    return "\n".join(lines) + "\n"


def iac_alias_bomb_k8s() -> str:
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: settings", "  namespace: ai", "data:"]
    lines += ['  a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"  a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def deep_plan_json() -> str:
    return '{"format_version": "1.2", "terraform_version": "1.9.8", "planned_values": ' + "[" * 100_000 + "]" * 100_000 + "}\n"


FIVE_MB = 5 * 1024 * 1024

GENERATORS = {
    "billion_laughs": billion_laughs,
    "wide_aliases": wide_aliases,
    "many_values": many_values,
    "deep_block_nesting": deep_block_nesting,
    "iac_alias_bomb_cfn": iac_alias_bomb_cfn,
    "iac_alias_bomb_k8s": iac_alias_bomb_k8s,
    "deep_plan_json": deep_plan_json,
}


# --------------------------------------------------------------------------------------------
# make steps


def _encode(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    text = path.read_text(encoding="utf-8")
    if step.get("crlf"):
        text = text.replace("\n", "\r\n")
    raw = text.encode(step.get("encoding", "utf-8"), errors="replace")
    if step.get("bom"):
        raw = b"\xef\xbb\xbf" + raw
    path.write_bytes(raw)


def _bytes(svc: Path, outside: Path, step: dict) -> None:
    (svc / step["path"]).write_bytes(bytes.fromhex(step["hex"]))


def _pad(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    filler = " " if path.suffix == ".json" else "#"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n" + filler * step["size"] + "\n")


def _link_outside(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    outside.mkdir(exist_ok=True)
    moved = outside / path.name
    shutil.move(str(path), moved)
    os.symlink(moved, path)


def _link(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    os.symlink(step["target"], path)


def _dangling(svc: Path, outside: Path, step: dict) -> None:
    _link(svc, outside, {"path": step["path"], "target": str(svc / "no-such-file.yaml")})


def _fifo(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _mkdir(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    path.unlink(missing_ok=True)
    path.mkdir()


def _generate(svc: Path, outside: Path, step: dict) -> None:
    path = svc / step["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GENERATORS[step["generator"]](), encoding="utf-8")


def _long_value(svc: Path, outside: Path, step: dict) -> None:
    """Replace the value on the line holding `key` with a string of `size` characters."""
    path = svc / step["path"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip().startswith(step["key"] + ":"):
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = f"{indent}{step['key']}: {step.get('char', 'x') * step['size']}\n"
            break
    else:
        raise AssertionError(f"{step['key']} not in {path}")
    path.write_text("".join(lines), encoding="utf-8")


MAKERS = {
    "encode": _encode,
    "bytes": _bytes,
    "pad": _pad,
    "link_outside": _link_outside,
    "link": _link,
    "dangling": _dangling,
    "fifo": _fifo,
    "mkdir": _mkdir,
    "generate": _generate,
    "long_value": _long_value,
}


def load_case(name: str) -> dict:
    return yaml.safe_load((HOSTILE / name / "expect.yaml").read_text(encoding="utf-8"))


CASES = [name for name in ALL_CASES if load_case(name).get("corpus", True)]  # others have their own test


def build(name: str, tmp: Path, clean: bool = False) -> Path:
    """The checked directory of a case under tmp/svc (tmp/outside is outside it)."""
    spec = load_case(name)
    svc = tmp / "svc"
    if spec.get("base"):
        shutil.copytree(SERVICES / spec["base"], svc)
        (svc / "expected.yaml").unlink(missing_ok=True)
    else:
        svc.mkdir(parents=True)
    for dst, src in (spec.get("files_from") or {}).items():  # a repository file, not copied into the corpus
        shutil.copyfile(ROOT / src, svc / dst)
    case_dir = HOSTILE / name
    for f in sorted(case_dir.rglob("*")):
        if f.is_file() and f.name != "expect.yaml":
            dst = svc / f.relative_to(case_dir)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst)
    for rel in spec.get("remove", []):
        (svc / rel).unlink()
    for e in spec.get("edit", []):
        path = svc / e["file"]
        text = path.read_text(encoding="utf-8")
        assert e["old"] in text, f"{name}: {e['old']!r} not in {e['file']}"
        path.write_text(text.replace(e["old"], e["new"], 1), encoding="utf-8")
    for step in spec.get("make", []):
        if clean and step["kind"] == "encode":
            continue
        MAKERS[step["kind"]](svc, tmp / "outside", step)
    return svc


def check_args(spec: dict, svc: Path) -> list[str]:
    args = [a.replace("{dir}", str(svc)) for a in spec.get("args", [])]
    if spec["exit"] in (0, 1) and "--format" not in args:
        args += ["--format", "json"]
    return ["check", str(svc), *args]


def outcome(report: dict) -> dict:
    """What must not change when only the encoding or line endings of an input change."""
    return {
        "verdict": report["verdict"],
        "results": [
            (r["id"], r["status"], [(f["file"], f["line"], f["field"], f["message"]["en"]) for f in r["findings"]]) for r in report["results"]
        ],
    }


@pytest.mark.parametrize("name", CASES)
def test_hostile_case(name, tmp_path):
    spec = load_case(name)
    svc = build(name, tmp_path)
    seconds = spec.get("seconds", DEFAULT_SECONDS)
    run = run_measured(*check_args(spec, svc), timeout=max(seconds * 3, 120))
    where = f"{name}: exit {run.returncode}, {run.seconds:.1f} s, {run.max_rss_mb:.0f} MB\n{run.stderr[:3000]}"
    assert run.returncode == spec["exit"], where
    assert "Traceback" not in run.stderr, where
    for text in spec.get("stderr", []):
        assert text.replace("{dir}", str(svc)) in run.stderr, f"{where}\nmissing: {text}"
    for text in spec.get("stderr_not", []):
        assert text not in run.stderr and text not in run.stdout, f"{where}\nmust not contain: {text}"
    assert run.seconds <= seconds, f"{where}\ntook longer than {seconds} s"
    assert run.max_rss_mb <= spec.get("max_rss_mb", DEFAULT_RSS_MB), where
    if spec["exit"] == 2:
        assert run.stdout == "", where  # no report when the inputs cannot be judged
        assert len(run.stderr) < 100_000, f"{name}: {len(run.stderr)} characters on stderr"
        return
    report = json.loads(run.stdout)
    if "verdict" in spec:
        assert report["verdict"] == spec["verdict"], where
    statuses = {r["id"]: r["status"] for r in report["results"]}
    for rule_id, status in (spec.get("results") or {}).items():
        assert statuses.get(rule_id) == status, f"{name}: {rule_id} is {statuses.get(rule_id)}, expected {status}"
    if spec.get("same_as_clean"):
        clean = run_measured(*check_args(spec, build(name, tmp_path / "clean", clean=True)))
        assert clean.returncode == run.returncode, clean.stderr
        assert outcome(report) == outcome(json.loads(clean.stdout))


def test_every_case_is_described():
    """A case without its `about` line or with an unknown make step is a corpus bug."""
    for name in ALL_CASES:
        spec = load_case(name)
        assert spec.get("about"), name
        assert spec.get("exit") in (0, 1, 2), name
        for step in spec.get("make", []):
            assert step["kind"] in MAKERS, f"{name}: unknown make step {step['kind']}"
            if step["kind"] == "generate":
                assert step["generator"] in GENERATORS, name


# --------------------------------------------------------------------------------------------
# cases that need more than the corpus format


def test_yaml_tags_never_execute_anything(tmp_path):
    """A Python object tag in any input is refused, and nothing it names runs."""
    marker = tmp_path / "pwned"
    svc = build("lgai-python-object-tag", tmp_path)
    decl = svc / "lgai.yaml"
    decl.write_text(
        decl.read_text(encoding="utf-8").replace("{marker}", str(marker)),
        encoding="utf-8",
    )
    run = run_measured("check", str(svc))
    assert run.returncode == 2, run.stderr
    assert "unsupported YAML tag" in run.stderr or "could not determine a constructor" in run.stderr, run.stderr
    assert not marker.exists()


def _masking_is_linear() -> bool:
    from checker.secrets import mask_text

    start = time.monotonic()
    mask_text("x" * 30_000)  # linear: a few ms; quadratic: about a second
    return time.monotonic() - start < 0.25


def test_five_megabyte_statement_is_judged_in_bounded_time(tmp_path):
    """5 MB in one free-text field that reaches the report (an attestation statement, which is
    masked for secrets): the check still finishes, quickly, with the same verdict."""
    if not _masking_is_linear():
        pytest.xfail("checker/secrets.py: the URL-credential and JWT patterns take quadratic time on long runs of letters")
    svc = build("lgai-five-megabyte-statement", tmp_path)
    run = run_measured("check", str(svc), "--as-of", "2026-11-25", "--format", "json", timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.seconds < 60 and run.max_rss_mb < 600, (run.seconds, run.max_rss_mb)
    report = json.loads(run.stdout)
    assert report["verdict"] == "conditionally_compliant"


def test_unresolved_terraform_variable_is_not_fatal(tmp_path):
    """A variable without a default: the run is judged (exit 0/1, never 2); the value stays unknown
    (null) in the facts rules read, and the region the template does not show needs an attestation."""
    svc = build("tf-unresolved-variable", tmp_path)
    run = run_measured("check", str(svc), "--as-of", "2026-11-25", "--format", "json")
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)
    assert report["verdict"] != "not_determinable"
    statuses = {r["id"]: r["status"] for r in report["results"]}
    assert statuses["LGAI-IAC-015"] == "needs_attestation"
    facts = subprocess.run(lgai_command() + ["iac", "facts", str(svc), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert facts.returncode == 0, facts.stderr
    ledger = next(r for r in json.loads(facts.stdout)["resources"] if r["address"] == "aws_db_instance.ledger")
    assert ledger["encryption"]["at_rest"] is None  # unknown, not a guess


@pytest.mark.xfail(
    strict=True,
    reason="rules/policies/iac_001.rego denies at_rest == false only: an unknown (null) at_rest passes instead of needing an attestation",
)
def test_unresolved_encryption_needs_an_attestation(tmp_path):
    svc = build("tf-unresolved-variable", tmp_path)
    run = run_measured("check", str(svc), "--as-of", "2026-11-25", "--format", "json")
    statuses = {r["id"]: r["status"] for r in json.loads(run.stdout)["results"]}
    assert statuses["LGAI-IAC-001"] == "needs_attestation"


# --------------------------------------------------------------------------------------------
# the trust model: nothing in the inputs runs, nothing goes over the network

AUDITED = """
import atexit, json, sys
events = []
WATCH = {{"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "http.client.connect", "urllib.Request",
         "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "pty.spawn"}}
def hook(event, args):
    if event in WATCH:
        events.append([event, repr(args)[:500]])
sys.addaudithook(hook)  # CPython's audit events: every socket connect and process start passes here
sys.path.insert(0, {root!r})
atexit.register(lambda: open({events!r}, "w").write(json.dumps(events)))
from cli import main
sys.argv = ["lgai"] + {args!r}
main()
"""

HOSTILE_TERRAFORM = """\
module "remote_store" {{
  source = "git::https://example.invalid/city/modules.git//storage?ref=v1.0.0"
}}

module "registry_store" {{
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
}}

resource "null_resource" "bootstrap" {{
  provisioner "local-exec" {{
    command = "touch {marker}-local-exec"
  }}
}}

data "external" "whoami" {{
  program = ["sh", "-c", "touch {marker}-external; echo '{{}}'"]
}}

resource "aws_s3_bucket" "docs" {{
  bucket = "city-docs"
}}
"""


def test_checking_runs_nothing_from_the_inputs_and_opens_no_connection(tmp_path):
    """A service whose Terraform has remote modules (git and registry), a local-exec provisioner and
    an `external` data source: lgai judges it without downloading a module, without opening any
    network connection, and without running any of it. Every socket connection and process start
    of the lgai process is recorded through CPython's audit hooks."""
    svc = tmp_path / "svc"
    shutil.copytree(SERVICES / "aerial-photo-govcloud", svc)
    (svc / "expected.yaml").unlink()
    marker = tmp_path / "pwned"
    (svc / "infra").mkdir()
    (svc / "infra" / "main.tf").write_text(HOSTILE_TERRAFORM.format(marker=marker), encoding="utf-8")
    events_file = tmp_path / "events.json"
    args = ["check", str(svc), "--as-of", "2026-11-25", "--format", "json", "-o", str(tmp_path / "report.json")]
    code = AUDITED.format(root=str(ROOT), events=str(events_file), args=args)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr  # judged
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["iac"]["resources"] >= 1
    events = json.loads(events_file.read_text(encoding="utf-8"))
    assert [e for e in events if not e[0].startswith(("subprocess", "os.", "pty."))] == [], "network use"
    # The one process started is GitPython's `git version`, run when checkov imports it: fixed
    # arguments, nothing from the inputs.
    for name, args_repr in events:
        assert "['git', 'version']" in args_repr, (name, args_repr)
    assert not list(tmp_path.glob("pwned*"))


def test_python_in_the_checked_directory_is_never_imported(tmp_path):
    """Python rules come from the built-in pack and from directories the user names with
    --rules-dir, never from the directory being checked: rule-like files, a checkov config pointing
    at "external checks", and custom-check directories in the vendor's tree are ignored."""
    svc = tmp_path / "svc"
    shutil.copytree(SERVICES / "aerial-photo-govcloud", svc)
    (svc / "expected.yaml").unlink()
    marker = tmp_path / "imported"
    payload = f"open({str(marker)!r}, 'a').write(__file__ + '\\n')\n"
    for rel in ("rules/city_gov_001.py", "rules/python/evil.py", "checkov/terraform/evil.py", "evil_checks/evil.py",
                "lgai_rules.py", "sitecustomize.py", "conftest.py"):
        (svc / rel).parent.mkdir(parents=True, exist_ok=True)
        (svc / rel).write_text(payload, encoding="utf-8")
    (svc / ".checkov.yaml").write_text(f"external-checks-dir:\n  - {svc / 'evil_checks'}\n", encoding="utf-8")
    (svc / "infra").mkdir()
    (svc / "infra" / "main.tf").write_text('resource "aws_s3_bucket" "docs" {\n  bucket = "city-docs"\n}\n', encoding="utf-8")
    run = run_measured("check", ".", "--as-of", "2026-11-25", cwd=svc)  # from inside the vendor's tree
    assert run.returncode in (0, 1), run.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")
