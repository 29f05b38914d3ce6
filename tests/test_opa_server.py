"""`--engine opa`: the rules evaluated by an OPA server give the same reports as the embedded engine.

The server is tests/opa_test_server.py: a real HTTP server on 127.0.0.1 speaking OPA's REST API,
evaluating with OPA's own Go evaluator, loaded with the bundle `lgai bundle build` writes (or
empty, for --opa-push). Failure modes (down, slow, 5xx, tokens, TLS, revision mismatch) run
through the real CLI.

A real OPA is used too when available:
- `LGAI_TEST_OPA_URL=http://HOST:PORT` (and `LGAI_TEST_OPA_TOKEN` if it wants one): a running OPA
  with the bundle loaded (`lgai bundle build -o b.tar.gz && opa run --server --bundle b.tar.gz`);
- an `opa` binary on PATH: each test session starts `opa run --server --addr 127.0.0.1:PORT --bundle FILE`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import tarfile
import time
from pathlib import Path

import pytest
import yaml

from checker.bundle import build_bundle, bundle_revision, read_manifest
from checker.engines import EngineError
from checker.engines.opa_remote import OpaRemoteEngine, OpaServerError, OpaSettings
from checker.policydata import load_policy_data
from checker.rulepack import builtin_rules_dir, load_rule_pack
from checker.run import Checker, CheckOptions
from conftest import ROOT, run_lgai, service_dirs
from opa_test_server import OpaTestServer, closed_port_url, load_bundle_file, make_self_signed_cert

AS_OF = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
IAC_DIRS = [ROOT / "fixtures" / "iac" / n for n in ("aws-bedrock-rag-violations", "k8s-ai-gateway-violations", "tfplan-aws-rag", "service-ai-ocr-drift")]
TOKEN = "s3cr3t-opa-token-7f4a9c2e"


def _expected(path: Path) -> dict:
    return yaml.safe_load((path / "expected.yaml").read_text(encoding="utf-8"))


def case_of(path: Path) -> tuple[str | None, Path | None]:
    """(profile, policy data) a fixture is checked with, from its expected.yaml."""
    exp = _expected(path)
    policy = exp.get("policy_data")
    return exp.get("profile"), (path / policy if policy else None)


def comparable(report) -> dict:
    doc = report.model_dump(mode="json") if not isinstance(report, dict) else dict(report)
    doc.pop("engine", None)
    doc.pop("generated_at", None)
    return doc


def revision_for(policy_data: Path | None) -> str:
    return bundle_revision(load_rule_pack(), load_policy_data(builtin_rules_dir() / "data", policy_data))


# -- the bundle ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """Bundle files by policy data file (None: the built-in parameters), built on demand."""
    root = tmp_path_factory.mktemp("bundles")
    cache: dict = {}

    def get(policy_data: Path | None) -> Path:
        if policy_data not in cache:
            out = root / f"lgai-bundle-{len(cache)}.tar.gz"
            build_bundle(out, policy_data, [])
            cache[policy_data] = out
        return cache[policy_data]

    return get


def test_bundle_build_cli(tmp_path):
    out = tmp_path / "lgai-bundle.tar.gz"
    r = run_lgai("bundle", "build", "-o", str(out))
    assert r.returncode == 0, r.stderr
    expected_revision = revision_for(None)
    assert f"revision: {expected_revision}" in r.stdout
    pack = load_rule_pack()
    python_rules = sorted(x.meta.id for x in pack.rules if x.language == "python")
    assert python_rules, "the built-in pack has a Python rule"
    for rule_id in python_rules:
        assert rule_id in r.stdout

    with tarfile.open(out, "r:gz") as tar:  # a valid tar.gz
        names = [m.name.lstrip("/") for m in tar.getmembers()]
    assert ".manifest" in names and "lgai/params/data.json" in names
    rego = [n for n in names if n.endswith(".rego")]
    assert not [n for n in rego if n.endswith("_test.rego") or "/testing/" in "/" + n], rego
    assert len(rego) == len(pack.rego_modules) == sum(1 for x in pack.rules if x.language == "rego") + 1  # + the lib
    assert "builtin/lib/lgai.rego" in rego

    manifest = read_manifest(out)
    assert manifest["revision"] == expected_revision
    assert manifest["roots"] == ["lgai"]
    meta = manifest["metadata"]
    assert meta["rule_pack_version"] == pack.version and meta["rule_pack_digest"] == pack.digest
    assert meta["python_rules_evaluated_by_lgai"] == python_rules
    assert meta["attestation_requirements"] == sorted(x.meta.id for x in pack.rules if x.language == "attestation")

    # OPA's own checks (revision, packages and data inside the roots), and the data is the parameters
    manifest2, modules, data = load_bundle_file(out)
    assert set(modules) == set(rego)
    assert data["lgai"]["params"] == load_policy_data(builtin_rules_dir() / "data").as_data()

    # the same inputs give the same bytes
    again = tmp_path / "again.tar.gz"
    assert run_lgai("bundle", "build", "-o", str(again)).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_revision_follows_rules_and_policy_data(tmp_path):
    base = revision_for(None)
    attest_only = ROOT / "fixtures" / "services" / "ai-ocr-lgwan-asp" / "municipality.yaml"
    assert revision_for(attest_only) == base  # attestations stay with lgai: not in the bundle
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text("schema_version: 1\nparams:\n  min_log_retention_days: 9999\n", encoding="utf-8")
    assert revision_for(stricter) != base
    custom = tmp_path / "rules"
    (custom / "policies").mkdir(parents=True)
    src = (builtin_rules_dir() / "policies" / "seg_001.rego").read_text(encoding="utf-8")
    (custom / "policies" / "city_seg_001.rego").write_text(
        src.replace("LGAI-SEG-001", "CITY-SEG-001").replace("package lgai.rules.seg_001", "package lgai.rules.city_seg_001"),
        encoding="utf-8",
    )
    pack = load_rule_pack([custom])
    assert bundle_revision(pack, load_policy_data(builtin_rules_dir() / "data")) != base
    info = build_bundle(tmp_path / "custom.tar.gz", None, [custom])
    assert "custom/policies/city_seg_001.rego" in info.modules


# -- backends: the test server, and a real OPA when there is one ------------------------------


class Backend:
    def __init__(self, name, bundles, tmp):
        self.name, self.bundles, self.tmp = name, bundles, tmp
        self.servers: dict = {}
        self.procs: list = []
        self.token = None

    def url_for(self, policy_data: Path | None) -> str:
        if self.name == "opa-url":
            url = os.environ["LGAI_TEST_OPA_URL"]
            self.token = os.environ.get("LGAI_TEST_OPA_TOKEN")
            engine = OpaRemoteEngine(OpaSettings(url=url, token=self.token, revision=revision_for(policy_data)))
            try:
                engine.prepare({}, {})
            except EngineError as exc:
                pytest.skip(f"LGAI_TEST_OPA_URL serves another bundle revision for this policy data: {exc}")
            return url
        key = revision_for(policy_data)
        if key not in self.servers:
            bundle = self.bundles(policy_data)
            if self.name == "test-server":
                self.servers[key] = OpaTestServer(bundle, engines=2).start().url
            else:
                self.servers[key] = self._start_opa(bundle)
        return self.servers[key]

    def _start_opa(self, bundle: Path) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen(
            [shutil.which("opa"), "run", "--server", "--addr", f"127.0.0.1:{port}", "--bundle", str(bundle)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.procs.append(proc)
        import requests

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/health?bundles", timeout=1).status_code == 200:
                    return f"http://127.0.0.1:{port}"
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError("opa run did not become healthy within 30 s")

    def close(self):
        for p in self.procs:
            p.terminate()
            p.wait(timeout=10)


BACKENDS = [
    pytest.param("test-server", id="test-server"),
    pytest.param(
        "opa-binary", id="opa-binary",
        marks=pytest.mark.skipif(shutil.which("opa") is None, reason="no `opa` binary on PATH (install OPA to run the suite against it)"),
    ),
    pytest.param(
        "opa-url", id="opa-url",
        marks=pytest.mark.skipif(not os.environ.get("LGAI_TEST_OPA_URL"), reason="LGAI_TEST_OPA_URL is not set (a running OPA with the lgai bundle)"),
    ),
]


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, bundles, tmp_path_factory):
    b = Backend(request.param, bundles, tmp_path_factory.mktemp("opa"))
    yield b
    b.close()


_CHECKERS: dict = {}


def checker(engine: str, profile: str | None, policy_data: Path | None, url: str | None = None, token: str | None = None, push=False) -> Checker:
    key = (engine, profile, policy_data, url, push)
    if key not in _CHECKERS:
        opa = OpaSettings(url=url, token=token, push=push, timeout=30) if engine == "opa" else None
        _CHECKERS[key] = Checker(CheckOptions(engine=engine, profile=profile, policy_data=policy_data, as_of=AS_OF, now=NOW, opa=opa))
    return _CHECKERS[key]


@pytest.mark.parametrize("svc", service_dirs(), ids=lambda p: p.name)
def test_same_report_as_embedded_on_every_service(backend, svc):
    profile, policy_data = case_of(svc)
    remote = checker("opa", profile, policy_data, backend.url_for(policy_data), backend.token)
    got = remote.check(svc)
    want = checker("regorus", profile, policy_data).check(svc)
    assert got.engine["name"] == "opa" and got.engine["version"].startswith("OPA ")
    assert want.engine["name"] == "regorus"
    assert comparable(got) == comparable(want)
    assert got.verdict == _expected(svc)["verdict"]
    # the Python rules ran locally and are in the report
    for rule in load_rule_pack().rules:
        if rule.language == "python":
            assert next(r for r in got.results if r.id == rule.meta.id).status != "error"


@pytest.mark.parametrize("path", IAC_DIRS, ids=lambda p: p.name)
def test_same_report_as_embedded_on_iac(backend, path):
    profile = _expected(path).get("profile")
    remote = checker("opa", profile, None, backend.url_for(None), backend.token)
    got, want = remote.check(path), checker("regorus", profile, None).check(path)
    assert got.iac is not None and got.iac.resources > 0
    assert comparable(got) == comparable(want)


# -- --opa-push -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def empty_server():
    with OpaTestServer(engines=2) as server:
        yield server


@pytest.mark.parametrize("svc", service_dirs(), ids=lambda p: p.name)
def test_push_to_an_empty_server_gives_the_same_reports(empty_server, svc):
    profile, policy_data = case_of(svc)
    remote = checker("opa", profile, policy_data, empty_server.url, push=True)
    assert comparable(remote.check(svc)) == comparable(checker("regorus", profile, policy_data).check(svc))
    puts = {p for m, p, s in empty_server.requests if m == "PUT" and p.startswith("/v1/policies/lgai/")}
    assert len(puts) == len(load_rule_pack().rego_modules)


def test_cli_push_then_cli_bundle_revision_check(tmp_path):
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    with OpaTestServer() as server:
        r = run_lgai("check", str(svc), "--as-of", str(AS_OF), "--format", "json", "--engine", "opa", "--opa-url", server.url, "--opa-push")
        ref = run_lgai("check", str(svc), "--as-of", str(AS_OF), "--format", "json")
        assert r.returncode == ref.returncode == 1, r.stderr
        assert comparable(json.loads(r.stdout)) == comparable(json.loads(ref.stdout))
        puts = [p for m, p, s in server.requests if m == "PUT" and p.startswith("/v1/policies/")]
        assert len(puts) == len(load_rule_pack().rego_modules)
        # a second push leaves the unchanged modules alone
        n = len(server.requests)
        r2 = run_lgai("check", str(svc), "--as-of", str(AS_OF), "--format", "json", "--engine", "opa", "--opa-url", server.url, "--opa-push")
        assert r2.returncode == 1, r2.stderr
        assert not [p for m, p, s in server.requests[n:] if m == "PUT" and p.startswith("/v1/policies/")]
        # without --opa-push, a server with pushed policies but no bundle is refused
        r3 = run_lgai("check", str(svc), "--as-of", str(AS_OF), "--engine", "opa", "--opa-url", server.url)
        assert r3.returncode == 2
        assert "no lgai bundle loaded" in r3.stderr and "--opa-push" in r3.stderr


def test_push_refused_by_a_server_whose_bundle_owns_lgai(bundles):
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    with OpaTestServer(bundles(None)) as server:
        r = run_lgai("check", str(svc), "--as-of", str(AS_OF), "--engine", "opa", "--opa-url", server.url, "--opa-push")
    assert r.returncode == 2
    assert "HTTP 400" in r.stderr and "owned by bundle" in r.stderr and "Traceback" not in r.stderr


# -- the CLI end to end, and failures -----------------------------------------------------------


@pytest.fixture(scope="module")
def bundle_server(bundles):
    with OpaTestServer(bundles(None), engines=2) as server:
        yield server


@pytest.fixture
def server(bundle_server):
    bundle_server.reset_knobs()
    yield bundle_server
    bundle_server.reset_knobs()


def _check_args(svc: Path, url: str, *extra: str) -> list[str]:
    profile, policy_data = case_of(svc)
    args = ["check", str(svc), "--as-of", str(AS_OF), "--engine", "opa", "--opa-url", url, *extra]
    if policy_data:
        args += ["--policy-data", str(policy_data)]
    return args


def test_cli_same_json_report_and_exit_code(server, tmp_path):
    svc = ROOT / "fixtures" / "services" / "ai-ocr-lgwan-asp"
    r = run_lgai(*_check_args(svc, server.url, "--format", "json", "-o", str(tmp_path / "opa.json")))
    ref = run_lgai("check", str(svc), "--as-of", str(AS_OF), "--format", "json", "-o", str(tmp_path / "ref.json"),
                   "--policy-data", str(svc / "municipality.yaml"))
    assert r.returncode == ref.returncode == 0, r.stderr
    got = json.loads((tmp_path / "opa.json").read_text(encoding="utf-8"))
    want = json.loads((tmp_path / "ref.json").read_text(encoding="utf-8"))
    assert got["engine"]["name"] == "opa" and "opa-python-client 3.0.0" in got["engine"]["version"]
    assert comparable(got) == comparable(want)
    assert got["verdict"] == "compliant"


def test_revision_mismatch_is_refused(bundles, tmp_path):
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text("schema_version: 1\nparams:\n  min_log_retention_days: 9999\n", encoding="utf-8")
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    with OpaTestServer(bundles(stricter)) as other:
        r = run_lgai(*_check_args(svc, other.url))
    assert r.returncode == 2
    assert revision_for(stricter) in r.stderr and revision_for(None) in r.stderr  # what the server has, what lgai expects
    assert "lgai bundle build" in r.stderr and "--opa-push" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_server_down(tmp_path):
    url = closed_port_url()
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    started = time.monotonic()
    r = run_lgai(*_check_args(svc, url, "--opa-token", TOKEN, "--format", "json", "--output-dir", str(tmp_path / "out")))
    assert r.returncode == 2
    assert f"cannot reach the OPA server at {url}" in r.stderr
    assert "Traceback" not in r.stderr and TOKEN not in r.stderr + r.stdout
    assert not (tmp_path / "out").exists()  # no report, certainly no pass
    assert time.monotonic() - started < 60


def test_slow_server_times_out(server):
    server.delay = 1.5
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    started = time.monotonic()
    r = run_lgai(*_check_args(svc, server.url, "--opa-timeout", "0.3"))
    elapsed = time.monotonic() - started
    assert r.returncode == 2
    assert f"the OPA server {server.url} did not answer" in r.stderr and "0.3 s" in r.stderr and "after 3 retries" in r.stderr
    assert "Traceback" not in r.stderr
    # 4 attempts of 0.3 s, backoff 0 + 1 + 2 s, and lgai's start-up
    assert elapsed < 45, elapsed


def test_transient_errors_are_retried(server):
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    server.fail_method, server.fail_next = "POST", 2  # the query fails twice, then succeeds
    r = run_lgai(*_check_args(svc, server.url, "--format", "json"))
    assert r.returncode == 1, r.stderr  # the service's real verdict: non-compliant
    report = json.loads(r.stdout)
    assert report["verdict"] == "non_compliant"
    assert not [x for x in report["results"] if x["status"] == "error"]
    posts = [s for m, p, s in server.requests if m == "POST"]
    assert posts == [500, 500, 200]


def test_persistent_errors_fail(server):
    server.always_fail = True
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    r = run_lgai(*_check_args(svc, server.url, "--format", "json"))
    assert r.returncode == 2
    assert "HTTP 500" in r.stderr and "injected failure" in r.stderr and server.url in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert len([s for m, p, s in server.requests if s == 500]) == 4  # the first request, tried 1 + 3 times


def test_server_failing_mid_run_gives_errors_never_a_pass(bundles):
    """Prepared, then the server breaks: every Rego rule is an error (verdict not determinable),
    the Python rules still ran, and the run stops asking the broken server."""
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    with OpaTestServer(bundles(None)) as srv:
        c = Checker(CheckOptions(engine="opa", as_of=AS_OF, now=NOW, opa=OpaSettings(url=srv.url, timeout=5, backoff=0.1)))
        srv.always_fail = True
        started = time.monotonic()
        report = c.check(svc)
        n = len(srv.requests)
        again = c.check(svc)
        assert len(srv.requests) == n  # the second service did not ask again
        assert time.monotonic() - started < 30
    for rep in (report, again):
        assert rep.verdict == "not_determinable"
        statuses = {r.language: set() for r in rep.results}
        for r in rep.results:
            statuses[r.language].add(r.status)
        assert "error" in statuses["rego"] and statuses["rego"] <= {"error", "not_applicable"}  # n/a: by metadata
        assert "error" not in statuses["python"]
        rego_error = next(r for r in rep.results if r.language == "rego")
        assert "HTTP 500" in json.dumps(rego_error.model_dump(mode="json"), ensure_ascii=False)


# -- bearer tokens ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def token_server(bundles):
    with OpaTestServer(bundles(None), token=TOKEN) as server:
        yield server


def test_right_token_works_and_is_never_shown(token_server, tmp_path):
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    r = run_lgai(*_check_args(svc, token_server.url, "--format", "json", "--format", "text", "--output-dir", str(tmp_path)),
                 env={"LGAI_OPA_TOKEN": TOKEN})
    assert r.returncode == 1, r.stderr
    assert f"Bearer {TOKEN}" in token_server.auth_headers  # it was sent
    written = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    assert "non_compliant" in written
    assert TOKEN not in r.stdout + r.stderr + written
    r2 = run_lgai(*_check_args(svc, token_server.url, "--opa-token", TOKEN, "--format", "json"))
    assert r2.returncode == 1 and TOKEN not in r2.stdout + r2.stderr


@pytest.mark.parametrize("token", [None, "wrong-token-0123456789"])
def test_wrong_or_missing_token_fails(token_server, token):
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    extra = ["--opa-token", token] if token else []
    r = run_lgai(*_check_args(svc, token_server.url, *extra), env={"LGAI_OPA_TOKEN": ""})
    assert r.returncode == 2
    assert "HTTP 401" in r.stderr and "--opa-token" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    if token:
        assert token not in r.stderr


def test_token_masked_in_repr_and_messages():
    settings = OpaSettings(url="http://127.0.0.1:1", token=TOKEN)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    engine = OpaRemoteEngine(settings)
    assert TOKEN not in repr(engine)
    # a server that echoes the token back: the message carries it masked
    with OpaTestServer() as srv:
        original = srv.handle
        srv.handle = lambda *a: (403, {"code": "forbidden", "message": f"token {TOKEN} is not allowed"})
        engine = OpaRemoteEngine(OpaSettings(url=srv.url, token=TOKEN))
        with pytest.raises(OpaServerError) as info:
            engine.prepare({}, {})
        srv.handle = original
    assert "HTTP 403" in str(info.value) and TOKEN not in str(info.value) and "****" in str(info.value)


# -- TLS --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server(bundles, tmp_path_factory):
    cert, key = make_self_signed_cert(tmp_path_factory.mktemp("tls"))
    with OpaTestServer(bundles(None), tls=(cert, key)) as server:
        yield server, cert


def test_tls_verified_by_default(tls_server):
    server, cert = tls_server
    svc = ROOT / "fixtures" / "services" / "genai-chat-internet"
    r = run_lgai(*_check_args(svc, server.url))
    assert r.returncode == 2
    assert f"TLS verification of the OPA server {server.url} failed" in r.stderr and "--opa-ca" in r.stderr
    assert "Traceback" not in r.stderr
    ok = run_lgai(*_check_args(svc, server.url, "--opa-ca", str(cert), "--format", "json"))
    assert ok.returncode == 1, ok.stderr
    assert json.loads(ok.stdout)["verdict"] == "non_compliant"


# -- many services, concurrently ----------------------------------------------------------------


def test_many_services_concurrently(server, tmp_path):
    dirs = [ROOT / "fixtures" / "services" / n for n in ("genai-chat-internet", "nursery-matching-mynumber", "speech-minutes-us")]
    server.delay = 0.5  # long enough for the three queries to overlap
    out = tmp_path / "reports"
    r = run_lgai("check", *map(str, dirs), "--as-of", str(AS_OF), "--engine", "opa", "--opa-url", server.url,
                 "--jobs", "3", "--format", "json", "--output-dir", str(out))
    assert r.returncode == 1, r.stderr
    files = sorted(out.iterdir())
    assert [f.name for f in files] == sorted(f"{d.name}.lgai-report.json" for d in dirs)
    for d in dirs:
        report = json.loads((out / f"{d.name}.lgai-report.json").read_text(encoding="utf-8"))
        assert report["service"]["name"] and report["verdict"] == _expected(d)["verdict"]
        assert comparable(report) == comparable(checker("regorus", None, None).check(d))
    assert server.max_in_flight >= 2  # the queries overlapped
    assert len([1 for m, p, s in server.requests if m == "POST"]) == 3


def test_a_broken_rule_is_an_error_alone():
    """OPA's evaluation error in one package: that package is an error, the others are answered."""
    from checker.engines.opa_remote import OpaEvaluationError

    modules = {
        "x/lib.rego": "package lgai.lib\n\nmark(v) := {\"v\": v}\n",
        "x/good.rego": "package lgai.rules.good\n\nimport data.lgai.lib\n\ndeny contains lib.mark(input.n) if input.n > data.lgai.params.limit\n",
        # two complete definitions with different values: OPA's eval_conflict_error at evaluation
        "x/broken.rego": "package lgai.rules.broken\n\nlevel := 1 if input.n > 0\n\nlevel := 2 if input.n > 1\n\ndeny contains level if level\n",
    }
    with OpaTestServer(compile_on_put=True) as srv:
        engine = OpaRemoteEngine(OpaSettings(url=srv.url, push=True, backoff=0.05))
        engine.prepare(modules, {"lgai": {"params": {"limit": 1}}})
        out = engine.evaluate_rules({"n": 5}, ["good", "broken"])
        assert isinstance(out["broken"], OpaEvaluationError) and "conflict" in str(out["broken"])
        assert out["good"] == {"deny": [{"v": 5}], "undetermined": [], "not_applicable": []}
        assert engine.evaluate_rules({"n": 0}, ["good", "broken"])["good"]["deny"] == []
        # a module that does not compile is refused at upload, with OPA's message
        bad = dict(modules, **{"x/bad.rego": "package lgai.rules.bad\n\ndeny contains x if y\n"})
        with pytest.raises(EngineError) as info:
            OpaRemoteEngine(OpaSettings(url=srv.url, push=True)).prepare(bad, {"lgai": {"params": {"limit": 1}}})
    assert "HTTP 400" in str(info.value) and "lgai/x/bad.rego" in str(info.value) and "unsafe" in str(info.value)
