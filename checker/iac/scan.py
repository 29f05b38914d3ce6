"""The checkov adapter: parse IaC with checkov's parsers and graph, run the mapped checks.

checkov is imported here and nowhere else, and only when IaC files were found
(importing it costs about 1-2 s). Each framework's runner is called directly in this
process (no RunnerRegistry, no forked workers), so that after one run we hold both the
check results and the parsed definitions: every file is parsed once.

Only an explicit allowlist runs: the built-in checks listed in rules/checkov_map.yaml
plus lgai's own checks (CKV_LGAI_*) from rules/checkov/<framework>/.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from .discover import IacFiles

FRAMEWORKS = ("terraform", "terraform_plan", "cloudformation", "kubernetes")
SNIFF_BINARY = 8192
CUSTOM_PREFIX = "CKV_LGAI_"


@dataclass
class CheckRecord:
    """One checkov check result on one resource."""

    check_id: str
    check_name: str
    result: str  # passed / failed / skipped
    file: str  # relative to the checked directory
    line: int | None
    resource: str  # checkov's resource address
    framework: str
    suppress_comment: str | None = None
    evaluated_keys: list[str] = field(default_factory=list)


@dataclass
class ScanResult:
    framework: str
    definitions: object  # checkov's parsed definitions (shape differs per framework)
    records: list[CheckRecord] = field(default_factory=list)
    checks_run: list[str] = field(default_factory=list)


def checkov_version() -> str:
    from checkov.version import version

    return version


def _quiet_checkov() -> None:
    os.environ.setdefault("CHECKOV_PARALLELIZATION_TYPE", "none")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    for name in ("checkov", "urllib3", "bc_jsonpath_ng"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    root = logging.getLogger()
    if not any(isinstance(f, _CheckovRootRecords) for f in root.filters):
        root.addFilter(_CheckovRootRecords())


class _CheckovRootRecords(logging.Filter):
    """checkov's parsers log parse errors on the root logger (`logging.error(...)`): lgai reports
    them itself, as input errors, so drop checkov's copies."""

    def filter(self, record: logging.LogRecord) -> bool:
        return f"{os.sep}checkov{os.sep}" not in (record.pathname or "")


def _runner(framework: str):
    if framework == "terraform":
        from checkov.terraform.runner import Runner
    elif framework == "terraform_plan":
        from checkov.terraform.plan_runner import Runner
    elif framework == "cloudformation":
        from checkov.cloudformation.runner import Runner
    else:
        from checkov.kubernetes.runner import Runner
    return Runner()


_LOADED_EXTERNAL: set[str] = set()


def _load_custom_checks(framework: str, checks_dir: Path) -> list[str]:
    """Load lgai's custom checks for a framework once per process; return their ids."""
    sub = checks_dir / ("terraform" if framework == "terraform_plan" else framework)
    if not sub.is_dir():
        return []
    from checkov.common.checks.base_check_registry import BaseCheckRegistry

    key = str(sub.resolve())
    registry = _registry(framework)
    if key not in _LOADED_EXTERNAL:
        registry.load_external_checks(key)
        _LOADED_EXTERNAL.add(key)
    ids = sorted(
        {c.id for checks in list(registry.checks.values()) + list(registry.wildcard_checks.values()) for c in checks if c.id.startswith(CUSTOM_PREFIX)}
    )
    assert isinstance(registry, BaseCheckRegistry)
    return ids


def _registry(framework: str):
    if framework in ("terraform", "terraform_plan"):
        from checkov.terraform.checks.resource.registry import resource_registry

        return resource_registry
    if framework == "cloudformation":
        from checkov.cloudformation.checks.resource.registry import cfn_registry

        return cfn_registry
    from checkov.kubernetes.checks.resource.registry import registry

    return registry


