"""Property-based tests (hypothesis): no generated document crashes lgai.

- the YAML loader on arbitrary text and bytes: a SourceDoc or an InputError, quickly;
- the service loader on mutated services (keys deleted, types changed, unknown and duplicate
  keys, random ids and references, huge numbers, unicode): a ServiceInput or an InputError whose
  every problem names its file (and its line, for a problem inside a file);
- every report format, in both languages, on generated services that load;
- Terraform with random attribute values through the whole check: a report or an InputError.

Anything else raised is a failure: nothing here catches a broad exception.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import importlib.util
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import typing
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, event, given, note, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from checker.atomic import STALE_TEMP_SECONDS, remove_stale_temps, write_atomic
from checker.declaration import Declaration
from checker.dataflow import DataflowManifest
from checker.errors import InputError
from checker.formats import FORMATS, _RENDERERS, render
from checker.load import ServiceInput, load_service
from checker.report import Report
from checker.run import CheckOptions, Checker
from checker.yamlsource import SourceDoc, load_yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from soak import generate_valid  # noqa: E402

AS_OF = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
BASE_SERVICE = ROOT / "rules" / "testing" / "base_service"
FIXTURE_SERVICES = sorted(p for p in (ROOT / "fixtures" / "services").iterdir() if (p / "lgai.yaml").is_file())

# The formats whose writer exists at test time (others are being added); every one must render.
AVAILABLE_FORMATS = [f for f in FORMATS if importlib.util.find_spec(f"checker.formats.{_RENDERERS[f][0]}") is not None]

# Problems about a whole file rather than a place in it: no line to give.
WHOLE_FILE = ("file is binary", "file is larger", "cannot read file", "text is not valid Unicode")


def _settings(n: int, seconds: float = 20, shrink: bool = True):
    """Modest example counts and a generous deadline (2 cores, checkov in the loop). Slow tests
    do not shrink a failure: hypothesis may spend minutes on it; the failing input is shown as is."""
    phases = list(Phase) if shrink else [p for p in Phase if p is not Phase.shrink]
    return settings(
        max_examples=n,
        deadline=dt.timedelta(seconds=seconds),
        database=None,
        phases=phases,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckOptions(as_of=AS_OF, now=NOW))


# --- (a) the YAML loader ---------------------------------------------------------------

YAML_TOKENS = [
    ":", ": ", "- ", "-", "? ", ",", "[", "]", "{", "}", "&a ", "*a", "&b ", "*b", "!!binary ", "!!str ", "!!int ",
    "!!float ", "!!bool ", "!!timestamp ", "!!set ", "!!omap ", "!!python/object:os.system ", "!<tag:x> ", "!local ",
    "<<: ", "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "#", "\n", "\r\n", "\t", "  ", "    ", "'", '"',
    "|", ">", "|-", ">+", "\\", "key", "id", "a", "値", "2027-02-30", "2026-11-25", "12:30:00", "0x1F", "0o17", "1e1000",
    ".inf", "-.inf", ".nan", "~", "null", "yes", "No", "on", "=", "@", "`", "%", "\ufeff", "\x85", "\u2028", "\x07",
    "9" * 40, "-0", "0.", "1_000",
]

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.dates(),
)
yaml_trees = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=40,
)


@st.composite
def yaml_texts(draw) -> str:
    kind = draw(st.sampled_from(["unicode", "fragments", "tree", "tree+splice", "deep", "bomb"]))
    if kind == "unicode":
        return draw(st.text(max_size=2000))
    if kind == "fragments":
        return "".join(draw(st.lists(st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=6)), max_size=120)))
    if kind == "deep":
        n = draw(st.integers(1, 3000))
        shape = draw(st.sampled_from(["flow_seq", "flow_map", "block_map", "block_seq"]))
        if shape == "flow_seq":
            return "[" * n + "x" + "]" * draw(st.integers(0, n))
        if shape == "flow_map":
            return "{a: " * n + "1" + "}" * draw(st.integers(0, n))
        n = min(n, 400)
        if shape == "block_map":
            return "".join("  " * i + f"k{i}:\n" for i in range(n)) + "  " * n + "v\n"
        return "- " * n + "x\n"
    if kind == "bomb":
        levels = draw(st.integers(1, 9))
        width = draw(st.integers(1, 40))
        lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
        for i in range(1, levels):
            lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
        return "\n".join(lines) + "\n"
    tree = draw(yaml_trees)
    text = yaml.safe_dump(tree, allow_unicode=draw(st.booleans()), default_flow_style=draw(st.sampled_from([None, True, False])))
    if kind == "tree+splice":
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(YAML_TOKENS)) + text[at:]
    return text


@st.composite
def yaml_files(draw) -> bytes:
    """Raw file contents: generated text in several encodings, or random bytes."""
    kind = draw(st.sampled_from(["utf8", "utf8", "utf8", "bom", "crlf", "shift_jis", "utf16", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    text = draw(yaml_texts())
    if kind == "utf8":
        return text.encode("utf-8")
    if kind == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if kind == "shift_jis":
        return ("名前: " + text).encode("shift_jis", errors="replace")
    return text.encode("utf-16")


def _max_line(raw: bytes) -> int:
    """Lines in the file as YAML counts them (NEL, LS and PS break lines too)."""
    text = raw.decode("utf-8", errors="replace")
    return sum(text.count(c) for c in ("\n", "\r", "\x85", "\u2028", "\u2029")) + 1


@_settings(300, seconds=10)
@given(raw=yaml_files())
def test_yaml_loader_returns_a_document_or_an_input_error(raw: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.yaml"
        path.write_bytes(raw)
        started = time.perf_counter()
        try:
            doc = load_yaml(path, "doc.yaml")
        except InputError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.file == "doc.yaml"
                assert problem.message
                if not problem.message.startswith(WHOLE_FILE):
                    assert problem.line is not None and 1 <= problem.line <= _max_line(raw), problem
                assert "Traceback" not in problem.render()
        else:
            assert isinstance(doc, SourceDoc)
            json.dumps(doc.data, allow_nan=True)  # plain data: nothing but dict/list/str/number/bool/None
        assert time.perf_counter() - started < 5


# --- (b) the service loader on mutated services --------------------------------------------

ID_KEYS = ("id", "provider", "component", "asset", "requirement", "exception_id")

any_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**30, -(10**30), 2**63, -(2**63) - 1, 2**64, 10**400]),
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(["", " ", "2027-02-30", "9999-12-31", "0001-01-01", "latest", "機密性3", "None"]),
    st.dates(),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=5), st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3),
)


def _paths(node, prefix=()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, prefix + (i,))
    return out


def _get(node, path):
    for part in path:
        node = node[part]
    return node


def _set(root, path, value):
    _get(root, path[:-1])[path[-1]] = value


def _leaf_ids(data) -> list[str]:
    return [v for p in _paths(data) if p and p[-1] in ID_KEYS and isinstance(v := _get(data, p), str)]


@st.composite
def mutation(draw, data):
    """Apply one random mutation to `data` (a YAML document as Python values) in place."""
    paths = _paths(data)
    if len(paths) == 1:  # the document is a scalar or empty by now
        return draw(any_value)
    op = draw(st.sampled_from(["delete", "retype", "unknown_key", "id", "unicode", "huge", "copy_item", "empty_list"]))
    if op == "delete":
        path = draw(st.sampled_from([p for p in paths if p]))
        del _get(data, path[:-1])[path[-1]]
    elif op == "retype":
        path = draw(st.sampled_from(paths))
        value = draw(any_value)
        if not path:
            return value  # the whole document replaced
        _set(data, path, value)
    elif op == "unknown_key":
        dicts = [p for p in paths if isinstance(_get(data, p), dict)]
        if dicts:
            _get(data, draw(st.sampled_from(dicts)))[draw(st.text(max_size=12))] = draw(any_value)
    elif op == "id":
        refs = [p for p in paths if p and p[-1] in ID_KEYS]
        if refs:
            choices = st.one_of(st.text(max_size=20), st.sampled_from(_leaf_ids(data) or ["x"]))
            _set(data, draw(st.sampled_from(refs)), draw(choices))
    elif op == "unicode":
        strings = [p for p in paths if p and isinstance(_get(data, p), str)]
        if strings:
            _set(data, draw(st.sampled_from(strings)), draw(st.text(min_size=1, max_size=60)))
    elif op == "huge":
        numbers = [p for p in paths if p and isinstance(_get(data, p), int) and not isinstance(_get(data, p), bool)]
        if numbers:
            _set(data, draw(st.sampled_from(numbers)), draw(st.sampled_from([10**18, 10**30, -1, 2**63, 10**400, 1.5e308])))
    elif op == "copy_item":
        lists = [p for p in paths if isinstance(_get(data, p), list) and _get(data, p)]
        if lists:
            items = _get(data, draw(st.sampled_from(lists)))
            items.append(copy.deepcopy(items[draw(st.integers(0, len(items) - 1))]))
    elif op == "empty_list":
        lists = [p for p in paths if p and isinstance(_get(data, p), list)]
        if lists:
            _set(data, draw(st.sampled_from(lists)), [])
    return data


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


@st.composite
def duplicate_a_key(draw, text: str) -> str:
    """Repeat one `key:` line right after itself: a duplicate key in the same mapping."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith(("-", "'", '"'))]
    if not keyed:
        return text
    i = draw(st.sampled_from(keyed))
    lines.insert(i + 1, lines[i])
    return "\n".join(lines)


