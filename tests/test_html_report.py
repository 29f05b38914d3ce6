"""The HTML report: rendered from the fixture services in Japanese and English, escaped, free of
network references, and loaded, printed (A4 PDF) and screenshotted in a real headless Chromium.

The PDF and PNG files are kept under build/test-artifacts/ for a person to look at."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.formats import labels as L
from checker.formats.html import HTML_LABELS, render_html
from checker.report import VERDICT_TEXT, Report, Text, summarise, verdict_of
from checker.run import CheckOptions, Checker

from conftest import ROOT, SERVICES, run_lgai

IAC = ROOT / "fixtures" / "iac"
ARTIFACTS = ROOT / "build" / "test-artifacts"
AS_OF = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)

# name -> (path, policy data or None, expected verdict)
CASES = {
    "ai-ocr-lgwan-asp": (SERVICES / "ai-ocr-lgwan-asp", SERVICES / "ai-ocr-lgwan-asp" / "municipality.yaml", "compliant"),
    "nursery-matching-mynumber": (SERVICES / "nursery-matching-mynumber", None, "non_compliant"),
    "aerial-photo-govcloud": (SERVICES / "aerial-photo-govcloud", None, "conditionally_compliant"),
    "service-ai-ocr-drift": (IAC / "service-ai-ocr-drift", None, "non_compliant"),
    "aws-bedrock-rag-violations": (IAC / "aws-bedrock-rag-violations", None, "non_compliant"),
}


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian package `chromium`; .ci/run installs it)"
)


class _Page(HTMLParser):
    """Visible text, <style> text, every attribute, and the tags seen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.style: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.tags: list[str] = []
        self._in: list[str] = []
        self._glue = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._glue = tag == "wbr"  # a line-break opportunity inside a word, not a space
        self.attrs += [(tag, k, v) for k, v in attrs]
        if tag in ("style", "script", "title"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if "style" in self._in:
            self.style.append(data)
        elif not self._in:
            if self._glue and self.text:
                self.text[-1] += data
            else:
                self.text.append(data)
        self._glue = False


def parse(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    p.close()
    return p


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_text(html: str) -> str:
    return norm(" ".join(parse(html).text))


def section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}"', 1)[1]


def row_of(html: str, rid: str) -> str:
    """The text of a requirement's row in its family table (rows hold nested tables)."""
    rest = html.split(f'<tr id="req-{rid}"', 1)[1]
    return visible_text(re.split(r'<tr id="req-|</section>', rest, maxsplit=1)[0])


@pytest.fixture(scope="module")
def checkers() -> dict:
    opts = dict(as_of=AS_OF, now=NOW)
    return {None: Checker(CheckOptions(**opts)), "ocr": Checker(CheckOptions(policy_data=CASES["ai-ocr-lgwan-asp"][1], **opts))}


@pytest.fixture(scope="module")
def reports(checkers) -> dict[str, Report]:
    out = {}
    for name, (path, policy, _) in CASES.items():
        out[name] = checkers["ocr" if policy else None].check(path)
    return out


def _t(key: str, lang: str) -> str:
    ja, en = HTML_LABELS[key]
    return ja if lang == "ja" else en


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_report_has_the_summary_results_and_reviewer_list(reports, name, lang):
    report = reports[name]
    assert report.verdict == CASES[name][2]
    html = render_html(report, lang)
    assert html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in html
    text = visible_text(html)

    # summary first: the verdict in large type, then the per-family tables, the reviewer's list, the inputs
    verdict = VERDICT_TEXT[report.verdict].get(lang)
    assert re.search(r'class="verdict-text"><span class="mark"[^>]*>.</span>' + re.escape(verdict) + "<", html)
    order = ['class="verdict-text"', '<section id="overview"', '<section id="results"', '<section id="review"', '<section id="inputs"']
    assert [html.index(x) for x in order] == sorted(html.index(x) for x in order)
    overview = visible_text(section(html, "overview").split("</section>", 1)[0])
    assert L.models(report.profile, lang) in overview
    assert str(report.rule_pack["version"]) in overview and str(report.rule_pack["digest"]) in overview
    assert report.engine["version"] in overview and report.as_of in overview
    for status, n in report.summary.by_status.items():
        assert re.search(rf'class="tile st-{status}[^"]*"><span class="tile-n">{n}</span>', html), status
        assert L.status(status, lang) in overview
    for sev, n in report.summary.failed_by_severity.items():
        assert re.search(rf'class="tile sv-{sev}[^"]*"><span class="tile-n">{n}</span>', html), sev
    for fam, counts in report.summary.by_family.items():
        assert L.family(fam, lang) in overview
        fam_row = section(html, "overview").split(f'href="#family-{fam}"', 1)[1].split("</tr>", 1)[0]
        assert [int(x) for x in re.findall(r'<td class="num[^"]*">(\d+)</td>', fam_row)] == [*counts.values(), sum(counts.values())]
    for key in ("name", "vendor", "version"):
        if report.service.get(key):
            assert report.service[key] in overview
    if report.iac is not None:
        assert f"checkov {report.iac.checkov_version}" in visible_text(html)

    # every requirement appears in its family's table, with its status label
    for r in report.results:
        row = row_of(html, r.id)
        assert f'<tr id="req-{r.id}" class="row-{r.status}">' in html
        assert L.status(r.status, lang) in row and L.severity(r.severity, lang) in row and r.title.get(lang) in row
        assert norm(r.source) in row
        for f in r.findings:
            assert f.location() in row and norm(f.message.get(lang)) in row
        for f in r.open_points:
            assert f.location() in row and norm(f.message.get(lang)) in row
        if r.status in ("fail", "error", "needs_attestation"):
            assert norm(r.remediation.get(lang)) in row
        else:
            assert f"{L.label('remediation', lang)}:" not in row
        if r.reason:
            assert norm(r.reason.get(lang)) in row

    # what the reviewer must confirm, split by party, and what is attested, with its document
    review = section(html, "review").split("</section>", 1)[0]
    to_confirm, attested = (visible_text(x) for x in review.split('<h3 id="attested"', 1))
    pending = [r for r in report.results if r.status == "needs_attestation"]
    assert L.label("attestations", lang) in to_confirm and L.label("attested", lang) in attested
    for party in ("vendor", "municipality"):
        items = [r for r in pending if r.party == party]
        assert (L.label(f"party_{party}", lang) in to_confirm) == bool(items)
        for r in items:
            assert r.id in to_confirm
            if r.evidence_needed:
                assert r.evidence_needed.get(lang) in to_confirm
    if pending:
        assert to_confirm.count("□") == len(pending)
    else:
        assert _t("none_pending", lang) in to_confirm
    for r in report.results:
        assert (r.id in to_confirm) == (r.status == "needs_attestation")
        assert (r.id in attested) == (r.status == "attested")
        if r.status == "attested" and r.attestation:
            a = r.attestation
            assert a.document in attested and a.date in attested and f"{a.file}:{a.line}" in attested

    # inputs with their SHA-256, parameters with where they came from
    inputs = visible_text(section(html, "inputs"))
    for f in report.inputs:
        assert f.sha256 in inputs and f.path in inputs
    for p in report.params:
        assert p.name in inputs and norm(p.source) in inputs and p.origin in inputs


def test_failures_show_file_line_field_and_values(reports):
    html = render_html(reports["nursery-matching-mynumber"], "ja")
    row = row_of(html, "LGAI-AI-004")
    assert "lgai.yaml:24" in row and "service.decision_automation" in row
    assert "decision_automation = full" in row
    assert "行政判断が完全に自動化されている" in row
    assert "出力を職員が確認・承認する手順を製品に組み込み" in row  # remediation
    assert "GL:AI-004" in row and "S: 二次資料 / V: 一次資料で確認" in row  # catalog rows and honesty
    # failures listed in the summary, most severe first, linked to their rows
    problems = html.split('class="grid problems"', 1)[1].split("</table>", 1)[0]
    ids = re.findall(r'href="#req-([A-Z0-9-]+)"', problems)
    assert len(ids) == reports["nursery-matching-mynumber"].summary.by_status["fail"]
    assert ids[0] == "LGAI-AI-004"


def test_iac_findings_show_checkov_ids_and_the_iac_summary(reports):
    report = reports["service-ai-ocr-drift"]
    html = render_html(report, "en")
    text = visible_text(html)
    row = row_of(html, "LGAI-IAC-004")
    assert "terraform/main.tf:23" in row and "CKV_AWS_20" in row
    assert "checkov" in row and "passed" in row and "failed" in row  # mapped checks with their counts
    assert f"checkov {report.iac.checkov_version}" in text
    assert report.iac.checks_run[0] in text
    assert L.label("scope_iac_only", "en") not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_iac_only_report_says_what_it_did_not_judge(reports, lang):
    report = reports["aws-bedrock-rag-violations"]
    assert report.scope == "iac_only"
    text = visible_text(render_html(report, lang))
    assert L.label("scope_iac_only", lang) in text
    html = render_html(report, lang)
    assert html.index(L.label("scope_iac_only", lang)) < html.index('<section id="overview"')
    assert "storage.tf:117" in text and "CKV_AWS_16" in text
    assert _t("none_pending", lang) in text


def test_vendor_text_is_escaped(checkers, tmp_path):
    """Service names, vendor names and checkov skip reasons are written by the vendor."""
    svc = tmp_path / "svc"
    shutil.copytree(SERVICES / "nursery-matching-mynumber", svc)
    decl = svc / "lgai.yaml"
    src = decl.read_text(encoding="utf-8")
    evil_name = '<script>alert("name")</script>えらぼ</style></title>'
    src = src.replace("name: 保育所入所選考支援AI「えらぼ」", f"name: '{evil_name}'", 1)
    src = src.replace("vendor: 株式会社こども未来システムズ", "vendor: '株式会社<img src=x onerror=alert(1)>'", 1)
    decl.write_text(src, encoding="utf-8")
    iac = tmp_path / "iac"
    shutil.copytree(IAC / "aws-bedrock-rag-violations", iac)
    tf = iac / "storage.tf"
    tf.write_text(
        tf.read_text(encoding="utf-8").replace(
            'resource "aws_db_instance" "history" {',
            'resource "aws_db_instance" "history" {\n  # checkov:skip=CKV_AWS_16: test only <script>alert(2)</script> & "quoted"',
            1,
        ),
        encoding="utf-8",
    )
    svc_report = checkers[None].check(svc)
    iac_report = checkers[None].check(iac)
    assert svc_report.service["name"] == evil_name
    suppressed = [f for r in iac_report.results for f in r.suppressed]
    assert suppressed and "<script>alert(2)</script>" in suppressed[0].message.ja

    for report in (svc_report, iac_report):
        for lang in ("ja", "en"):
            html = render_html(report, lang)
            page = parse(html)
            assert "script" not in page.tags and "img" not in page.tags
            assert not [a for a in page.attrs if a[1].startswith("on")]
            assert "<script" not in html.lower() and "<img" not in html.lower()
            assert html.count("</style>") == 1 and html.count("</title>") == 1
            text = visible_text(html)
            if report is svc_report:
                assert evil_name in text  # shown as text, not run
                assert "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;" in html
                assert "株式会社<img src=x onerror=alert(1)>" in text
                assert "<" not in "".join(page.style).split("@page", 1)[1]  # the running header is a CSS-escaped string
            else:
                assert L.label("suppressed", lang) in text
                assert 'test only <script>alert(2)</script> & "quoted"' in text


@pytest.mark.parametrize("name", list(CASES))
def test_no_network_references(reports, name):
    for lang in ("ja", "en"):
        html = render_html(reports[name], lang)
        page = parse(html)
        style = "".join(page.style)
        assert "@import" not in style and "url(" not in style and "@font-face" not in style
        assert not [a for a in page.attrs if a[1] in ("src", "srcset", "data", "action", "poster", "background")]
        hrefs = [v for tag, k, v in page.attrs if k == "href"]
        assert hrefs and all(v.startswith("#") for v in hrefs)
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html, re.I)
        assert {"link", "script", "img", "iframe", "object", "embed", "base"}.isdisjoint(page.tags)
        csp = [v for tag, k, v in page.attrs if tag == "meta" and k == "content" and v and "default-src 'none'" in v]
        assert csp, "a Content-Security-Policy forbids loading anything"


