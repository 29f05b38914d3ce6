"""`lgai compare`: several vendors' reports side by side, requirement by requirement.

A municipality that received several bids runs `lgai check` on each (or receives the vendors'
signed JSON reports) and compares them: one column per report, one row per requirement. Rows
where the vendors differ come first, since those are what tells the bids apart. When the reports
were not made under the same conditions (rule pack, judging date, network models, parameters)
the comparison says so, because it is then not like for like.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .errors import InputError, Problem
from .report import REPORT_FORMAT_VERSION, Report, Text

SEV_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
STATUS_ORDER = {"fail": 0, "error": 1, "needs_attestation": 2, "attested": 3, "pass": 4, "not_applicable": 5}

# Words only compare and diff use (the shared ones come from formats/labels.py).
WORDS: dict[str, tuple[str, str]] = {
    "cmp_title": ("lgai 事業者比較", "lgai vendor comparison"),
    "cmp_reports": ("比較した報告書", "Reports compared"),
    "cmp_differs": ("事業者間で判定が異なる要件", "Requirements where the vendors differ"),
    "cmp_agree": ("全事業者で判定が同じ要件", "Requirements where all vendors agree"),
    "cmp_diff_mark": ("差異", "Differs"),
    "cmp_differs_count": ("判定が異なる要件 {n} 件 / 全 {total} 件 (異なる要件を先に表示)",
                          "{n} of {total} requirements differ (shown first)"),
    "cmp_absent": ("(ルールパックになし)", "(not in rule pack)"),
    "cmp_findings": ("指摘 {n} 件", "{n} findings"),
    "cmp_more": ("ほか {n} 件", "{n} more"),
    "cmp_fails_sev": ("不適合 ({sev})", "Failures ({sev})"),
    "cmp_status_count": ("{status}の件数", "{status} (count)"),
    "cmp_file": ("ファイル", "File"),
    "cmp_warnings": ("注意: 同じ条件で作成された報告書ではありません", "Caution: the reports were not made under the same conditions"),
    "cmp_warn_rule_pack": (
        "ルールパックが異なります (版・ダイジェスト)。要件と判定基準が同じとは限りません",
        "different rule packs (version/digest): the requirements and their criteria may not be the same",
    ),
    "cmp_warn_as_of": (
        "判定基準日が異なります。ISMAP 登録の有効期限や表明の経過日数の判定が変わりえます",
        "different judging dates (as_of): registration expiry and attestation age may be judged differently",
    ),
    "cmp_warn_profile": (
        "判定したネットワークモデルが異なります。モデルごとの要件の適用が変わります",
        "different network models were judged: requirements that apply per model differ",
    ),
    "cmp_warn_scope": (
        "判定範囲が異なります (サービス全体 / IaC のみ)",
        "different scopes (whole service / IaC only)",
    ),
    "cmp_warn_params": (
        "判定に使ったパラメータ (ポリシーデータ) が異なります",
        "different parameters (policy data) were used",
    ),
    "scope_service": ("サービス全体", "whole service"),
    "scope_iac_only": ("IaC のみ", "IaC only"),
    "cmp_id": ("要件ID", "Requirement ID"),
    "diff_title": ("lgai 検査結果の差分", "lgai report diff"),
    "diff_old": ("前回", "Old"),
    "diff_new": ("今回", "New"),
    "diff_change": ("変化", "Change"),
    "diff_worse": ("悪化", "worse"),
    "diff_better": ("改善", "better"),
    "diff_changed": ("変更", "changed"),
    "diff_no_changes": ("変化はありません", "No changes"),
    "diff_findings": ("指摘", "Findings"),
    "diff_added": ("追加された指摘", "Findings added"),
    "diff_removed": ("解消された指摘", "Findings removed"),
    "diff_moved": (
        "行番号だけが変わった指摘 {n} 件 (変化なしとして扱う)",
        "{n} findings only moved to another line (treated as unchanged)",
    ),
    "diff_req_added": ("追加された要件 (ルールパックの変更)", "Requirements added (rule-pack change)"),
    "diff_req_removed": ("削除された要件 (ルールパックの変更)", "Requirements removed (rule-pack change)"),
    "diff_totals": ("悪化 {worse} / 改善 {better} / 変更 {changed}", "worse {worse} / better {better} / changed {changed}"),
    "diff_warnings": ("注意", "Caution"),
    "diff_warn_service": (
        "サービス名が異なります。同じサービスの2回の検査結果ではない可能性があります",
        "the service names differ: these may not be two runs of the same service",
    ),
    "diff_warn_rule_pack": (
        "ルールパックが異なります (版・ダイジェスト)。変化の一部はルールの変更によるものです",
        "different rule packs (version/digest): some changes come from the rules, not the service",
    ),
    "diff_warn_profile": (
        "判定したネットワークモデルが異なります",
        "different network models were judged",
    ),
    "diff_warn_scope": ("判定範囲が異なります (サービス全体 / IaC のみ)", "different scopes (whole service / IaC only)"),
    "diff_warn_params": ("判定に使ったパラメータ (ポリシーデータ) が異なります", "different parameters (policy data) were used"),
    "diff_warn_order": (
        "今回 (NEW) の報告書の作成日時が前回 (OLD) より前です。引数の順序を確認してください",
        "the NEW report was generated before the OLD one: check the order of the arguments",
    ),
}


def word(key: str, lang: str, **kw) -> str:
    ja, en = WORDS[key]
    text = ja if lang == "ja" else en
    return text.format(**kw) if kw else text


# ---------------------------------------------------------------------------------------------
# Loading


def load_reports(paths: list[Path]) -> list[Report]:
    """Read lgai JSON reports (signed or not). Anything else is an input error naming the file."""
    reports, problems = [], []
    for path in paths:
        try:
            reports.append(load_report(Path(path)))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return reports


def load_report(path: Path) -> Report:
    hint = "give the JSON report of `lgai check --format json`"
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.single(str(path), f"not an lgai JSON report: not UTF-8 text (byte {exc.start})", hint=hint) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.single(str(path), f"not an lgai JSON report: not JSON ({exc.msg})", line=exc.lineno, hint=hint) from None
    if not isinstance(doc, dict) or "results" not in doc or "verdict" not in doc or "rule_pack" not in doc:
        raise InputError.single(str(path), "not an lgai JSON report: JSON, but without the report fields (results, verdict, rule_pack)", hint=hint)
    version = doc.get("report_format")
    if isinstance(version, int) and version > REPORT_FORMAT_VERSION:
        raise InputError.single(
            str(path), f"report format {version} is newer than this lgai reads ({REPORT_FORMAT_VERSION})", hint="upgrade lgai"
        )
    try:
        return Report.model_validate_json(text)
    except ValidationError as exc:
        problems = [
            Problem(file=str(path), field=".".join(str(p) for p in err["loc"]) or None, message=f"not a valid lgai report: {err['msg']}")
            for err in exc.errors()[:5]
        ]
        if len(exc.errors()) > 5:
            problems.append(Problem(file=str(path), message=f"... and {len(exc.errors()) - 5} more problems"))
        raise InputError(problems) from None


# ---------------------------------------------------------------------------------------------
# The comparison


@dataclass
class Column:
    """One report: one vendor's bid."""

    index: int
    vendor: str | None
    service: str
    version: str | None
    verdict: str
    rule_pack_version: str
    rule_pack_digest: str
    as_of: str
    profile: dict
    scope: str
    generated_at: str
    failed_by_severity: dict[str, int]
    by_status: dict[str, int]

    @property
    def label(self) -> str:
        return self.vendor or self.service

    @property
    def service_line(self) -> str:
        return " ".join(x for x in (self.service, self.version) if x)