@st.composite
def mutated_services(draw):
    """(lgai.yaml text, dataflows.yaml text) of a valid service after 1-5 random mutations."""
    base = draw(st.sampled_from([BASE_SERVICE] + FIXTURE_SERVICES))
    docs = {name: yaml.safe_load((base / name).read_text(encoding="utf-8")) for name in ("lgai.yaml", "dataflows.yaml")}
    for _ in range(draw(st.integers(1, 5))):
        name = draw(st.sampled_from(sorted(docs)))
        docs[name] = draw(mutation(docs[name]))
    texts = {name: _dump(data) for name, data in docs.items()}
    if draw(st.integers(0, 3)) == 0:
        name = draw(st.sampled_from(sorted(texts)))
        texts[name] = draw(duplicate_a_key(texts[name]))
    note(f"base: {base.name}")
    return texts


def _write_service(root: Path, texts: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _assert_problems_located(exc: InputError, root: Path) -> None:
    assert exc.problems, "an InputError without problems"
    for problem in exc.problems:
        assert problem.file, problem
        assert problem.message, problem
        path = root / problem.file
        assert path.exists() or problem.file == str(root), f"problem names no input file: {problem}"
        # lgai's own YAML inputs always have a line; IaC parsers give one when they know it
        if path.is_file() and path.suffix in (".yaml", ".yml") and not problem.message.startswith(WHOLE_FILE):
            n_lines = path.read_text(encoding="utf-8", errors="replace").count("\n") + 1
            assert problem.line is not None, f"problem in a file without a line: {problem.render()}"
            assert 1 <= problem.line <= n_lines, problem.render()
        assert "Traceback" not in problem.render()


@_settings(100)
@given(texts=mutated_services())
def test_mutated_service_loads_or_names_every_problem(checker, texts):
    with tempfile.TemporaryDirectory() as tmp:
        root = _write_service(Path(tmp) / "svc", texts)
        try:
            service = load_service(root, checker.policy.scheme)
        except InputError as exc:
            event("load: input error")
            note(exc.render())
            _assert_problems_located(exc, root)
            return
        assert isinstance(service, ServiceInput)
        event("load: service")
        # What loads is judged: the whole check gives a report (or an InputError, e.g. an
        # attestation naming an unknown requirement) and never anything else.
        try:
            report = checker.check(root)
        except InputError as exc:
            _assert_problems_located(exc, root)
            return
        assert isinstance(report, Report)
        assert len(report.results) == len(checker.pack.rules)


# --- (c) every report format on generated services -------------------------------------------


def _field_choices(model: type[BaseModel], path: tuple) -> list | None:
    """The values a Literal field at `path` (into data validated by `model`) allows, or None."""
    current: list = [model]
    annotations: list = []
    for part in path:
        if isinstance(part, int):
            continue
        annotations = []
        for m in current:
            for name, f in getattr(m, "model_fields", {}).items():
                if part in (name, f.alias):
                    annotations.append(f.annotation)
        current = [m for a in annotations for m in _models(a)]
    literals = [v for a in annotations for v in _literals(a)]
    return sorted(set(literals), key=str) or None


def _walk(annotation):
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _walk(typing.get_args(annotation)[0])
    elif origin is not None and origin is not typing.Literal:
        for arg in typing.get_args(annotation):
            yield from _walk(arg)
    else:
        yield annotation


def _models(annotation):
    return [a for a in _walk(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]


def _literals(annotation):
    return [v for a in _walk(annotation) if typing.get_origin(a) is typing.Literal for v in typing.get_args(a)]


FREE_TEXT = {
    "name", "vendor", "description", "purpose", "training_use_evidence", "court", "government_access_policy",
    "contact", "statement", "document", "section", "crossborder_assessment", "return_format", "model",
    "permission_scope", "human_contact", "terms_of_use", "ai_disclosure_text", "tuned_model_rights", "backup_method",
}
SECRET_LOOKING = [
    "password=hunter2", "AKIAIOSFODNN7EXAMPLE", "postgres://admin:s3cr3t@db.example.jp/app",
    "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
    "| pipe | and `tick` and **bold** and ]]> and &amp;", "\u202e右から左", "line\nbreak",
]


@st.composite
def valid_mutation(draw, data, model: type[BaseModel]):
    """A change that keeps the document valid: another allowed value of an enum, a flipped
    boolean, another number in range, other free text (including secret-looking values)."""
    paths = [p for p in _paths(data) if p and not isinstance(_get(data, p), (dict, list))]
    path = draw(st.sampled_from(paths))
    value = _get(data, path)
    key = next((p for p in reversed(path) if isinstance(p, str)), None)
    choices = _field_choices(model, path)
    if isinstance(value, bool):
        _set(data, path, not value)
    elif choices and len(choices) > 1:
        _set(data, path, draw(st.sampled_from(choices)))
    elif isinstance(value, int):
        _set(data, path, draw(st.integers(0, 10**6)))
    elif isinstance(value, str) and key in FREE_TEXT:
        _set(data, path, draw(st.one_of(st.text(min_size=1, max_size=80), st.sampled_from(SECRET_LOOKING))))
    return data


@st.composite
def loadable_services(draw):
    """Service directories contents meant to load: a fixture or a small synthetic service, with
    value changes that keep it valid. Returns (base directory to copy or None, {name: text})."""
    if draw(st.booleans()):
        with tempfile.TemporaryDirectory() as tmp:
            out = generate_valid(Path(tmp) / "s", draw(st.integers(1, 12)), draw(st.integers(1, 25)), seed=draw(st.integers(0, 10**6)))
            texts = {name: (out / name).read_text(encoding="utf-8") for name in ("lgai.yaml", "dataflows.yaml")}
        base = None
    else:
        base = draw(st.sampled_from([BASE_SERVICE] + FIXTURE_SERVICES))
        texts = {name: (base / name).read_text(encoding="utf-8") for name in ("lgai.yaml", "dataflows.yaml")}
    docs = {name: yaml.safe_load(text) for name, text in texts.items()}
    models = {"lgai.yaml": Declaration, "dataflows.yaml": DataflowManifest}
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(sorted(docs)))
        docs[name] = draw(valid_mutation(docs[name], models[name]))
    note(f"base: {base.name if base else 'synthetic'}")
    return base, {name: _dump(data) for name, data in docs.items()}


@_settings(40, seconds=60, shrink=False)
@given(generated=loadable_services())
def test_every_format_renders_every_loadable_service(checker, generated):
    base, texts = generated
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "svc"
        if base is not None:  # keep what else the fixture holds (IaC, municipality.yaml)
            shutil.copytree(base, root)
        _write_service(root, texts)
        try:
            report = checker.check(root)
        except InputError as exc:
            note(exc.render())
            assume(False)  # a value change that made the service invalid: not what this test is about
    for fmt in AVAILABLE_FORMATS:
        for lang in ("ja", "en"):
            out = render(report, fmt, lang)
            assert isinstance(out, str) and out.strip(), (fmt, lang)
    # the JSON report reads back as the same Report
    assert Report.model_validate_json(render(report, "json", "en")) == report.model_copy(update={"lang": "en"})


def test_available_formats_include_the_original_three():
    assert {"text", "json", "markdown"} <= set(AVAILABLE_FORMATS)


# --- (d) Terraform with random values through the whole check ---------------------------------

RESOURCE_ATTRS = {
    "aws_s3_bucket": ["bucket", "acl", "force_destroy", "object_lock_enabled", "tags"],
    "aws_s3_bucket_public_access_block": ["bucket", "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"],
    "aws_db_instance": ["engine", "storage_encrypted", "kms_key_id", "publicly_accessible", "backup_retention_period", "multi_az", "allocated_storage"],
    "aws_security_group": ["name", "vpc_id", "description"],
    "aws_kms_key": ["description", "enable_key_rotation", "deletion_window_in_days", "multi_region"],
    "aws_cloudwatch_log_group": ["name", "retention_in_days", "kms_key_id"],
    "aws_bedrock_model_invocation_logging_configuration": ["region"],
    "aws_bedrockagent_knowledge_base": ["name", "role_arn"],
    "azurerm_storage_account": ["name", "location", "account_tier", "min_tls_version", "public_network_access_enabled", "https_traffic_only_enabled"],
    "azurerm_cognitive_account": ["name", "location", "kind", "sku_name", "public_network_access_enabled", "local_auth_enabled"],
    "google_storage_bucket": ["name", "location", "uniform_bucket_level_access", "public_access_prevention", "force_destroy"],
    "google_vertex_ai_endpoint": ["name", "location", "region", "display_name"],
}
BLOCKS = {
    "aws_security_group": ("ingress", ["from_port", "to_port", "protocol", "cidr_blocks", "ipv6_cidr_blocks"]),
    "aws_s3_bucket": ("server_side_encryption_configuration", ["rule"]),
    "aws_bedrock_model_invocation_logging_configuration": ("logging_config", ["text_data_delivery_enabled", "embedding_data_delivery_enabled"]),
    "azurerm_cognitive_account": ("network_acls", ["default_action", "ip_rules"]),
    "google_storage_bucket": ("encryption", ["default_kms_key_name"]),
}
identifiers = st.from_regex(r"[a-z_][a-z0-9_-]{0,12}", fullmatch=True)


def _hcl_string(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    # template sequences: ${ and %{ are escaped by doubling the sign
    return '"' + "".join(out).replace("${", "$${").replace("%{", "%%{") + '"'


hcl_scalars = st.one_of(
    st.text(max_size=30).map(_hcl_string),
    st.sampled_from(['"ap-northeast-1"', '"us-east-1"', '"japaneast"', '"0.0.0.0/0"', '"aws:kms"', '"AES256"', '"TLS1_0"', '"*"', '""']),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(-1e12, 1e12).map(lambda x: f"{x:.4f}"),  # no exponent: checkov's HCL parser rejects 1e+16
    st.sampled_from(["true", "false", "null"]),
    st.sampled_from(["var.undeclared", "var.region", "local.missing", "aws_kms_key.k.arn", "module.m.out", "data.aws_caller_identity.me.id",
                     'lookup(var.m, "k", "d")', "length(var.l)", 'jsonencode({a = 1})', 'format("%s", var.x)', "each.value", "count.index"]),
)
hcl_values = st.recursive(
    hcl_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(identifiers, children, max_size=3).map(lambda d: "{ " + ", ".join(f"{k} = {v}" for k, v in d.items()) + " }"),
    ),
    max_leaves=8,
)


@st.composite
def terraform_files(draw) -> str:
    blocks = []
    if draw(st.booleans()):
        blocks.append(f'provider "aws" {{\n  region = {draw(hcl_values)}\n}}')
    if draw(st.booleans()):
        blocks.append(f'variable "region" {{\n  default = {draw(hcl_values)}\n}}')
    names = set()
    for _ in range(draw(st.integers(1, 5))):
        rtype = draw(st.sampled_from(sorted(RESOURCE_ATTRS)))
        name = draw(identifiers.filter(lambda n: (rtype, n) not in names))
        names.add((rtype, name))
        attrs = draw(st.lists(st.one_of(st.sampled_from(RESOURCE_ATTRS[rtype]), identifiers), max_size=6, unique=True))
        body = [f"  {a} = {draw(hcl_values)}" for a in attrs]
        if rtype in BLOCKS and draw(st.booleans()):
            block, inner = BLOCKS[rtype]
            inner_attrs = draw(st.lists(st.sampled_from(inner), max_size=len(inner), unique=True))
            body.append(f"  {block} {{\n" + "".join(f"    {a} = {draw(hcl_values)}\n" for a in inner_attrs) + "  }")
        blocks.append(f'resource "{rtype}" "{name}" {{\n' + "\n".join(body) + "\n}")
    text = "\n\n".join(blocks) + "\n"
    if draw(st.sampled_from(range(10))) == 9:  # now and then, a file cut short (not valid HCL)
        text = text[: draw(st.sampled_from(range(len(text))))]
    return text


@_settings(30, seconds=60, shrink=False)
@given(tf=terraform_files(), with_service=st.booleans())
def test_random_terraform_gives_a_report_or_an_input_error(checker, tf, with_service):
    with tempfile.TemporaryDirectory() as tmp:
        if with_service:
            root = Path(tmp) / "svc"
            shutil.copytree(BASE_SERVICE, root)
            (root / "terraform").mkdir()
            (root / "terraform" / "main.tf").write_text(tf, encoding="utf-8")
        else:
            root = Path(tmp) / "iac"
            root.mkdir()
            (root / "main.tf").write_text(tf, encoding="utf-8")
        try:
            report = checker.check(root)
        except InputError as exc:
            event("input error")
            note(exc.render())
            _assert_problems_located(exc, root)
            return
    event(f"report: {report.iac.resources if report.iac else 0} IaC resources")
    assert isinstance(report, Report)
    assert report.scope == ("service" if with_service else "iac_only")
    for fmt in ("json", "text", "markdown"):
        render(report, fmt, "ja")


# --- (e) interrupted writes: a report file is complete, the previous one, or absent ---------------

# A child that writes numbered, self-checking versions of one file through write_atomic, with the
# write slowed down (4 KiB at a time) so that a kill lands in the middle of one; it announces each
# write on stdout so that the parent can aim.
_WRITER = r"""
import hashlib, os, sys, time
from pathlib import Path
import checker.atomic as atomic

class Slow:
    def __init__(self, fh): self.fh = fh
    def write(self, data):
        for i in range(0, len(data), 4096):
            self.fh.write(data[i:i + 4096]); self.fh.flush(); time.sleep(0.0003)
        return len(data)
    def __getattr__(self, name): return getattr(self.fh, name)
    def __enter__(self): return self
    def __exit__(self, *exc): return self.fh.__exit__(*exc)

fdopen = os.fdopen
atomic.os.fdopen = lambda fd, mode: Slow(fdopen(fd, mode))
target = Path(sys.argv[1])
for n in range(1, 1000):
    body = (f"version {n}\n" + "\n".join(f"{n}:{i}:" + "x" * 60 for i in range(n * 1000 % 7000 + 4000))).encode()
    data = body + b"\nsha256 " + hashlib.sha256(body).hexdigest().encode() + b"\n"
    print("writing", n, flush=True)
    atomic.write_atomic(target, data)
    print("wrote", n, flush=True)
"""


def _complete(data: bytes) -> bool:
    body, sep, trailer = data.rpartition(b"\nsha256 ")
    return bool(sep) and trailer == hashlib.sha256(body).hexdigest().encode() + b"\n"


def _temps(directory: Path, name: str) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".tmp"))