def test_stale_attestations_are_listed_for_the_reviewer_with_the_document_on_file():
    report = Checker(CheckOptions(as_of=dt.date(2027, 6, 1), now=NOW)).check(SERVICES / "nursery-matching-mynumber")
    stale = [r for r in report.results if r.attestation and r.attestation.stale]
    assert stale and all(r.status == "needs_attestation" for r in stale)
    for lang in ("ja", "en"):
        html = render_html(report, lang)
        to_confirm = visible_text(section(html, "review").split('<h3 id="attested"', 1)[0])
        for r in stale:
            item = to_confirm.split(r.id, 1)[1][:600]
            assert r.attestation.document in item and r.attestation.date in item
            assert f"{r.attestation.age_days} / {r.attestation.max_age_days}" in item and _t("stale", lang) in item
            assert r.reason.get(lang) in item


def test_an_evaluation_error_makes_the_report_not_determinable(reports):
    """A rule that could not be evaluated: the verdict is 判定不能 and the row says why."""
    base = reports["aerial-photo-govcloud"]
    results = [
        r.model_copy(update={"status": "error", "reason": Text(ja="評価中の例外: <boom>", en="exception while evaluating: <boom>")})
        if r.id == "LGAI-AI-001"
        else r
        for r in base.results
    ]
    report = base.model_copy(update={"results": results, "summary": summarise(results), "verdict": verdict_of(results)})
    assert report.verdict == "not_determinable"
    for lang in ("ja", "en"):
        html = render_html(report, lang)
        assert VERDICT_TEXT["not_determinable"].get(lang) in visible_text(html.split('<section id="overview"', 1)[0])
        assert re.search(r'class="tile st-error[^"]*"><span class="tile-n">1</span>', html)
        row = row_of(html, "LGAI-AI-001")
        assert L.status("error", lang) in row and "<boom>" in row
        assert norm(next(r for r in results if r.id == "LGAI-AI-001").remediation.get(lang)) in row
        problems = html.split('class="grid problems"', 1)[1].split("</table>", 1)[0]
        assert re.findall(r'href="#req-([A-Z0-9-]+)"', problems) == ["LGAI-AI-001"]


