"""Determinism: the same inputs give byte-identical reports, apart from the timestamp, in every
format and both languages — across Checker instances, across the order services are checked in,
across the order a file system lists files in, and across separate `lgai check` processes with
different hash seeds (set and dict ordering)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from checker.formats import FORMATS, _RENDERERS, render
from checker.run import CheckOptions, Checker
from conftest import ROOT, run_lgai

AS_OF = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc)
LANGS = ("ja", "en")
FORMATS_NOW = [f for f in FORMATS if importlib.util.find_spec(f"checker.formats.{_RENDERERS[f][0]}") is not None]

# Services, a service with IaC, and IaC-only directories of every kind lgai reads.
CASES = [
    ROOT / "fixtures/services/ai-ocr-lgwan-asp",  # service + Terraform
    ROOT / "fixtures/services/nursery-matching-mynumber",
    ROOT / "fixtures/services/aerial-photo-govcloud",
    ROOT / "fixtures/services/genai-chat-internet",
    ROOT / "fixtures/iac/service-ai-ocr-drift",  # service + Terraform that drifts from it
    ROOT / "fixtures/iac/aws-bedrock-rag-violations",  # IaC only: Terraform
    ROOT / "fixtures/iac/azure-openai-rag-violations",
    ROOT / "fixtures/iac/gcp-vertex-rag-violations",
    ROOT / "fixtures/iac/cfn-bedrock-rag-violations",  # CloudFormation
    ROOT / "fixtures/iac/k8s-ai-gateway-violations",  # Kubernetes
    ROOT / "fixtures/iac/tfplan-aws-rag",  # plan JSON
]
IDS = [p.name for p in CASES]


def _checker(**kw) -> Checker:
    return Checker(CheckOptions(as_of=AS_OF, now=NOW, **kw))


def _all_outputs(report) -> dict[tuple[str, str], str]:
    return {(fmt, lang): render(report, fmt, lang) for fmt in FORMATS_NOW for lang in LANGS}


@pytest.fixture(scope="module")
def first() -> dict[str, dict]:
    """Every case checked by one Checker, in order."""
    checker = _checker()
    return {p.name: _all_outputs(checker.check(p)) for p in CASES}


def _assert_same(a: dict, b: dict, what: str) -> None:
    assert a.keys() == b.keys()
    for key in a:
        if a[key] != b[key]:
            diff = next(i for i, (x, y) in enumerate(zip(a[key], b[key])) if x != y) if len(a[key]) == len(b[key]) else None
            at = diff if diff is not None else min(len(a[key]), len(b[key]))
            raise AssertionError(f"{what}: {key} differs near offset {at}:\n{a[key][max(0, at - 200):at + 200]!r}\nvs\n{b[key][max(0, at - 200):at + 200]!r}")


def test_two_checkers_in_reverse_order_give_identical_reports(first):
    """A second Checker, checking the cases in reverse order: no state carried from one check to
    the next, nothing depending on which Checker compiled the rules."""
    checker = _checker()
    second = {p.name: _all_outputs(checker.check(p)) for p in reversed(CASES)}
    for name in IDS:
        _assert_same(first[name], second[name], name)


def test_same_checker_twice_gives_identical_reports(first):
    checker = _checker()
    for p in CASES[:3] + CASES[5:7]:
        a = _all_outputs(checker.check(p))
        b = _all_outputs(checker.check(p))
        _assert_same(a, b, p.name)
        _assert_same(a, first[p.name], p.name)


def test_policy_data_report_is_deterministic():
    svc = ROOT / "fixtures/services/ai-ocr-lgwan-asp"
    outs = [_all_outputs(_checker(policy_data=svc / "municipality.yaml").check(svc)) for _ in range(2)]
    _assert_same(outs[0], outs[1], "ai-ocr-lgwan-asp with --policy-data")
    assert json.loads(outs[0][("json", "en")])["verdict"] == "compliant"


def test_timestamp_is_the_only_difference():
    """Two checks at different times: the JSON reports differ in generated_at and nothing else."""
    svc = ROOT / "fixtures/services/nursery-matching-mynumber"
    a = json.loads(render(Checker(CheckOptions(as_of=AS_OF, now=NOW)).check(svc), "json", "en"))
    b = json.loads(render(Checker(CheckOptions(as_of=AS_OF, now=NOW + dt.timedelta(hours=5))).check(svc), "json", "en"))
    assert a["generated_at"] != b["generated_at"]
    a.pop("generated_at"), b.pop("generated_at")
    assert a == b


def _copy_in_order(src: Path, dst: Path, reverse: bool) -> None:
    """Copy a tree creating entries in sorted or reverse-sorted order (a tmpfs lists a directory
    newest first, so the two copies list differently)."""
    dst.mkdir(parents=True)
    for entry in sorted(src.iterdir(), reverse=reverse):
        if entry.is_dir():
            _copy_in_order(entry, dst / entry.name, reverse)
        else:
            shutil.copy2(entry, dst / entry.name)


def _listing(path: Path) -> list[str]:
    return [e.name for e in os.scandir(path)]


@pytest.mark.skipif(not os.access("/dev/shm", os.W_OK), reason="needs a tmpfs (/dev/shm), whose listing order follows creation")
@pytest.mark.parametrize(
    "case",
    [ROOT / "fixtures/services/ai-ocr-lgwan-asp", ROOT / "fixtures/iac/aws-bedrock-rag-violations", ROOT / "fixtures/iac/azure-openai-rag-violations"],
    ids=lambda p: p.name,
)
def test_file_listing_order_does_not_matter(first, case):
    with tempfile.TemporaryDirectory(dir="/dev/shm") as tmp:
        forward, backward = Path(tmp) / "a" / case.name, Path(tmp) / "b" / case.name
        _copy_in_order(case, forward, reverse=False)
        _copy_in_order(case, backward, reverse=True)
        assert _listing(forward) == list(reversed(_listing(backward))) != _listing(backward), "the tmpfs did not list in creation order"
        checker = _checker()
        _assert_same(_all_outputs(checker.check(forward)), _all_outputs(checker.check(backward)), case.name)


# --- separate processes, different hash seeds ----------------------------------------------------


def _timestamp_forms(iso: str) -> list[str]:
    """The ways a report may print its generation time (longest first)."""
    t = dt.datetime.fromisoformat(iso)
    utc = t.astimezone(dt.timezone.utc)
    forms = {iso, iso.replace("+00:00", "Z"), utc.strftime("%Y-%m-%dT%H:%M:%SZ"), utc.replace(tzinfo=None).isoformat(), utc.strftime("%Y-%m-%d %H:%M:%S"), utc.strftime("%Y-%m-%d %H:%M")}
    return sorted(forms, key=len, reverse=True)


def _cli_run(out: Path, lang: str, seed: str) -> dict[str, str]:
    proc = run_lgai(
        "check", *map(str, CASES), *[a for f in FORMATS_NOW for a in ("--format", f)], "--output-dir", str(out),
        "--lang", lang, "--as-of", AS_OF.isoformat(), env={"PYTHONHASHSEED": seed},
    )
    assert proc.returncode in (0, 1), proc.stderr
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    assert len(files) == len(CASES) * len(FORMATS_NOW), sorted(files)
    # each service's timestamp, from its JSON report, replaced in every file of that service
    for case in CASES:
        stem = f"{case.name}.lgai-report."
        stamp = json.loads(files[stem + "json"])["generated_at"]
        for name in files:
            if name.startswith(stem):
                for form in _timestamp_forms(stamp):
                    files[name] = files[name].replace(form, "<generated_at>")
        # OSCAL names the report by its digest and derives its uuids from it, and the digest
        # covers generated_at: blank the digest, number the uuids in order of first appearance
        # (what links to what must still agree)
        for name in files:
            if name.startswith(stem) and name.endswith(".oscal.json"):
                files[name] = _number_uuids(_REPORT_DIGEST.sub(r"\1<report-digest>", files[name]))
    return files


_REPORT_DIGEST = re.compile(r'("scheme": "[^"]*report-sha256",\s*"identifier": ")[0-9a-f]{64}')
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _number_uuids(text: str) -> str:
    seen: dict[str, str] = {}
    return _UUID.sub(lambda m: seen.setdefault(m.group(0), f"<uuid-{len(seen) + 1}>"), text)


@pytest.mark.parametrize("lang", LANGS)
def test_separate_processes_with_different_hash_seeds_agree(tmp_path, lang):
    a = _cli_run(tmp_path / "a", lang, "1")
    b = _cli_run(tmp_path / "b", lang, "2718281")
    _assert_same(a, b, f"lgai check --lang {lang}, PYTHONHASHSEED 1 vs 2718281")


def test_cli_matches_the_library(first, tmp_path):
    """What the CLI writes is what the library renders (timestamp aside): one code path."""
    files = _cli_run(tmp_path / "cli", "ja", "0")
    for case in CASES:
        lib = first[case.name][("json", "ja")]
        cli = files[f"{case.name}.lgai-report.json"]
        lib_doc, cli_doc = json.loads(lib), json.loads(cli.replace("<generated_at>", NOW.isoformat()))
        assert cli_doc == lib_doc, case.name