def test_a_killed_write_leaves_the_target_complete_or_absent(tmp_path):
    rng = random.Random(8)
    target = tmp_path / "report.json"
    leftovers = 0
    outcomes = {"absent": 0, "complete": 0}
    for run in range(10):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            writes = rng.randint(1, 3)
            for line in child.stdout:
                if line.startswith("writing") and int(line.split()[1]) >= writes:
                    break
            time.sleep(rng.uniform(0, 0.05))
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait(timeout=30)
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        if target.exists():
            assert _complete(target.read_bytes()), f"run {run}: a partial report file"
            outcomes["complete"] += 1
        else:
            outcomes["absent"] += 1
        # a killed process cannot clean up: at most its one temporary file is left
        left = _temps(tmp_path, "report.json")
        assert len(left) <= leftovers + 1, left
        leftovers = len(left)
    print(f"killed writers: {outcomes}, {leftovers} temporary files left behind")
    assert outcomes["complete"] >= 1

    # the next write removes leftovers once they are old enough to be nobody's write in progress
    left = _temps(tmp_path, "report.json")
    if not left:  # make one, as a killed writer would have
        (tmp_path / ".report.json.abcd1234.tmp").write_bytes(b"partial")
        left = _temps(tmp_path, "report.json")
    write_atomic(target, b"fresh")
    assert _temps(tmp_path, "report.json") == left, "a recent temporary file (maybe a write in progress) was removed"
    old = time.time() - STALE_TEMP_SECONDS - 60
    for name in left:
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".other.json.abcd1234.tmp").write_bytes(b"another target's")
    os.utime(tmp_path / ".other.json.abcd1234.tmp", (old, old))
    write_atomic(target, b"fresh again")
    assert _temps(tmp_path, "report.json") == []
    assert (tmp_path / ".other.json.abcd1234.tmp").exists(), "removed a temporary file of another target"
    assert target.read_bytes() == b"fresh again"


