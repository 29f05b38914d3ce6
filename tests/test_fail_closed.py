"""Fail closed: whatever goes wrong, the outcome is 判定不能 / not determinable (or no report at all)
with a non-zero exit code, never 適合 / compliant.

- a rule that errors (Rego at run time, Python raising, exiting or returning malformed output):
  that requirement is `error`, the verdict not_determinable, the exit code 2;
- an engine that fails (a module that does not compile, an OPA server nobody answers): exit 2,
  no report;
- a file that cannot be read: exit 2 (the corpus in tests/hostile/ holds the directory, FIFO and
  broken-link cases; here the one that needs a non-root user);
- an unexpected internal exception: exit 2 with "internal error", no traceback, no secret;
- a report file is never partly written: rendering fails -> the -o targets keep their content.

tests/test_evaluation.py holds the earlier cases (a Python rule that raises, malformed output in
process, a Rego conflict on both in-process engines).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SERVICES, run_lgai

SERVICE = SERVICES / "aerial-photo-govcloud"  # conditionally compliant (exit 0) when nothing goes wrong
AS_OF = ("--as-of", "2026-11-25")

REGO_HEADER = """\
# METADATA
# title: {id}
# description: a rule for the fail-closed tests
# custom:
#   id: {id}
#   title_ja: テスト
#   description_ja: テスト
#   severity: low
#   family: logging
#   catalog: ["GL:LOG-001"]
#   source: test
#   honesty: P
#   input: [architecture]
#   remediation_ja: なし
#   remediation_en: none
package lgai.rules.{package}

"""
FINDING = '{"at": {"file": "lgai.yaml", "path": ""}, "field": "x", "msg": {"ja": "x", "en": "x"}, "values": {}}'

PY_META = dict(
    title_ja="テスト", title_en="test", description_ja="テスト", description_en="test", severity="low",
    family="governance", catalog=["GL:GOV-003"], source="test", honesty="P", input=["architecture"],
    remediation_ja="なし", remediation_en="none",
)


def rego_rule(directory: Path, rule_id: str, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    package = rule_id.lower().replace("-", "_")
    (directory / f"{package}.rego").write_text(REGO_HEADER.format(id=rule_id, package=package) + textwrap.dedent(body), encoding="utf-8")
    return directory


def python_rule(directory: Path, rule_id: str, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    meta = dict(PY_META, id=rule_id)
    source = f"METADATA = {meta!r}\n\n\ndef evaluate(doc, params):\n" + textwrap.indent(textwrap.dedent(body), "    ") + "\n"
    (directory / f"{rule_id.lower().replace('-', '_')}.py").write_text(source, encoding="utf-8")
    return directory


def check_to_file(tmp_path: Path, *args: str, service: Path = SERVICE, fmt: str = "json"):
    """`lgai check` writing the report to a file that already holds 'OLD'."""
    out = tmp_path / f"report.{fmt}"
    out.write_text("OLD", encoding="utf-8")
    proc = run_lgai("check", str(service), "--format", fmt, "-o", str(out), *AS_OF, *args)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc, out.read_text(encoding="utf-8")


def assert_not_determinable(proc, text: str, rule_id: str) -> dict:
    assert proc.returncode == 2, proc.stderr
    assert "verdict not determinable" in proc.stderr
    report = json.loads(text)
    assert report["verdict"] == "not_determinable"
    result = next(r for r in report["results"] if r["id"] == rule_id)
    assert result["status"] == "error", result
    assert report["summary"]["by_status"]["error"] >= 1
    # the other requirements still answer: one broken rule does not blind the report
    assert sum(1 for r in report["results"] if r["status"] == "pass") > 20
    return result


def test_the_service_is_judged_when_nothing_goes_wrong(tmp_path):
    """The baseline the cases below depart from: the same service and options give a verdict."""
    proc, text = check_to_file(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(text)["verdict"] == "conditionally_compliant"


# --------------------------------------------------------------------------------------------
# a rule that errors


REGO_RUNTIME_ERRORS = {
    # a builtin given the wrong type at run time (the type checker cannot know input's shape)
    "builtin-wrong-type": """\
        deny contains %s if {
            some c in input.components
            upper(c) == "X"
        }
        """ % FINDING,
    # a builtin failing on a value it cannot convert
    "builtin-bad-value": """\
        deny contains %s if {
            to_number(input.service.name) > 0
        }
        """ % FINDING,
}


@pytest.mark.parametrize("case", sorted(REGO_RUNTIME_ERRORS))
def test_rego_builtin_error_at_run_time_is_an_error_never_a_pass(tmp_path, case):
    """In OPA's default (non-strict) mode a builtin error makes the expression undefined: the deny
    would vanish and the requirement pass. lgai's engines report it as an error."""
    rules = rego_rule(tmp_path / "city", "CITY-LOG-001", REGO_RUNTIME_ERRORS[case])
    proc, text = check_to_file(tmp_path, "--rules-dir", str(rules))
    result = assert_not_determinable(proc, text, "CITY-LOG-001")
    assert result["reason"]["en"].startswith("rule could not be evaluated:")