def test_unknown_language_is_refused(reports):
    with pytest.raises(ValueError):
        render_html(reports["nursery-matching-mynumber"], "fr")


def test_cli_writes_html(tmp_path):
    out = tmp_path / "report.html"
    res = run_lgai("check", str(SERVICES / "aerial-photo-govcloud"), "--as-of", "2026-11-25", "--format", "html", "-o", str(out), "--lang", "en")
    assert res.returncode == 0, res.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Conditionally compliant" in visible_text(html)


# --- a real headless Chromium -------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})


def _write(tmp_path: Path, report: Report, lang: str, name: str) -> Path:
    page = tmp_path / f"{name}.{lang}.html"
    page.write_text(render_html(report, lang), encoding="utf-8")
    return page


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


@needs_chromium
@pytest.mark.parametrize("name", ["nursery-matching-mynumber", "aws-bedrock-rag-violations"])
def test_chromium_loads_the_page(reports, tmp_path, name):
    report = reports[name]
    page = _write(tmp_path, report, "ja", name)
    res = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    dom = res.stdout
    assert '<html lang="ja">' in dom
    text = visible_text(dom)
    assert VERDICT_TEXT[report.verdict].ja in text
    assert L.label("attestations", "ja") in text and L.label("attested", "ja") in text
    for r in report.results:
        assert r.id in text
    failed = [r for r in report.results if r.status == "fail"]
    assert failed[0].findings[0].location() in text
    assert failed[0].remediation.ja in text
    assert "<script" not in dom.lower()