@dataclass
class Cell:
    status: str | None  # None: the requirement is not in this report's rule pack
    findings: list[tuple[str, Text]] = field(default_factory=list)  # (location, message)


@dataclass
class Row:
    id: str
    title: Text
    severity: str
    family: str
    cells: list[Cell]

    @property
    def differs(self) -> bool:
        return len({c.status for c in self.cells}) > 1


@dataclass
class ComparisonWarning:
    key: str  # cmp_warn_*
    values: list[str]  # one per column


@dataclass
class Comparison:
    columns: list[Column]
    rows: list[Row]  # differing rows first, then by severity, then id
    warnings: list[ComparisonWarning]

    @property
    def differing(self) -> list[Row]:
        return [r for r in self.rows if r.differs]

    @property
    def agreeing(self) -> list[Row]:
        return [r for r in self.rows if not r.differs]


def profile_text(profile: dict, lang: str) -> str:
    from .formats import labels as L

    try:
        return L.models(profile, lang)
    except KeyError:
        return ", ".join(profile.get("models", []))


def _params(report: Report) -> dict[str, str]:
    return {p.name: json.dumps(p.value, sort_keys=True, ensure_ascii=False, default=str) for p in report.params}


def compare_reports(reports: list[Report]) -> Comparison:
    if len(reports) < 2:
        raise InputError.single("REPORT...", f"compare needs at least two reports, got {len(reports)}", hint="for one report use `lgai check`")
    columns = [
        Column(
            index=i,
            vendor=r.service.get("vendor"),
            service=r.service.get("name") or "?",
            version=r.service.get("version"),
            verdict=r.verdict,
            rule_pack_version=str(r.rule_pack.get("version", "")),
            rule_pack_digest=str(r.rule_pack.get("digest", "")),
            as_of=r.as_of,
            profile=r.profile,
            scope=r.scope,
            generated_at=r.generated_at,
            failed_by_severity={s: r.summary.failed_by_severity.get(s, 0) for s in SEV_ORDER},
            by_status={s: r.summary.by_status.get(s, 0) for s in STATUS_ORDER},
        )
        for i, r in enumerate(reports)
    ]

    by_id: dict[str, list] = {}
    for i, r in enumerate(reports):
        for res in r.results:
            by_id.setdefault(res.id, [None] * len(reports))[i] = res
    rows = []
    for rid, results in by_id.items():
        first = next(x for x in results if x is not None)
        cells = [
            Cell(None) if x is None else Cell(x.status, [(f.location(), f.message) for f in x.findings])
            for x in results
        ]
        rows.append(Row(rid, first.title, first.severity, first.family, cells))
    rows.sort(key=lambda r: (not r.differs, SEV_ORDER.get(r.severity, 9), r.id))

    warnings = []

    def differ(key: str, values: list[str]) -> None:
        if len(set(values)) > 1:
            warnings.append(ComparisonWarning(key, values))

    differ("cmp_warn_rule_pack", [f"{c.rule_pack_version} ({c.rule_pack_digest[:12]})" for c in columns])
    differ("cmp_warn_as_of", [c.as_of for c in columns])
    differ("cmp_warn_profile", [json.dumps(sorted(c.profile.get("models") or [])) for c in columns])
    differ("cmp_warn_scope", [c.scope for c in columns])
    params = [_params(r) for r in reports]
    names = sorted({n for p in params for n in p})
    changed = [n for n in names if len({p.get(n) for p in params}) > 1]
    if changed:
        warnings.append(ComparisonWarning("cmp_warn_params", [", ".join(f"{n}={params[i].get(n, '-')}" for n in changed) for i in range(len(reports))]))
    return Comparison(columns, rows, warnings)