def test_rego_builtin_error_on_the_reference_engine(tmp_path):
    """The same with OPA's own Go evaluator (in-process): strict builtin errors there too."""
    pytest.importorskip("opa_bindings")
    rules = rego_rule(tmp_path / "city", "CITY-LOG-001", REGO_RUNTIME_ERRORS["builtin-bad-value"])
    proc, text = check_to_file(tmp_path, "--rules-dir", str(rules), "--engine", "opa-go")
    result = assert_not_determinable(proc, text, "CITY-LOG-001")
    assert "to_number" in result["reason"]["en"]


def test_rule_error_message_quoting_input_is_masked(tmp_path):
    """regorus quotes the whole offending value in its error: a secret in it is masked there too."""
    service = tmp_path / "svc"
    import shutil

    shutil.copytree(SERVICE, service)
    decl = service / "lgai.yaml"
    text = decl.read_text(encoding="utf-8")
    decl.write_text(text.replace("  description: >-\n", "  description: >-\n    (db password=Hunter2Secret)\n", 1), encoding="utf-8")
    assert "Hunter2Secret" in decl.read_text(encoding="utf-8")
    body = 'deny contains %s if {\n    upper(input.service) == "X"\n}\n' % FINDING
    rules = rego_rule(tmp_path / "city", "CITY-LOG-001", body)
    proc, report = check_to_file(tmp_path, "--rules-dir", str(rules), service=service)
    result = assert_not_determinable(proc, report, "CITY-LOG-001")
    assert "password=****" in result["reason"]["en"]
    assert "Hunter2Secret" not in report


PYTHON_FAILURES = {
    # body of evaluate(doc, params) -> a fragment of the error reason
    "raises": ("raise KeyError('no such component')", "KeyError"),
    "exits-zero": ("import sys\nsys.exit(0)", "SystemExit: 0"),  # must not end lgai with exit 0 and no report
    "returns-none": ("x = doc['delivery']", "returned None"),  # a forgotten return is not "nothing wrong"
    "returns-a-list": ("return ['deny']", "malformed"),
    "returns-a-string": ("return 'ok'", "malformed"),
    "message-not-bilingual": (f"return {{'deny': [{{'at': {{'file': 'lgai.yaml', 'path': ''}}, 'field': 'x', 'msg': 'text', 'values': {{}}}}]}}", "deny.0.msg"),
    "value-not-json": (
        "return {'deny': [{'at': {'file': 'lgai.yaml', 'path': ''}, 'field': 'x', 'msg': {'ja': 'x', 'en': 'x'}, 'values': {'v': object()}}]}",
        "not a valid JSON value",
    ),
    "recursion": ("def f(n):\n    return f(n + 1)\nreturn f(0)", "RecursionError"),
    "unknown-output-key": ("return {'denied': []}", "malformed"),
}


@pytest.mark.parametrize("case", sorted(PYTHON_FAILURES))
def test_python_rule_failure_is_an_error_never_a_pass(tmp_path, case):
    body, fragment = PYTHON_FAILURES[case]
    rules = python_rule(tmp_path / "city", "CITY-GOV-009", body)
    proc, text = check_to_file(tmp_path, "--rules-dir", str(rules))
    result = assert_not_determinable(proc, text, "CITY-GOV-009")
    assert fragment in result["reason"]["en"], result["reason"]


def test_not_determinable_reads_as_such_in_the_japanese_report(tmp_path):
    rules = python_rule(tmp_path / "city", "CITY-GOV-009", "raise ValueError('boom')")
    proc = run_lgai("check", str(SERVICE), "--rules-dir", str(rules), *AS_OF)
    assert proc.returncode == 2
    assert "総合判定: 判定不能" in proc.stdout
    assert "評価エラー 1" in proc.stdout


def test_interrupted_run_is_no_verdict(tmp_path):
    """Ctrl-C (here raised inside a rule) ends with exit 2 and no report, not click's exit 1
    (which a CI job reads as "non-compliant")."""
    rules = python_rule(tmp_path / "city", "CITY-GOV-009", "raise KeyboardInterrupt()")
    proc, text = check_to_file(tmp_path, "--rules-dir", str(rules))
    assert proc.returncode == 2
    assert "interrupted, no verdict" in proc.stderr
    assert text == "OLD"


# --------------------------------------------------------------------------------------------
# an engine that fails


def test_rego_module_that_does_not_compile_is_a_rule_pack_error(tmp_path):
    rules = rego_rule(tmp_path / "city", "CITY-LOG-003", "deny contains x if {\n    x :=\n}\n")
    for engine in ("regorus",):
        proc, text = check_to_file(tmp_path, "--rules-dir", str(rules), "--engine", engine)
        assert proc.returncode == 2, proc.stderr
        assert "engine error" in proc.stderr and "city_log_003.rego" in proc.stderr
        assert text == "OLD"  # no report from a pack that cannot run