def _pdf_page_boxes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_chromium_prints_a4_pdf(reports, tmp_path, lang):
    name = "nursery-matching-mynumber"
    page = _write(tmp_path, reports[name], lang, name)
    pdf = _artifact(f"{name}.{lang}.pdf")
    pdf.unlink(missing_ok=True)
    res = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.is_file(), res.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 100_000
    boxes = _pdf_page_boxes(data)
    assert len(boxes) >= 10, "the whole report, on many pages"
    for w, h in boxes:  # A4 portrait, 210 x 297 mm in points
        assert abs(w - 595.28) < 1.5 and abs(h - 841.89) < 1.5, (w, h)

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    verdict = VERDICT_TEXT["non_compliant"].get(lang)
    assert verdict in text
    assert "LGAI-AI-004" in text and "lgai.yaml:24" in text
    assert L.label("attestations", lang) in text
    assert f"1 / {len(boxes)}" in text  # page numbers from the print CSS


# The print layout measured in the browser: the print rules applied on a screen as wide as the
# printable width of A4 (210 mm less 2 x 13 mm margins = 695 CSS px), then every element checked for
# content wider than its box or reaching past the page. A test copy only: the report itself forbids
# scripts (CSP) and has none.
A4_PRINTABLE_PX = 695
_MEASURE = """<script>
const W = document.documentElement.clientWidth;
const bad = [];
for (const el of document.querySelectorAll("body *")) {
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const wider = cs.display !== "inline" && el.scrollWidth > el.clientWidth + 1;
  if (r.right > W + 0.5 || wider) bad.push(el.tagName + "." + el.className + " " + Math.round(r.right) + "/" + el.scrollWidth + ">" + el.clientWidth + " " + (el.textContent || "").trim().slice(0, 40));
}
const out = document.createElement("pre");
out.id = "measure";
out.textContent = JSON.stringify({width: W, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(0, 20), n: bad.length});
document.body.appendChild(out);
</script>"""