def warning_values(w: ComparisonWarning, columns: list[Column], lang: str) -> list[str]:
    """The per-report values a warning shows, in the reader's language."""
    if w.key == "cmp_warn_profile":
        return [profile_text(c.profile, lang) for c in columns]
    if w.key == "cmp_warn_scope":
        return [word("scope_iac_only" if c.scope == "iac_only" else "scope_service", lang) for c in columns]
    return w.values


def cell_text(cell: Cell, lang: str) -> str:
    from .formats import labels as L

    if cell.status is None:
        return "—"
    text = L.status(cell.status, lang)
    if cell.status == "fail" and cell.findings:
        text += f" ({len(cell.findings)})"
    return text


# ---------------------------------------------------------------------------------------------
# Rendering


def render_comparison(comparison: Comparison, fmt: str, lang: str, color: bool = False) -> str:
    if fmt == "text":
        return _render_text(comparison, lang, color)
    if fmt == "html":
        return _render_html(comparison, lang)
    if fmt == "csv":
        return _render_csv(comparison, lang)
    raise ValueError(f"unknown compare format {fmt}")


def _render_text(cmp: Comparison, lang: str, color: bool) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text as RText

    from .formats import labels as L
    from .formats.text import SEVERITY_STYLE, STATUS_STYLE, VERDICT_STYLE

    n = len(cmp.columns)
    width = max(110, 80 + 21 * n)
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False, emoji=False)
    console.print(RText(word("cmp_title", lang), style="bold"))
    for c in cmp.columns:
        console.print(
            f"  [{c.index + 1}] {c.label}: {c.service_line} — {L.label('verdict', lang)} {L.verdict(c.verdict, lang)}"
            f" / {L.label('rule_pack', lang)} {c.rule_pack_version} / {L.label('as_of', lang)} {c.as_of}"
            f" / {L.label('profile', lang)} {profile_text(c.profile, lang)}",
            markup=False,
        )
    if cmp.warnings:
        console.print()
        console.print(RText("⚠ " + word("cmp_warnings", lang), style="bold yellow"))
        for w in cmp.warnings:
            console.print(RText(f"  - {word(w.key, lang)}", style="yellow"))
            for c, v in zip(cmp.columns, warning_values(w, cmp.columns, lang)):
                console.print(f"      [{c.index + 1}] {c.label}: {v}", markup=False)
    console.print()
    console.print(word("cmp_differs_count", lang, n=len(cmp.differing), total=len(cmp.rows)))

    table = Table(expand=True, show_lines=False)
    table.add_column("≠", no_wrap=True, width=1)
    table.add_column("ID", no_wrap=True)
    table.add_column(L.label("requirement", lang), overflow="fold", ratio=1, min_width=24)
    table.add_column(L.label("severity", lang), no_wrap=True)
    for c in cmp.columns:
        head = RText()
        head.append(f"[{c.index + 1}] {c.label}\n", style="bold")
        head.append(f"{c.service_line}\n")
        head.append(L.verdict(c.verdict, lang), style=VERDICT_STYLE.get(c.verdict, ""))
        head.append(f"\n{L.label('rule_pack', lang)} {c.rule_pack_version}")
        table.add_column(head, overflow="fold", width=18)
    previous = None
    for row in cmp.rows:
        if previous is not None and previous != row.differs:
            table.add_section()
        previous = row.differs
        cells = [
            RText(cell_text(cell, lang), style=STATUS_STYLE.get(cell.status or "", "dim")) for cell in row.cells
        ]
        table.add_row(
            RText("≠", style="bold") if row.differs else "",
            row.id,
            row.title.get(lang),
            RText(L.severity(row.severity, lang), style=SEVERITY_STYLE.get(row.severity, "")),
            *cells,
        )
    table.add_section()
    table.add_row("", "", RText(L.label("verdict", lang), style="bold"), "",
                  *[RText(L.verdict(c.verdict, lang), style=VERDICT_STYLE.get(c.verdict, "")) for c in cmp.columns])
    table.add_row("", "", RText(L.label("failed_by_severity", lang), style="bold"), "",
                  *[_sev_line(c, lang) for c in cmp.columns])
    table.add_row("", "", RText(L.status("needs_attestation", lang), style="bold"), "",
                  *[str(c.by_status["needs_attestation"]) for c in cmp.columns])
    console.print(table)
    return buf.getvalue()