def _explain_parse_error(framework: str, path: Path) -> str:
    """checkov keeps only the failing file names: re-parse one to say what is wrong."""
    try:
        with open(path, "rb") as fh:
            if b"\x00" in fh.read(SNIFF_BINARY):
                return "the file is binary (contains NUL bytes), not text"
    except OSError as exc:
        return f"cannot read it: {exc.strerror}"
    try:
        if framework == "terraform":
            if path.name.endswith(".json"):
                json.loads(path.read_text(encoding="utf-8-sig"))
            else:
                import hcl2

                hcl2.loads(path.read_text(encoding="utf-8"))
        elif framework == "terraform_plan" or path.suffix.lower() == ".json":  # plan, CloudFormation or Kubernetes JSON
            from .discover import _json_duplicates

            text = path.read_text(encoding="utf-8-sig")
            json.loads(text)
            duplicate = _json_duplicates(text, "")
            if duplicate is not None:  # checkov refuses a plan or template with a duplicate key
                return f"{duplicate.message} ({duplicate.hint})"
        elif framework == "cloudformation":
            from checkov.cloudformation.parser.cfn_yaml import CfnParseError, ContentType, load

            try:
                load(str(path), ContentType.CFN)
            except CfnParseError as exc:
                return str(exc) if re.search(r"\bline:? \d+", str(exc)) else f"{exc} (line {exc.line_number + 1})"
        else:
            import yaml

            list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
    except UnicodeDecodeError:
        return "not UTF-8 text (Shift_JIS? convert with: iconv -f SHIFT_JIS -t UTF-8)"
    except Exception as exc:  # the parser's own message, first line
        mark = getattr(exc, "problem_mark", None)
        if getattr(exc, "problem", None) and mark is not None:  # YAML: the problem and its line
            return f"{exc.problem} (line {mark.line + 1})"
        text = str(exc).strip().splitlines()
        return text[0][:300] if text else exc.__class__.__name__
    return "checkov could not parse this file"


def scan(files: IacFiles, check_ids: dict[str, list[str]], checks_dir: Path) -> list[ScanResult]:
    """Run each framework's checkov runner on the discovered files.

    `check_ids` maps framework -> built-in check ids to run. Unparseable files raise an
    InputError naming each file (never a silent pass).
    """
    _quiet_checkov()
    from .checkov_loader import load_only

    load_only(sorted({c for ids in check_ids.values() for c in ids}))
    from checkov.runner_filter import RunnerFilter

    results: list[ScanResult] = []
    problems: list[Problem] = []
    for framework in FRAMEWORKS:
        paths: list[Path] = getattr(files, framework)
        if not paths:
            continue
        custom = _load_custom_checks(framework, checks_dir)
        allow = sorted(set(check_ids.get(framework, [])) | set(custom))
        # An empty allowlist would mean "every check" to checkov: keep it explicit.
        runner_filter = RunnerFilter(framework=[framework], checks=allow or ["CKV_LGAI_NONE"], show_progress_bar=False)
        tf_read: set[str] = set()
        for runner, report in _run_framework(framework, files, paths, runner_filter):
            _collect(framework, files, runner, report, allow, results, problems)
            if framework != "terraform":
                problems += _unread_files(framework, files, paths, runner, report)
            else:
                tf_read |= {os.path.realpath(str(getattr(k, "file_path", k))) for k in runner.definitions or {}}
                tf_read |= {os.path.realpath(p) for p in report.parsing_errors}
        if framework == "terraform":
            # checkov 3.3's Terraform runner skips *.tf.json without a word.
            problems += [
                Problem(
                    files.rel(p),
                    "checkov does not read Terraform JSON configuration (.tf.json)",
                    hint="check the plan instead: terraform show -json plan.out > plan.json",
                )
                for p in paths
                if p.name.endswith(".tf.json") and os.path.realpath(p) not in tf_read
            ]
    if problems:
        raise InputError(problems)
    return results


def _run_framework(framework: str, files: IacFiles, paths: list[Path], runner_filter):
    """(runner, report) per checkov run. Terraform directories are parsed as directories (so
    that checkov's graph resolves variables, locals and modules across their files), one run
    per searched directory; single files and other frameworks as an explicit file list."""
    if framework == "terraform":
        for start in files.starts:
            mine = [p for p in paths if p == start or start in p.parents]
            if not mine:
                continue
            runner = _runner(framework)
            if start.is_dir():
                yield runner, runner.run(root_folder=str(start), runner_filter=runner_filter)
            else:
                yield runner, runner.run(root_folder=None, files=[str(start)], runner_filter=runner_filter)
        return
    runner = _runner(framework)
    yield runner, runner.run(root_folder=None, files=[str(p) for p in paths], runner_filter=runner_filter)