@needs_chromium
@pytest.mark.parametrize("name,lang", [("nursery-matching-mynumber", "ja"), ("nursery-matching-mynumber", "en"), ("aws-bedrock-rag-violations", "en")])
def test_print_layout_has_no_horizontal_overflow(reports, tmp_path, name, lang):
    html = render_html(reports[name], lang)
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert "@media print {" in html and "@media screen and (max-width: 820px)" in html
    html = html.replace("@media print {", "@media all {").replace("@media screen and (max-width: 820px)", "@media not all")
    page = tmp_path / "measure.html"
    page.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    res = chromium(tmp_path, "--dump-dom", f"--window-size={A4_PRINTABLE_PX},1000", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    found = re.search(r'<pre id="measure">(.*?)</pre>', res.stdout, re.S)
    assert found, "the measuring script ran"
    import html as htmllib
    import json

    m = json.loads(htmllib.unescape(found.group(1)))
    assert m["width"] == A4_PRINTABLE_PX
    assert m["scrollWidth"] <= m["width"] and m["n"] == 0, m


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


@needs_chromium
@pytest.mark.parametrize("name,lang", [("nursery-matching-mynumber", "ja"), ("aerial-photo-govcloud", "en"), ("aws-bedrock-rag-violations", "ja")])
def test_chromium_screenshot(reports, tmp_path, name, lang):
    page = _write(tmp_path, reports[name], lang, name)
    png = _artifact(f"{name}.{lang}.png")
    png.unlink(missing_ok=True)
    res = chromium(tmp_path, f"--screenshot={png}", "--window-size=1280,1800", page.as_uri())
    assert png.is_file(), res.stderr[-2000:]
    assert _png_size(png) == (1280, 1800)
    assert png.stat().st_size > 50_000  # a rendered page, not a blank one
