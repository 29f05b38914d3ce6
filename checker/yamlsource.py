"""Safe YAML loading that remembers where every value came from.

PyYAML's safe composer builds a node tree with source marks; we convert it to
plain Python values ourselves so that we can
- record the line of every mapping key and sequence item (for evidence and errors),
- reject duplicate keys (a later key must never silently hide an earlier one),
- bound the work done on hostile input (alias bombs, very deep nesting).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

try:  # libyaml is much faster on large manifests
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 20 * 1024 * 1024
# Nodes (keys and values) in one document, counted from the parser's events before it is composed
# (composing keeps every node in memory, about 300 bytes each) and again as aliases are expanded.
# A declaration has a few thousand; the 10,000-flow manifest of benchmarks/bench_check.py about
# 213,000. This bounds the memory hostile input can take to about 300 MB (measured by
# tests/test_hostile_inputs.py).
MAX_NODES = 500_000
MAX_ALIAS_REUSE = 1_000  # one anchored collection expanded more often than this: refuse
MAX_DEPTH = 64
MAX_INT = 2**63 - 1  # whole numbers beyond a signed 64-bit integer are refused

Path_ = tuple  # a path into a document: ("components", 0, "region")


def render_path(path: Path_) -> str:
    """("components", 0, "region") -> "components[0].region"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class SourceDoc:
    """A loaded YAML document with its line map."""

    file: str  # path as shown to the user
    data: Any
    lines: dict[Path_, int]
    sha256: str = ""

    def line_of(self, path: Path_) -> int | None:
        """Line of the closest ancestor of `path` that we know."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


# Tags whose scalars are read as plain strings: '=' (the YAML "value" key) and '<<' in a value
# position would otherwise have no constructor in the safe loader.
_AS_STRING_TAGS = {"tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}
_TAG_KIND = {
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "null",
}
_SAFE_TAGS = set(yaml.constructor.SafeConstructor.yaml_constructors) - {None}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _construct_scalar(constructor: yaml.constructor.SafeConstructor, node: yaml.ScalarNode, shown: str) -> Any:
    """The Python value of one scalar node; InputError (with its line) when it cannot be read.

    `constructor` lives as long as one document: a SafeConstructor caches every node it has
    built (`constructed_objects`), so a shared one would keep every document ever loaded alive."""
    if node.tag in _AS_STRING_TAGS:
        return node.value
    line = node.start_mark.line + 1
    if node.tag not in _SAFE_TAGS:
        raise InputError.single(
            shown,
            f"unsupported YAML tag '{node.tag}'",
            line=line,
            hint="remove the tag; lgai reads plain YAML values only",
        )
    try:
        return constructor.construct_object(node, deep=True)
    except Exception:  # noqa: BLE001 - PyYAML's constructors fail on bad values with ValueError, KeyError, IndexError...
        value = node.value if isinstance(node.value, str) else ""
        shown_value = value if len(value) <= 40 else value[:37] + "..."
        kind = _TAG_KIND.get(node.tag, f"a '{node.tag}' value")
        hint = "quote it to keep it as text" if node.style is None and node.tag == "tag:yaml.org,2002:timestamp" else None
        raise InputError.single(shown, f"'{shown_value}' is not {kind}", line=line, hint=hint) from None


def _read_text(path: Path, shown: str) -> tuple[str, str]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError.single(shown, f"cannot read file: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise InputError.single(
            shown,
            f"file is {size} bytes, larger than the limit of {MAX_FILE_BYTES} bytes",
            hint="split the manifest into several files under dataflows/",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:  # permissions, a directory, a vanished file
        raise InputError.single(shown, f"cannot read file: {exc.strerror}") from None
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Notepad's "Unicode"
        raise InputError.single(
            shown, "file is UTF-16, not UTF-8", line=1, hint="save it as UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8`"
        )
    if b"\x00" in raw:
        raise InputError.single(
            shown, "file is binary (contains NUL bytes), not YAML", hint=f"{_binary_kind(raw)}lgai reads UTF-8 text, see docs/input-format.md"
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), digest
    except UnicodeDecodeError as exc:
        hint = "save it as UTF-8"
        for codec, name, iconv in (("shift_jis", "Shift_JIS", "SHIFT_JIS"), ("cp932", "Shift_JIS (Windows CP932)", "CP932")):
            try:
                raw.decode(codec)
            except UnicodeDecodeError:
                continue
            hint = f"it looks like {name}; convert it with `iconv -f {iconv} -t UTF-8`"
            break
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(shown, "file is not valid UTF-8", line=line, hint=hint) from None


def load_yaml(path: Path, shown: str | None = None) -> SourceDoc:
    """Load one YAML document from `path`; raise InputError on anything wrong."""
    shown = shown or str(path)
    text, digest = _read_text(path, shown)
    doc = parse_yaml(text, shown)
    doc.sha256 = digest
    return doc


def _count_lines(text: str) -> int:
    """Lines as YAML counts them: LF, CR, CRLF, NEL, LS and PS each end one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + text.count("\x85") + text.count("\u2028") + text.count("\u2029") + 1