def _collect(framework: str, files: IacFiles, runner, report, allow: list[str], results: list[ScanResult], problems: list[Problem]) -> None:
    """Parse errors become problems; records and definitions become one ScanResult."""
    for bad in sorted(set(report.parsing_errors)):
        p = Path(bad)
        why = _explain_parse_error(framework, p)
        m = re.search(r"\bline:? (\d+)", why)
        problems.append(Problem(files.rel(p), f"cannot parse {framework} file: {why}", line=int(m.group(1)) if m else None))
    scan_result = ScanResult(framework=framework, definitions=runner.definitions, checks_run=allow)
    for status, records in (("passed", report.passed_checks), ("failed", report.failed_checks), ("skipped", report.skipped_checks)):
        for r in records:
            scan_result.records.append(
                CheckRecord(
                    check_id=r.check_id,
                    check_name=r.check_name,
                    result=status,
                    file=files.rel(r.file_abs_path) if r.file_abs_path else r.file_path.lstrip("/"),
                    line=r.file_line_range[0] if r.file_line_range else None,
                    resource=r.resource,
                    framework=framework,
                    suppress_comment=(r.check_result or {}).get("suppress_comment"),
                    evaluated_keys=sorted({str(k) for k in (r.check_result or {}).get("evaluated_keys") or []}),  # checkov builds them from sets
                )
            )
    results.append(scan_result)


def _unread_files(framework: str, files: IacFiles, paths: list[Path], runner, report) -> list[Problem]:
    """Files checkov neither read nor reported as unparseable (it skips, without a parsing error,
    broken Kubernetes YAML/JSON, plan JSON without `terraform_version`/`planned_values`, templates
    without `Resources`, and Kubernetes documents whose names contain `{`, `}` or `#`): each is an
    input error, never a silent pass."""
    reported = {os.path.realpath(p) for p in report.parsing_errors}
    read: dict[str, object] = {}
    for key, value in (runner.definitions or {}).items():
        read[os.path.realpath(str(getattr(key, "file_path", key)))] = value
    problems: list[Problem] = []
    for path in paths:
        real = os.path.realpath(path)
        if real in reported:
            continue
        if real not in read or (not read[real] and framework != "kubernetes"):
            why = _explain_parse_error(framework, path)
            if why == "checkov could not parse this file":
                why = {
                    "terraform_plan": "not a Terraform plan (`terraform show -json` output has terraform_version and planned_values)",
                    "cloudformation": "not a CloudFormation template (no Resources section)",
                    "kubernetes": "no valid Kubernetes object (apiVersion, kind, and names without '{', '}' or '#'; render Helm charts first)",
                }.get(framework, why)
            m = re.search(r"\bline:? (\d+)", why)
            problems.append(Problem(files.rel(path), f"cannot parse {framework} file: {why}", line=int(m.group(1)) if m else None))
        elif framework == "kubernetes":
            problems += _k8s_dropped(files, path, read[real])
    return problems


def _k8s_dropped(files: IacFiles, path: Path, read: object) -> list[Problem]:
    """Kubernetes documents checkov's validator dropped from a file it otherwise read."""
    import yaml
    from checkov.kubernetes.parser.validatior import K8sValidator

    try:
        text = path.read_text(encoding="utf-8-sig")
        docs = [json.loads(text)] if path.suffix.lower() == ".json" else list(yaml.safe_load_all(text))
    except Exception:  # noqa: BLE001
        if read:  # checkov read objects from it: nothing more to say
            return []
        why = _explain_parse_error("kubernetes", path)
        if "{{" in text:
            why += " (an unrendered Helm template? render it with `helm template` first)"
        return [Problem(files.rel(path), f"cannot parse kubernetes file: {why}")]
    objects = []
    for doc in docs:
        if isinstance(doc, dict) and "apiVersion" in doc and "kind" in doc:
            if doc.get("kind") == "List":
                objects += [item for item in doc.get("items") or [] if item]
            else:
                objects.append(doc)
    if len(objects) <= len(read if isinstance(read, list) else []):
        return []
    problems = []
    for obj in objects:
        ok, reason = K8sValidator.is_valid_template(obj)
        if not ok:
            meta = obj.get("metadata") if isinstance(obj, dict) else None
            name = meta.get("name") if isinstance(meta, dict) else None
            what = f"{obj.get('kind')} {name!r}" if isinstance(obj, dict) else "a document"
            problems.append(Problem(files.rel(path), f"cannot parse kubernetes file: {what} not read by checkov: {reason} (unrendered template?)"))
    if not problems:
        got = len(read) if isinstance(read, list) else 0
        problems.append(
            Problem(
                files.rel(path),
                f"cannot parse kubernetes file: checkov read {got} of its {len(objects)} Kubernetes objects "
                "(an unrendered Helm template? render it with `helm template` first)",
            )
        )
    return problems