def test_stale_temp_cleanup_keeps_what_is_not_its_own(tmp_path):
    target = tmp_path / "r.html"
    old = time.time() - STALE_TEMP_SECONDS - 1
    keep = [".r.html.tmp", ".r.html.short.tmp", ".r.html.abcd1234.tmp.bak", "r.html.abcd1234.tmp", ".r.html.ABCD1234.tmp"]
    for name in keep + [".r.html.abcd_234.tmp"]:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".r.html.dir45678.tmp").mkdir()
    os.utime(tmp_path / ".r.html.dir45678.tmp", (old, old))
    assert remove_stale_temps(target) == [".r.html.abcd_234.tmp"]
    assert all((tmp_path / name).exists() for name in keep + [".r.html.dir45678.tmp"])


def test_a_killed_lgai_check_leaves_the_previous_report_or_a_complete_one(tmp_path):
    """The real command, killed at random moments while it checks and writes: the report file
    is the previous one or a complete new one, never a part of one."""
    rng = random.Random(5)
    svc = generate_valid(tmp_path / "svc", 300, 1500, seed=3)
    out = tmp_path / "report.json"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    lgai = Path(sys.executable).parent / "lgai"
    cmd = [str(lgai), "check", str(svc), "--format", "json", "-o", str(out), "--as-of", "2026-11-25"]
    started = time.perf_counter()
    assert subprocess.run(cmd, capture_output=True).returncode in (0, 1)
    full = time.perf_counter() - started
    first = json.loads(out.read_text(encoding="utf-8"))
    for run in range(4):
        out.write_text('{"previous": true}\n', encoding="utf-8")
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.0) * full)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        data = json.loads(out.read_text(encoding="utf-8"))  # never partial: always parses
        assert data == {"previous": True} or data["verdict"] == first["verdict"], run
        assert len(_temps(tmp_path, "report.json")) <= 1
