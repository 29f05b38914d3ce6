"""`lgai compare` (vendors side by side) and `lgai diff` (two runs of one service).

Reports are made from the fixture services by the real checker, written as JSON files, and read
back by the library and by the real CLI.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.compare import compare_reports, load_reports, render_comparison
from checker.diff import classify, diff_reports, render_diff
from checker.errors import InputError
from checker.run import CheckOptions, Checker

from conftest import AS_OF, ROOT, SERVICES, run_lgai

NOW = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
CITY = ROOT / "fixtures" / "municipality-rules" / "example-city"
HOSTILE_VENDOR = '<script>alert("x")</script> & Co.'
HOSTILE_NAME = '=HYPERLINK("https://evil.example","AI")'


def _copy(src: Path, dst: Path, *replacements: tuple[str, str]) -> Path:
    shutil.copytree(src, dst)
    (dst / "expected.yaml").unlink(missing_ok=True)
    decl = dst / "lgai.yaml"
    text = decl.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    decl.write_text(text, encoding="utf-8")
    return dst


# the gateway's log retention below the 365-day minimum: LGAI-LOG-001 fails
BREAK_LOGS = ("logging: {enabled: true, retention_days: 400", "logging: {enabled: true, retention_days: 30")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """JSON reports of the fixture services and of modified copies, by name."""
    base = tmp_path_factory.mktemp("services")
    out = tmp_path_factory.mktemp("reports")
    ocr = SERVICES / "ai-ocr-lgwan-asp"
    services = {
        "ocr": ocr,
        "chat": SERVICES / "genai-chat-internet",
        "broken": _copy(ocr, base / "broken", BREAK_LOGS),
        # the same breakage, with every line of lgai.yaml one further down
        "moved": _copy(ocr, base / "moved", BREAK_LOGS, ("schema_version: 1", "# one more line\nschema_version: 1")),
        # a bid whose vendor and service names are hostile to HTML and to spreadsheets
        "hostile": _copy(
            ocr, base / "hostile", BREAK_LOGS,
            ("vendor: 株式会社サンプル情報システム", f"vendor: '{HOSTILE_VENDOR}'"),
            ("name: 申請書AI-OCR「よみとりくん」", f"name: '{HOSTILE_NAME}'"),
        ),
    }
    checker = Checker(CheckOptions(as_of=AS_OF, now=NOW))
    paths = {}
    for name, path in services.items():
        paths[name] = out / f"{name}.json"
        paths[name].write_text(checker.check(path).model_dump_json(indent=2), encoding="utf-8")
    # another rule pack (a municipality's own rules added) and another judging date
    city = Checker(CheckOptions(rules_dirs=[CITY], as_of=dt.date(2026, 12, 1), now=NOW))
    paths["city"] = out / "city.json"
    paths["city"].write_text(city.check(ocr).model_dump_json(indent=2), encoding="utf-8")
    # a stricter municipality: logs kept five years (policy data changes a parameter)
    strict = base / "strict.yaml"
    strict.write_text("schema_version: 1\nmunicipality: 厳格市\nparams:\n  min_log_retention_days: 1825\n", encoding="utf-8")
    paths["strict"] = out / "strict.json"
    paths["strict"].write_text(
        Checker(CheckOptions(policy_data=strict, as_of=AS_OF, now=NOW)).check(ocr).model_dump_json(indent=2), encoding="utf-8"
    )
    return paths


def _load(reports, *names):
    return load_reports([reports[n] for n in names])


# ---------------------------------------------------------------------------------------------
# compare


def test_compare_matrix_puts_differing_rows_first(reports):
    ocr, chat, hostile = _load(reports, "ocr", "chat", "hostile")
    cmp = compare_reports([ocr, chat, hostile])

    assert [c.label for c in cmp.columns] == ["株式会社サンプル情報システム", "株式会社みらいクラウドソリューションズ", HOSTILE_VENDOR]
    assert [c.verdict for c in cmp.columns] == [ocr.verdict, chat.verdict, hostile.verdict]
    ids = {r.id for rep in (ocr, chat, hostile) for r in rep.results}
    assert sorted(r.id for r in cmp.rows) == sorted(ids)

    flags = [r.differs for r in cmp.rows]
    assert flags == sorted(flags, reverse=True), "every differing row comes before every agreeing row"
    assert 0 < len(cmp.differing) < len(cmp.rows)
    sev = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    for group in (cmp.differing, cmp.agreeing):
        keys = [(sev[r.severity], r.id) for r in group]
        assert keys == sorted(keys), "within a group: by severity, then id"
    for row in cmp.differing:
        assert len({c.status for c in row.cells}) > 1
    for row in cmp.agreeing:
        assert len({c.status for c in row.cells}) == 1

    log = next(r for r in cmp.rows if r.id == "LGAI-LOG-001")
    assert log.differs
    assert [c.status for c in log.cells] == ["pass", "pass", "fail"]
    assert len(log.cells[2].findings) == 1 and log.cells[2].findings[0][0] == "lgai.yaml:56"

    # summary per vendor: the reports' own verdicts and failures per severity
    for col, rep in zip(cmp.columns, (ocr, chat, hostile)):
        assert col.failed_by_severity == rep.summary.failed_by_severity
    assert cmp.columns[1].failed_by_severity["critical"] > 0 and cmp.columns[2].failed_by_severity["high"] == 1

    # the chat service was judged for β/β′, the others for α/α′: not like for like
    assert [w.key for w in cmp.warnings] == ["cmp_warn_profile"]


def test_compare_warns_about_rule_pack_and_judging_date(reports):
    ocr, city = _load(reports, "ocr", "city")
    cmp = compare_reports([ocr, city])
    assert {w.key for w in cmp.warnings} == {"cmp_warn_rule_pack", "cmp_warn_as_of"}
    as_of = next(w for w in cmp.warnings if w.key == "cmp_warn_as_of")
    assert as_of.values == ["2026-11-25", "2026-12-01"]
    # the municipality's own requirements exist in one report only: they differ, shown as absent
    city_rows = [r for r in cmp.rows if r.id.startswith("CITY-")]
    assert len(city_rows) == 3 and all(r.differs and r.cells[0].status is None for r in city_rows)
    text = render_comparison(cmp, "text", "en")
    assert "different rule packs" in text and "different judging dates" in text
    assert re.search(r"CITY-LOG-001 .*│ — .*│ fail \(1\)", text)


def test_compare_of_the_same_conditions_has_no_warning(reports):
    cmp = compare_reports(_load(reports, "ocr", "broken", "hostile"))
    assert cmp.warnings == []
    assert [r.id for r in cmp.differing] == ["LGAI-LOG-001"]
    text = render_comparison(cmp, "text", "ja")
    assert "注意: " not in text and "判定が異なる要件 1 件" in text


def test_compare_warns_about_different_parameters(reports):
    cmp = compare_reports(_load(reports, "ocr", "strict"))
    assert [(w.key, w.values) for w in cmp.warnings] == [
        ("cmp_warn_params", ["min_log_retention_days=365", "min_log_retention_days=1825"])
    ]
    # the declared log retention (LOG-001) and the one in the Terraform (IAC-008) fall short
    assert sorted(r.id for r in cmp.differing) == ["LGAI-IAC-008", "LGAI-LOG-001"]
    html = render_comparison(cmp, "html", "en")
    assert "different parameters (policy data) were used" in html and "min_log_retention_days=1825" in html


def test_compare_cli_text_ja_and_en(reports):
    args = [str(reports[n]) for n in ("ocr", "chat", "hostile")]
    ja = run_lgai("compare", *args)
    assert ja.returncode == 0, ja.stderr
    out = ja.stdout
    assert "lgai 事業者比較" in out and "株式会社みらいクラウドソリューションズ" in out and HOSTILE_VENDOR in out
    assert "判定したネットワークモデルが異なります" in out
    # a differing row (LOG-001, high) is listed before an agreeing critical one (SEG-001)
    assert out.index("LGAI-LOG-001") < out.index("LGAI-SEG-001")
    summary = out[out.rindex("総合判定"):]
    assert "条件付き適合" in summary and "重大 5" in summary
    en = run_lgai("compare", *args, "--lang", "en")
    assert en.returncode == 0, en.stderr
    assert "lgai vendor comparison" in en.stdout and "different network models" in en.stdout
    assert "Failures by severity" in en.stdout and "fail (1)" in en.stdout


class _Resources(HTMLParser):
    """Everything in a page that would make a browser fetch something."""

    def __init__(self):
        super().__init__()
        self.fetches, self.scripts, self.style = [], 0, ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self._in_style = True
        for name in ("src", "href", "srcset", "data", "poster"):
            if attrs.get(name):
                self.fetches.append((tag, attrs[name]))
        if tag == "link":
            self.fetches.append((tag, attrs.get("href")))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def test_compare_html_is_self_contained_and_escapes_vendor_text(reports, tmp_path):
    out = tmp_path / "compare.html"
    proc = run_lgai("compare", *(str(reports[n]) for n in ("ocr", "chat", "hostile")), "--format", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    parser = _Resources()
    parser.feed(page)
    assert parser.fetches == [] and parser.scripts == 0
    assert "url(" not in parser.style and "@import" not in parser.style
    assert "@page { size: A4 landscape" in parser.style
    # vendor text is data, never markup
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co." in page
    assert page.index('data-id="LGAI-LOG-001"') < page.index('data-id="LGAI-SEG-001"')
    assert "判定したネットワークモデルが異なります" in page and '<html lang="ja">' in page

    en = render_comparison(compare_reports(_load(reports, "ocr", "chat")), "html", "en")
    assert '<html lang="en">' in en and "Requirements where the vendors differ" in en


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", *args],
        capture_output=True, text=True, timeout=120,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_compare_html_renders_in_chromium_on_a4_landscape(reports, tmp_path):
    page = tmp_path / "compare.html"
    page.write_text(render_comparison(compare_reports(_load(reports, "ocr", "chat", "hostile")), "html", "ja"), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "事業者間で判定が異なる要件" in dom.stdout
    assert "&lt;script&gt;alert" in dom.stdout and "<script>alert" not in dom.stdout  # the browser saw text, not a script

    pdf = tmp_path / "compare.pdf"
    shot = tmp_path / "compare.png"
    proc = _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr[-2000:]
    boxes = {tuple(float(x) for x in m.groups()) for m in re.finditer(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())}
    assert boxes, "no page in the PDF"
    for width, height in boxes:  # A4 landscape: 297 x 210 mm = 841.9 x 595.3 pt
        assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2, (width, height)
    proc = _chromium(tmp_path, "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri())
    assert proc.returncode == 0 and shot.stat().st_size > 10_000, proc.stderr[-2000:]


def test_compare_csv_has_bom_crlf_and_parses_back(reports, tmp_path):
    out = tmp_path / "compare.csv"
    names = ("ocr", "chat", "hostile")
    proc = run_lgai("compare", *(str(reports[n]) for n in names), "--format", "csv", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert header[:5] == ["要件ID", "要件", "重要度", "分類", "差異"]
    assert header[5:] == ["[1] 株式会社サンプル情報システム", "[2] 株式会社みらいクラウドソリューションズ", f"[3] {HOSTILE_VENDOR}"]
    by_first = {r[0]: r for r in rows if r}
    # a spreadsheet must not run the service name as a formula
    assert by_first["サービス"][7] == "'" + HOSTILE_NAME + " 3.2.0"
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    assert by_first["総合判定"][5:] == ["条件付き適合", "不適合", "不適合"]
    assert by_first["LGAI-LOG-001"][4:] == ["≠", "適合", "適合", "不適合 (1)"]
    assert by_first["不適合 (重大)"][5:] == ["0", "5", "0"]
    req_rows = [r for r in rows if r and r[0].startswith("LGAI-")]
    reports_ = _load(reports, *names)
    assert len(req_rows) == len({r.id for rep in reports_ for r in rep.results})
    marks = [r[4] for r in req_rows]
    assert marks == sorted(marks, reverse=True)  # differing ("≠") rows first
    assert "判定したネットワークモデルが異なります。モデルごとの要件の適用が変わります" in by_first


def test_compare_rejects_what_is_not_a_report(reports, tmp_path):
    not_report = tmp_path / "package.json"
    not_report.write_text('{"name": "x", "version": "1.0.0"}', encoding="utf-8")
    proc = run_lgai("compare", str(reports["ocr"]), str(not_report))
    assert proc.returncode == 2
    assert f"{not_report}: not an lgai JSON report" in proc.stderr
    assert "Traceback" not in proc.stderr

    html = tmp_path / "report.html"
    html.write_text("<!DOCTYPE html><html></html>", encoding="utf-8")
    proc = run_lgai("compare", str(reports["ocr"]), str(html))
    assert proc.returncode == 2 and f"{html}:1: not an lgai JSON report: not JSON" in proc.stderr

    broken = tmp_path / "edited.json"
    doc = json.loads(reports["ocr"].read_text(encoding="utf-8"))
    doc["results"][0]["status"] = "maybe"
    broken.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_reports([broken])
    assert exc.value.problems[0].file == str(broken) and exc.value.problems[0].field == "results.0.status"

    proc = run_lgai("compare", str(reports["ocr"]))
    assert proc.returncode == 2 and "at least two reports" in proc.stderr


def test_a_signed_report_loads(reports, tmp_path):
    """A report signed by `lgai check --sign` is compared and diffed like any other."""
    key = tmp_path / "vendor-key"
    proc = run_lgai("keygen", "-o", str(key))
    assert proc.returncode == 0, proc.stderr
    signed = tmp_path / "signed.json"
    proc = run_lgai("check", str(SERVICES / "ai-ocr-lgwan-asp"), "--format", "json", "-o", str(signed),
                    "--sign", str(key), "--as-of", AS_OF.isoformat())
    assert proc.returncode == 0, proc.stderr
    assert "signature" in json.loads(signed.read_text(encoding="utf-8"))
    proc = run_lgai("compare", str(signed), str(reports["broken"]), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert "LGAI-LOG-001,ログの取得と保存期間,高,ログ・監視,≠,適合,不適合 (1)" in proc.stdout
    proc = run_lgai("diff", str(reports["ocr"]), str(signed))
    assert proc.returncode == 0 and "変化はありません" in proc.stdout, proc.stderr


# ---------------------------------------------------------------------------------------------
# diff


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("pass", "fail", "worse"), ("attested", "needs_attestation", "worse"), ("pass", "error", "worse"),
        ("needs_attestation", "error", "worse"), ("error", "fail", "worse"), ("fail", "pass", "better"),
        ("needs_attestation", "attested", "better"), ("error", "pass", "better"), ("fail", "needs_attestation", "better"),
        ("pass", "not_applicable", "changed"), ("pass", "pass", None),
    ],
)
def test_status_changes_are_classified(old, new, expected):
    assert classify(old, new) == expected


def test_diff_finds_what_got_worse(reports):
    old, new = _load(reports, "ocr", "broken")
    diff = diff_reports(old, new)
    assert diff.worse and diff.verdict_change == "worse"
    assert (diff.verdict_old, diff.verdict_new) == ("conditionally_compliant", "non_compliant")
    assert [(c.id, c.change, c.old_status, c.new_status) for c in diff.changes] == [("LGAI-LOG-001", "worse", "pass", "fail")]
    [added] = diff.changes[0].findings_added
    assert (added.file, added.line, added.field) == ("lgai.yaml", 56, "components[0].logging.retention_days")
    assert diff.warnings == [] and diff.requirements_added == [] and diff.requirements_removed == []

    proc = run_lgai("diff", str(reports["ocr"]), str(reports["broken"]))
    assert proc.returncode == 1, proc.stderr
    assert "LGAI-LOG-001" in proc.stdout and "適合 → 不適合" in proc.stdout and "悪化 1 / 改善 0" in proc.stdout
    assert "+ lgai.yaml:56" in proc.stdout


def test_diff_the_other_way_is_better_and_exits_0(reports):
    diff = diff_reports(*_load(reports, "broken", "ocr"))
    assert not diff.worse and diff.verdict_change == "better"
    assert [(c.id, c.change) for c in diff.changes] == [("LGAI-LOG-001", "better")]
    assert len(diff.changes[0].findings_removed) == 1 and diff.changes[0].findings_added == []
    proc = run_lgai("diff", str(reports["broken"]), str(reports["ocr"]), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "better" in proc.stdout and "fail → pass" in proc.stdout and "worse 0 / better 1" in proc.stdout


def test_diff_of_identical_reports_has_no_changes(reports):
    diff = diff_reports(*_load(reports, "ocr", "ocr"))
    assert diff.empty and not diff.worse and diff.changes == [] and diff.warnings == []
    proc = run_lgai("diff", str(reports["ocr"]), str(reports["ocr"]))
    assert proc.returncode == 0, proc.stderr
    assert "変化はありません" in proc.stdout


def test_a_finding_that_only_moved_is_unchanged(reports):
    diff = diff_reports(*_load(reports, "broken", "moved"))
    assert diff.empty and not diff.worse and diff.moved == 1
    text = render_diff(diff, "text", "en")
    assert "No changes" in text and "1 findings only moved" in text
    data = json.loads(render_diff(diff, "json", "en"))
    assert data["counts"]["findings_moved"] == 1 and data["changes"] == []


def test_diff_orders_worse_before_better(reports):
    # LOG-001 fails in the old report only; the other service fails many others
    diff = diff_reports(*_load(reports, "broken", "chat"))
    kinds = [c.change for c in diff.changes]
    assert "worse" in kinds and "better" in kinds
    order = {"worse": 0, "better": 1, "changed": 2}
    sev = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    keys = [(order[c.change], sev[c.severity], c.id) for c in diff.changes]
    assert keys == sorted(keys)
    assert ("LGAI-LOG-001", "better") in [(c.id, c.change) for c in diff.changes]
    # and it says these are not two runs of the same service
    assert [w.key for w in diff.warnings] == ["diff_warn_service", "diff_warn_profile"]
    md = render_diff(diff, "markdown", "ja")
    assert md.index("🔴 悪化") < md.index("🟢 改善")
    assert "サービス名が異なります" in md


def test_diff_across_rule_packs(reports):
    diff = diff_reports(*_load(reports, "ocr", "city"))
    assert [w.key for w in diff.warnings] == ["diff_warn_rule_pack"]
    added = {r.id: (r.status, r.change) for r in diff.requirements_added}
    assert added == {
        "CITY-AI-001": ("not_applicable", "changed"),
        "CITY-GOV-001": ("needs_attestation", "worse"),
        "CITY-LOG-001": ("fail", "worse"),
    }
    assert diff.worse
    back = diff_reports(*_load(reports, "city", "ocr"))
    assert {r.id for r in back.requirements_removed} == set(added) and back.requirements_added == []
    assert not back.worse and back.verdict_change == "better"


def test_diff_under_other_parameters(reports):
    diff = diff_reports(*_load(reports, "ocr", "strict"))
    assert [(w.key, w.old, w.new) for w in diff.warnings] == [
        ("diff_warn_params", "min_log_retention_days=365", "min_log_retention_days=1825")
    ]
    changes = {c.id: c for c in diff.changes}
    assert sorted(changes) == ["LGAI-IAC-008", "LGAI-LOG-001"] and all(c.change == "worse" for c in diff.changes)
    assert len(changes["LGAI-LOG-001"].findings_added) == 3  # all three components keep logs 400 days
    text = render_diff(diff, "text", "ja")
    assert "判定に使ったパラメータ (ポリシーデータ) が異なります" in text


def test_diff_json_and_markdown(reports):
    proc = run_lgai("diff", str(reports["ocr"]), str(reports["broken"]), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert proc.stdout == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"  # stable: sorted keys
    assert data["worse"] is True and data["verdict"] == {"old": "conditionally_compliant", "new": "non_compliant", "change": "worse"}
    assert data["counts"]["worse"] == 1 and data["counts"]["findings_added"] == 1
    assert data["changes"][0]["status"] == {"old": "pass", "new": "fail"}
    again = run_lgai("diff", str(reports["ocr"]), str(reports["broken"]), "--format", "json")
    assert again.stdout == proc.stdout

    out = Path(reports["ocr"]).parent / "diff.md"
    proc = run_lgai("diff", str(reports["ocr"]), str(reports["broken"]), "--format", "markdown", "--lang", "en", "-o", str(out))
    assert proc.returncode == 1
    md = out.read_text(encoding="utf-8")
    assert "| 🔴 worse | high | LGAI-LOG-001 |" in md and "➕ `lgai.yaml:56`" in md
    assert "**Verdict: Conditionally compliant → Non-compliant** (🔴 worse)" in md


def test_diff_rejects_what_is_not_a_report(reports, tmp_path):
    junk = tmp_path / "list.json"
    junk.write_text("[1, 2, 3]", encoding="utf-8")
    proc = run_lgai("diff", str(junk), str(reports["ocr"]))
    assert proc.returncode == 2
    assert f"{junk}: not an lgai JSON report" in proc.stderr and "Traceback" not in proc.stderr