def _sev_line(c: Column, lang: str) -> str:
    from .formats import labels as L

    return " / ".join(f"{L.severity(s, lang)} {c.failed_by_severity[s]}" for s in SEV_ORDER)


def _render_html(cmp: Comparison, lang: str) -> str:
    import jinja2

    from .formats import labels as L

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.formats", "templates"),
        autoescape=True,  # vendor names, titles and messages come from the reports: always escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("compare.html.j2")
    return template.render(
        cmp=cmp,
        lang=lang,
        L=L,
        w=lambda key, **kw: word(key, lang, **kw),
        cell_text=lambda cell: cell_text(cell, lang),
        profile_text=lambda p: profile_text(p, lang),
        warning_values=lambda wn: warning_values(wn, cmp.columns, lang),
        sev_order=list(SEV_ORDER),
        zip=zip,
    )


def defuse(value: object) -> str:
    """A cell Excel will not run as a formula (CSV injection): the same rule as the CSV report."""
    from .formats.csv_format import defuse as defuse_cell

    return defuse_cell("" if value is None else str(value))


def _render_csv(cmp: Comparison, lang: str) -> str:
    from .formats import labels as L

    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    def row(*cells) -> None:
        out.writerow([defuse(c) for c in cells])

    lead = 5  # ID, requirement, severity, family, differs
    # not "ID" first: Excel takes a file starting with "ID" for SYLK
    row(word("cmp_id", lang), L.label("requirement", lang), L.label("severity", lang), L.label("family", lang), word("cmp_diff_mark", lang),
        *[f"[{c.index + 1}] {c.label}" for c in cmp.columns])
    pad = [""] * (lead - 1)
    row(L.label("service", lang), *pad, *[c.service_line for c in cmp.columns])
    row(L.label("verdict", lang), *pad, *[L.verdict(c.verdict, lang) for c in cmp.columns])
    row(L.label("rule_pack", lang), *pad, *[f"{c.rule_pack_version} ({c.rule_pack_digest[:12]})" for c in cmp.columns])
    row(L.label("as_of", lang), *pad, *[c.as_of for c in cmp.columns])
    row(L.label("profile", lang), *pad, *[profile_text(c.profile, lang) for c in cmp.columns])
    for r in cmp.rows:
        row(r.id, r.title.get(lang), L.severity(r.severity, lang), L.family(r.family, lang), "≠" if r.differs else "",
            *[cell_text(cell, lang) for cell in r.cells])
    for s in SEV_ORDER:
        row(word("cmp_fails_sev", lang, sev=L.severity(s, lang)), *pad, *[c.failed_by_severity[s] for c in cmp.columns])
    row(word("cmp_status_count", lang, status=L.status("needs_attestation", lang)), *pad,
        *[c.by_status["needs_attestation"] for c in cmp.columns])
    if cmp.warnings:
        row()
        row(word("cmp_warnings", lang))
        for w in cmp.warnings:
            row(word(w.key, lang), *pad, *warning_values(w, cmp.columns, lang))
    return "\ufeff" + buf.getvalue()
