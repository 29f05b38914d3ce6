"""`lgai diff OLD NEW`: what got better or worse between two runs of the same service.

Per requirement: the status change, classified as worse or better; findings added and removed
(matched on file, field and message, not on the line, so that a finding whose line only moved
counts as unchanged); requirements added or removed by a rule-pack change; the verdict change.
`ReportDiff.worse` is what a CI job gates on (the CLI exits 1 when it is true).
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from dataclasses import dataclass, field

from .compare import SEV_ORDER, word
from .report import Finding, Report, RequirementResult, Text

# How bad a status is for the service. Statuses of equal rank (pass, attested, not applicable)
# are a neutral "changed", not better or worse.
STATUS_RANK = {"pass": 0, "attested": 0, "not_applicable": 0, "needs_attestation": 1, "fail": 2, "error": 3}
VERDICT_RANK = {"compliant": 0, "conditionally_compliant": 1, "non_compliant": 2, "not_determinable": 3}
CHANGE_ORDER = {"worse": 0, "better": 1, "changed": 2}


def classify(old: str, new: str) -> str | None:
    """worse / better / changed for a status change; None when the status is the same."""
    if old == new:
        return None
    if new == "error":
        return "worse"  # anything -> error: the requirement can no longer be judged
    if old == "error":
        return "worse" if new == "fail" else "better"  # a failure that the error hid is still a failure
    a, b = STATUS_RANK[old], STATUS_RANK[new]
    return "worse" if b > a else "better" if b < a else "changed"


@dataclass
class FindingRef:
    file: str
    field: str
    message: Text
    line: int | None = None  # the line in the report it comes from
    old_line: int | None = None  # moved findings: the line in OLD

    def key(self) -> tuple:
        return (self.file, self.field, self.message.ja, self.message.en)

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "message": {"ja": self.message.ja, "en": self.message.en}}


def _ref(f: Finding) -> FindingRef:
    return FindingRef(file=f.file, field=f.field, message=f.message, line=f.line)


def match_findings(old: list[Finding], new: list[Finding]) -> tuple[list[FindingRef], list[FindingRef], list[FindingRef]]:
    """(added, removed, moved): matched on file, field and message; a match on another line is 'moved'."""
    pool: dict[tuple, list[FindingRef]] = defaultdict(list)
    for f in old:
        r = _ref(f)
        pool[r.key()].append(r)
    for refs in pool.values():
        refs.sort(key=lambda r: r.line or 0)
    added, moved = [], []
    unmatched_new = []
    # first pair findings that stayed on their line, then pair the rest in line order
    for f in sorted(new, key=lambda f: f.line or 0):
        r = _ref(f)
        same = next((o for o in pool[r.key()] if o.line == r.line), None)
        if same is not None:
            pool[r.key()].remove(same)
        else:
            unmatched_new.append(r)
    for r in unmatched_new:
        if pool[r.key()]:
            o = pool[r.key()].pop(0)
            r.old_line = o.line
            moved.append(r)
        else:
            added.append(r)
    removed = [r for refs in pool.values() for r in refs]
    order = lambda r: (r.file, r.line or 0, r.field, r.message.en)  # noqa: E731
    return sorted(added, key=order), sorted(removed, key=order), sorted(moved, key=order)


@dataclass
class RequirementChange:
    id: str
    title: Text
    severity: str
    old_status: str
    new_status: str
    change: str  # worse / better / changed
    findings_added: list[FindingRef] = field(default_factory=list)
    findings_removed: list[FindingRef] = field(default_factory=list)
    findings_moved: list[FindingRef] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": {"ja": self.title.ja, "en": self.title.en},
            "severity": self.severity,
            "change": self.change,
            "status": {"old": self.old_status, "new": self.new_status},
            "findings_added": [f.as_dict() for f in self.findings_added],
            "findings_removed": [f.as_dict() for f in self.findings_removed],
            "findings_moved": [dict(f.as_dict(), old_line=f.old_line) for f in self.findings_moved],
        }


@dataclass
class RequirementPresence:
    """A requirement only one of the two reports has (the rule pack changed)."""

    id: str
    title: Text
    severity: str
    status: str
    change: str  # worse (added and not met) or changed

    def as_dict(self) -> dict:
        return {"id": self.id, "title": {"ja": self.title.ja, "en": self.title.en}, "severity": self.severity,
                "status": self.status, "change": self.change}


@dataclass
class DiffWarning:
    key: str  # diff_warn_*
    old: str
    new: str


@dataclass
class ReportDiff:
    old: dict
    new: dict
    verdict_old: str
    verdict_new: str
    verdict_change: str | None
    changes: list[RequirementChange]  # worse first, then better, then changed; by severity and id
    requirements_added: list[RequirementPresence]
    requirements_removed: list[RequirementPresence]
    moved: int  # findings that only moved to another line, in requirements otherwise unchanged too
    warnings: list[DiffWarning]

    @property
    def worse(self) -> bool:
        return (
            self.verdict_change == "worse"
            or any(c.change == "worse" for c in self.changes)
            or any(r.change == "worse" for r in self.requirements_added)
        )

    @property
    def empty(self) -> bool:
        return not (self.changes or self.requirements_added or self.requirements_removed or self.verdict_change)

    def count(self, change: str) -> int:
        return sum(1 for c in self.changes if c.change == change) + sum(
            1 for r in self.requirements_added if r.change == change
        )

    def as_dict(self) -> dict:
        return {
            "old": self.old,
            "new": self.new,
            "worse": self.worse,
            "verdict": {"old": self.verdict_old, "new": self.verdict_new, "change": self.verdict_change or "unchanged"},
            "counts": {
                "worse": self.count("worse"),
                "better": self.count("better"),
                "changed": self.count("changed"),
                "findings_added": sum(len(c.findings_added) for c in self.changes),
                "findings_removed": sum(len(c.findings_removed) for c in self.changes),
                "findings_moved": self.moved,
                "requirements_added": len(self.requirements_added),
                "requirements_removed": len(self.requirements_removed),
            },
            "changes": [c.as_dict() for c in self.changes],
            "requirements_added": [r.as_dict() for r in self.requirements_added],
            "requirements_removed": [r.as_dict() for r in self.requirements_removed],
            "warnings": [
                {"code": w.key.removeprefix("diff_warn_"), "old": w.old, "new": w.new,
                 "message": {"ja": word(w.key, "ja"), "en": word(w.key, "en")}}
                for w in self.warnings
            ],
        }


def _meta(r: Report) -> dict:
    return {
        "service": r.service.get("name"),
        "vendor": r.service.get("vendor"),
        "version": r.service.get("version"),
        "verdict": r.verdict,
        "rule_pack": {"version": str(r.rule_pack.get("version", "")), "digest": str(r.rule_pack.get("digest", ""))},
        "as_of": r.as_of,
        "generated_at": r.generated_at,
        "profile": sorted(r.profile.get("models", [])),
        "scope": r.scope,
    }


def _order(x) -> tuple:
    return (CHANGE_ORDER[x.change], SEV_ORDER.get(x.severity, 9), x.id)


def diff_reports(old: Report, new: Report) -> ReportDiff:
    olds: dict[str, RequirementResult] = {r.id: r for r in old.results}
    news: dict[str, RequirementResult] = {r.id: r for r in new.results}
    changes, moved_only = [], 0
    for rid in sorted(olds.keys() & news.keys()):
        a, b = olds[rid], news[rid]
        added, removed, moved = match_findings(a.findings, b.findings)
        change = classify(a.status, b.status)
        if change is None:
            if added:
                change = "worse"  # still failing, and failing in more ways
            elif removed:
                change = "better"
            else:
                moved_only += len(moved)
                continue
        changes.append(RequirementChange(b.id, b.title, b.severity, a.status, b.status, change, added, removed, moved))
    changes.sort(key=_order)
    added_reqs = sorted(
        (RequirementPresence(r.id, r.title, r.severity, r.status, "worse" if STATUS_RANK[r.status] > 0 else "changed")
         for rid, r in news.items() if rid not in olds),
        key=_order,
    )
    removed_reqs = sorted(
        (RequirementPresence(r.id, r.title, r.severity, r.status, "changed") for rid, r in olds.items() if rid not in news),
        key=lambda x: (SEV_ORDER.get(x.severity, 9), x.id),
    )
    va, vb = VERDICT_RANK[old.verdict], VERDICT_RANK[new.verdict]
    verdict_change = None if va == vb else "worse" if vb > va else "better"

    ma, mb = _meta(old), _meta(new)
    warnings = []

    def differ(key: str, a, b) -> None:
        if a != b:
            warnings.append(DiffWarning(key, str(a), str(b)))

    differ("diff_warn_service", ma["service"], mb["service"])
    differ("diff_warn_rule_pack", f"{ma['rule_pack']['version']} ({ma['rule_pack']['digest'][:12]})",
           f"{mb['rule_pack']['version']} ({mb['rule_pack']['digest'][:12]})")
    from .formats.labels import MODEL_NAMES

    differ("diff_warn_profile", ", ".join(MODEL_NAMES.get(m, m) for m in ma["profile"]),
           ", ".join(MODEL_NAMES.get(m, m) for m in mb["profile"]))
    differ("diff_warn_scope", ma["scope"], mb["scope"])
    pa = {p.name: json.dumps(p.value, sort_keys=True, ensure_ascii=False, default=str) for p in old.params}
    pb = {p.name: json.dumps(p.value, sort_keys=True, ensure_ascii=False, default=str) for p in new.params}
    changed_params = sorted(n for n in pa.keys() | pb.keys() if pa.get(n) != pb.get(n))
    if changed_params:
        warnings.append(DiffWarning("diff_warn_params", ", ".join(f"{n}={pa.get(n, '-')}" for n in changed_params),
                                    ", ".join(f"{n}={pb.get(n, '-')}" for n in changed_params)))
    if new.generated_at < old.generated_at:
        warnings.append(DiffWarning("diff_warn_order", old.generated_at, new.generated_at))
    return ReportDiff(ma, mb, old.verdict, new.verdict, verdict_change, changes, added_reqs, removed_reqs, moved_only, warnings)


# ---------------------------------------------------------------------------------------------
# Rendering


def render_diff(diff: ReportDiff, fmt: str, lang: str, color: bool = False) -> str:
    if fmt == "text":
        return _render_text(diff, lang, color=color)
    if fmt == "markdown":
        return _render_markdown(diff, lang)
    if fmt == "json":
        return json.dumps(diff.as_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    raise ValueError(f"unknown diff format {fmt}")


def _name(meta: dict) -> str:
    return " ".join(x for x in (meta["service"], meta["version"]) if x)


def _status_change(c, lang: str) -> str:
    from .formats import labels as L

    return f"{L.status(c.old_status, lang)} → {L.status(c.new_status, lang)}"


def _findings_delta(c: RequirementChange) -> str:
    parts = []
    if c.findings_added:
        parts.append(f"+{len(c.findings_added)}")
    if c.findings_removed:
        parts.append(f"−{len(c.findings_removed)}")
    return " ".join(parts)


CHANGE_STYLE = {"worse": "bold red", "better": "green", "changed": "cyan"}


def _render_text(diff: ReportDiff, lang: str, width: int = 110, color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text as RText

    from .formats import labels as L
    from .formats.text import SEVERITY_STYLE, VERDICT_STYLE

    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False, emoji=False)
    console.print(RText(word("diff_title", lang), style="bold"))
    head = Table(box=None, show_header=True, padding=(0, 2, 0, 0))
    head.add_column("")
    head.add_column(word("diff_old", lang), overflow="fold")
    head.add_column(word("diff_new", lang), overflow="fold")
    o, n = diff.old, diff.new
    head.add_row(L.label("service", lang), _name(o), _name(n))
    new_verdict = RText(L.verdict(diff.verdict_new, lang), style=VERDICT_STYLE.get(diff.verdict_new, ""))
    if diff.verdict_change:
        new_verdict.append(f" ({word('diff_' + diff.verdict_change, lang)})", style=CHANGE_STYLE[diff.verdict_change])
    head.add_row(RText(L.label("verdict", lang), style="bold"), RText(L.verdict(diff.verdict_old, lang), style=VERDICT_STYLE.get(diff.verdict_old, "")), new_verdict)
    head.add_row(L.label("rule_pack", lang), *(f"{m['rule_pack']['version']} ({m['rule_pack']['digest'][:12]})" for m in (o, n)))
    head.add_row(L.label("as_of", lang), o["as_of"], n["as_of"])
    head.add_row(L.label("generated", lang), o["generated_at"], n["generated_at"])
    console.print(head)
    if diff.warnings:
        console.print()
        for w in diff.warnings:
            console.print(RText(f"⚠ {word(w.key, lang)}", style="yellow"))
            console.print(f"    {word('diff_old', lang)}: {w.old}", markup=False)
            console.print(f"    {word('diff_new', lang)}: {w.new}", markup=False)
    console.print()
    if diff.empty:
        console.print(word("diff_no_changes", lang))
    if diff.changes:
        table = Table(expand=True)
        table.add_column(word("diff_change", lang), no_wrap=True)
        table.add_column(L.label("severity", lang), no_wrap=True)
        table.add_column("ID", no_wrap=True)
        table.add_column(L.label("requirement", lang), overflow="fold", ratio=1)
        table.add_column(L.label("status", lang), overflow="fold")
        table.add_column(word("diff_findings", lang), no_wrap=True)
        for c in diff.changes:
            table.add_row(
                RText(word(f"diff_{c.change}", lang), style=CHANGE_STYLE[c.change]),
                RText(L.severity(c.severity, lang), style=SEVERITY_STYLE.get(c.severity, "")),
                c.id,
                c.title.get(lang),
                _status_change(c, lang),
                _findings_delta(c),
            )
        console.print(table)
        for c in diff.changes:
            if not (c.findings_added or c.findings_removed):
                continue
            console.print(RText(f"■ {c.id} {c.title.get(lang)}", style=CHANGE_STYLE[c.change]))
            for f in c.findings_added:
                console.print(f"  + {f.location()}  {f.field}", markup=False)
                console.print(f"      {f.message.get(lang)}", markup=False)
            for f in c.findings_removed:
                console.print(f"  - {f.location()}  {f.field}", markup=False)
                console.print(f"      {f.message.get(lang)}", markup=False)
    for key, items in (("diff_req_added", diff.requirements_added), ("diff_req_removed", diff.requirements_removed)):
        if items:
            if diff.changes:
                console.print()
            console.print(RText(word(key, lang), style="bold"))
            for r in items:
                mark = f" ({word('diff_worse', lang)})" if r.change == "worse" else ""
                console.print(f"  {r.id} {r.title.get(lang)} [{L.severity(r.severity, lang)}]: {L.status(r.status, lang)}{mark}", markup=False)
    moved = diff.moved + sum(len(c.findings_moved) for c in diff.changes)
    if moved:
        console.print(word("diff_moved", lang, n=moved))
    console.print()
    console.print(word("diff_totals", lang, worse=diff.count("worse"), better=diff.count("better"), changed=diff.count("changed")))
    return buf.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


ICON = {"worse": "🔴", "better": "🟢", "changed": "🔵"}


def _render_markdown(diff: ReportDiff, lang: str) -> str:
    from .formats import labels as L

    out = [f"## {word('diff_title', lang)}: {_cell(_name(diff.new))}", ""]
    verdict = f"**{L.label('verdict', lang)}: {L.verdict(diff.verdict_old, lang)}"
    if diff.verdict_change:
        verdict += f" → {L.verdict(diff.verdict_new, lang)}** ({ICON[diff.verdict_change]} {word('diff_' + diff.verdict_change, lang)})"
    else:
        verdict += "**"
    out += [verdict, ""]
    for key, meta in (("diff_old", diff.old), ("diff_new", diff.new)):
        out.append(
            f"- {word(key, lang)}: {_cell(_name(meta))} — {L.label('rule_pack', lang)} {meta['rule_pack']['version']}"
            f" (`{meta['rule_pack']['digest'][:12]}`), {L.label('as_of', lang)} {meta['as_of']}"
        )
    if diff.warnings:
        out.append("")
        for w in diff.warnings:
            out.append(f"> ⚠️ {word(w.key, lang)} ({word('diff_old', lang)}: {_cell(w.old)} / {word('diff_new', lang)}: {_cell(w.new)})")
    out.append("")
    if diff.empty:
        out.append(word("diff_no_changes", lang))
    if diff.changes:
        out.append(f"| {word('diff_change', lang)} | {L.label('severity', lang)} | ID | {L.label('requirement', lang)} | {L.label('status', lang)} | {word('diff_findings', lang)} |")
        out.append("|---|---|---|---|---|---|")
        for c in diff.changes:
            details = [f"➕ `{_cell(f.location())}` {_cell(f.message.get(lang))}" for f in c.findings_added]
            details += [f"➖ `{_cell(f.location())}` {_cell(f.message.get(lang))}" for f in c.findings_removed]
            out.append(
                f"| {ICON[c.change]} {word('diff_' + c.change, lang)} | {L.severity(c.severity, lang)} | {c.id} | {_cell(c.title.get(lang))}"
                f" | {_status_change(c, lang)} | {'<br>'.join(details)} |"
            )
    for key, items in (("diff_req_added", diff.requirements_added), ("diff_req_removed", diff.requirements_removed)):
        if items:
            out += ["", f"### {word(key, lang)}"]
            for r in items:
                mark = f" {ICON['worse']}" if r.change == "worse" else ""
                out.append(f"- **{r.id}** {_cell(r.title.get(lang))} ({L.severity(r.severity, lang)}): {L.status(r.status, lang)}{mark}")
    moved = diff.moved + sum(len(c.findings_moved) for c in diff.changes)
    if moved:
        out += ["", f"_{word('diff_moved', lang, n=moved)}_"]
    out += ["", word("diff_totals", lang, worse=diff.count("worse"), better=diff.count("better"), changed=diff.count("changed"))]
    return "\n".join(out) + "\n"