_MAGIC = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (an Excel or Word file?)", b"\xd0\xcf\x11\xe0": "an old Office document"}


def _binary_kind(raw: bytes) -> str:
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            return f"it looks like {kind}; "
    return ""


def _count_events(text: str, shown: str) -> None:
    """Refuse a document with more than MAX_NODES values before composing it (the composer keeps
    every node in memory first); the parser's events are streamed, so this takes little memory."""
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            count += 1
            if count > MAX_NODES:
                raise InputError.single(
                    shown,
                    f"document has more than {MAX_NODES} keys and values, the limit for one file",
                    line=event.start_mark.line + 1,
                    hint="split the manifest into several files under dataflows/",
                )


def parse_yaml(text: str, shown: str) -> SourceDoc:
    try:
        _count_events(text, shown)
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except UnicodeError as exc:  # lone surrogates in text that did not come from a UTF-8 file
        raise InputError.single(shown, f"text is not valid Unicode: {exc.reason}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # libyaml places an error at the end of a file without a final newline one line past it
        line = min(mark.line + 1, _count_lines(text)) if mark else None
        msg = exc.problem or str(exc)
        if exc.context:
            msg = f"{exc.context}, {msg}"
        raise InputError.single(shown, f"malformed YAML: {msg}", line=line) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise InputError.single(shown, f"malformed YAML: character {char} is not allowed ({exc.reason})", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError.single(shown, f"malformed YAML: {exc}") from None
    if len(nodes) > 1:
        raise InputError.single(
            shown, "file holds several YAML documents ('---'); lgai expects one", line=nodes[1].start_mark.line + 1
        )
    lines: dict[Path_, int] = {}
    if not nodes or nodes[0] is None:
        return SourceDoc(shown, None, lines)
    builder = _Builder(shown, lines)
    data = builder.build(nodes[0], (), 0)
    return SourceDoc(shown, data, lines)


class _Builder:
    def __init__(self, shown: str, lines: dict[Path_, int]):
        self.shown = shown
        self.lines = lines
        self.count = 0
        self.reuse: dict[int, int] = {}
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError.single(
                self.shown,
                f"document expands to more than {MAX_NODES} values (YAML alias bomb?)",
                line=node.start_mark.line + 1,
            )
        if depth > MAX_DEPTH:
            raise InputError.single(
                self.shown, f"document is nested deeper than {MAX_DEPTH} levels", line=node.start_mark.line + 1
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            seen = self.reuse[id(node)] = self.reuse.get(id(node), 0) + 1
            if seen > MAX_ALIAS_REUSE:
                raise InputError.single(
                    self.shown,
                    f"an anchored value is expanded more than {MAX_ALIAS_REUSE} times (YAML alias bomb?)",
                    line=node.start_mark.line + 1,
                )
            if node.tag not in _COLLECTION_TAGS:  # e.g. !!python/object/apply: refused, never ignored
                raise InputError.single(
                    self.shown,
                    f"unsupported YAML tag '{node.tag}'",
                    line=node.start_mark.line + 1,
                    hint="remove the tag; lgai reads plain YAML values only",
                )
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            key_lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise InputError.single(
                        self.shown, "YAML merge keys ('<<') are not supported", line=key_node.start_mark.line + 1
                    )
                key = None
                if isinstance(key_node, yaml.ScalarNode):
                    key = _construct_scalar(self.constructor, key_node, self.shown)
                if not isinstance(key, (str, int, float, bool, _dt.date)):
                    raise InputError.single(
                        self.shown, "mapping keys must be plain scalars", line=key_node.start_mark.line + 1
                    )
                key = str(key)
                kline = key_node.start_mark.line + 1
                if key in out:
                    raise InputError.single(
                        self.shown,
                        f"duplicate key '{key}' (first at line {key_lines[key]})",
                        line=kline,
                        field=render_path(path + (key,)),
                        hint="a later key would silently hide the earlier one; keep one",
                    )
                key_lines[key] = kline
                self.lines[path + (key,)] = kline
                out[key] = self.build(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.lines[path + (i,)] = item.start_mark.line + 1
                items.append(self.build(item, path + (i,), depth + 1))
            return items
        value = _construct_scalar(self.constructor, node, self.shown)
        if isinstance(value, int) and not isinstance(value, bool) and not -MAX_INT - 1 <= value <= MAX_INT:
            # a rule engine cannot compare it (regorus fails the whole evaluation), and no field needs it
            text = node.value if len(node.value) <= 24 else node.value[:21] + "..."
            raise InputError.single(
                self.shown, f"number {text} is out of range (at most {MAX_INT} either way)", line=node.start_mark.line + 1
            )
        if isinstance(value, _dt.datetime):
            return value.isoformat()
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, bytes):
            raise InputError.single(self.shown, "binary YAML values are not supported", line=node.start_mark.line + 1)
        return value