def test_rule_file_that_cannot_be_imported_is_a_rule_pack_error(tmp_path):
    city = tmp_path / "city"
    city.mkdir()
    (city / "broken.py").write_text("METADATA = {\n", encoding="utf-8")
    proc, text = check_to_file(tmp_path, "--rules-dir", str(city))
    assert proc.returncode == 2
    assert "rule pack error" in proc.stderr and "broken.py" in proc.stderr and "import failed" in proc.stderr
    assert text == "OLD"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is: nobody listens there


def test_unreachable_opa_server_gives_no_verdict(tmp_path):
    proc, text = check_to_file(tmp_path, "--engine", "opa", "--opa-url", f"http://127.0.0.1:{_closed_port()}", "--opa-timeout", "2")
    assert proc.returncode == 2, proc.stderr
    assert "engine error" in proc.stderr
    assert text == "OLD"


# --------------------------------------------------------------------------------------------
# a file that cannot be read


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_manifest_is_an_input_error(tmp_path):
    import shutil

    service = tmp_path / "svc"
    shutil.copytree(SERVICE, service)
    (service / "dataflows.yaml").chmod(0)
    proc, text = check_to_file(tmp_path, service=service)
    assert proc.returncode == 2
    assert "dataflows.yaml: cannot read file: Permission denied" in proc.stderr
    assert text == "OLD"


def test_policy_data_that_is_a_directory_is_refused(tmp_path):
    proc, text = check_to_file(tmp_path, "--policy-data", str(tmp_path))
    assert proc.returncode == 2
    assert "is a directory" in proc.stderr
    assert text == "OLD"


# --------------------------------------------------------------------------------------------
# unexpected internal exceptions and partial reports. Nothing in lgai raises these on purpose, so
# the fault is injected: the real CLI runs in a subprocess with one function replaced.

INJECT = """
import sys
sys.path.insert(0, {root!r})
{patch}
from cli import main
sys.argv = ["lgai"] + {args!r}
main()
"""


def run_with_fault(patch: str, *args: str) -> subprocess.CompletedProcess:
    code = INJECT.format(root=str(ROOT), patch=textwrap.dedent(patch), args=list(args))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_internal_error_is_exit_2_without_traceback_or_secret():
    proc = run_with_fault(
        """
        import checker.run
        def broken(self, service):
            raise RuntimeError("lost the thread; db password=Hunter2Secret")
        checker.run.Checker.check_loaded = broken
        """,
        "check", str(SERVICE), *AS_OF,
    )
    assert proc.returncode == 2, proc.stderr
    assert "internal error, no verdict: RuntimeError" in proc.stderr and "please report" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Hunter2Secret" not in proc.stderr and "password=****" in proc.stderr
    assert proc.stdout == ""


def test_report_files_keep_their_content_when_rendering_fails(tmp_path):
    """Every format is rendered before anything is written: the Markdown report, which renders fine,
    is not written either when the JSON one fails; no temporary file is left behind."""
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    md.write_text("OLD MARKDOWN", encoding="utf-8")
    js.write_text("OLD JSON", encoding="utf-8")
    proc = run_with_fault(
        """
        import checker.outputs
        real = checker.outputs.render
        def render(report, fmt, lang, **kw):
            if fmt == "json":
                raise ValueError("renderer broke")
            return real(report, fmt, lang, **kw)
        checker.outputs.render = render
        """,
        "check", str(SERVICE), *AS_OF, "--format", "markdown", "--format", "json", "-o", str(md), "-o", str(js),
    )
    assert proc.returncode == 2, proc.stderr
    assert "internal error" in proc.stderr and "Traceback" not in proc.stderr
    assert md.read_text(encoding="utf-8") == "OLD MARKDOWN"
    assert js.read_text(encoding="utf-8") == "OLD JSON"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.md"]


def test_report_is_not_replaced_when_the_write_fails(tmp_path):
    """A write that fails half-way (here: the disk is 'full' after 100 bytes) leaves the old report
    whole and no temporary file."""
    out = tmp_path / "r.json"
    out.write_text("OLD JSON", encoding="utf-8")
    proc = run_with_fault(
        """
        import os, checker.atomic
        real_fdopen = os.fdopen
        class Full:
            def __init__(self, f): self.f = f
            def write(self, data):
                self.f.write(data[:100])
                raise OSError(28, "No space left on device")
            def __getattr__(self, name): return getattr(self.f, name)
            def __enter__(self): return self
            def __exit__(self, *exc): self.f.close()
        checker.atomic.os.fdopen = lambda fd, mode="r", *a, **k: Full(real_fdopen(fd, mode, *a, **k))
        """,
        "check", str(SERVICE), *AS_OF, "--format", "json", "-o", str(out),
    )
    assert proc.returncode == 2, proc.stderr
    assert "No space left on device" in proc.stderr and "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8") == "OLD JSON"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
