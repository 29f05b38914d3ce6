"""Words used by the human-readable formats, in Japanese and English."""

from __future__ import annotations

from ..report import SEVERITY_TEXT, STATUS_TEXT, VERDICT_TEXT
from ..rulepack import FAMILIES

LABELS = {
    "title": ("lgai 適合性チェック結果", "lgai compliance report"),
    "scope": ("判定範囲", "Scope"),
    "scope_iac_only": (
        "IaC のみ (lgai.yaml なし): IaC で判定できる要件だけを判定。サービス全体の適合性は判定していない",
        "IaC only (no lgai.yaml): only the requirements IaC can evidence were judged, not the whole service",
    ),
    "iac": ("IaC", "IaC"),
    "iac_files": ("ファイル", "files"),
    "iac_resources": ("リソース", "resources"),
    "iac_linked": ("構成要素に対応付け", "linked to components"),
    "checkov_checks": ("checkov チェック", "checkov checks"),
    "suppressed": ("抑止された指摘", "Suppressed findings"),
    "service": ("サービス", "Service"),
    "vendor": ("事業者", "Vendor"),
    "verdict": ("総合判定", "Verdict"),
    "profile": ("ネットワークモデル", "Network model"),
    "rule_pack": ("ルールパック", "Rule pack"),
    "engine": ("評価エンジン", "Engine"),
    "as_of": ("判定基準日", "Judged as of"),
    "generated": ("作成日時", "Generated"),
    "summary": ("集計", "Summary"),
    "requirement": ("要件", "Requirement"),
    "status": ("判定", "Status"),
    "severity": ("重要度", "Severity"),
    "family": ("分類", "Family"),
    "source": ("出典", "Source"),
    "evidence": ("根拠", "Evidence"),
    "remediation": ("是正策", "Remediation"),
    "failures": ("不適合の詳細", "Failures"),
    "attestations": ("確認が必要な事項(表明・証跡)", "For the reviewer: attestations needed"),
    "attested": ("表明済みの事項", "Attested"),
    "not_applicable": ("対象外の要件", "Not applicable"),
    "errors": ("評価できなかった要件", "Requirements that could not be evaluated"),
    "inputs": ("入力ファイル", "Input files"),
    "params": ("使用したパラメータ", "Parameters used"),
    "count": ("件数", "Count"),
    "honesty": ("根拠の確度", "Basis"),
    "failed_by_severity": ("重要度別の不適合", "Failures by severity"),
    "reason": ("理由", "Reason"),
    "statement": ("表明", "Statement"),
    "document": ("証跡", "Evidence document"),
    "all_models": ("宣言された全モデル", "all declared models"),
    "no_models_declared": ("宣言なし: 全モデルで判定", "none declared: judged for every model"),
    "party_vendor": ("事業者が示すもの", "From the vendor"),
    "party_municipality": ("自治体が確認するもの", "For the municipality to confirm"),
}

MODEL_NAMES = {"alpha": "α", "alpha_prime": "α′", "beta": "β", "beta_prime": "β′"}

HONESTY = {
    "V": ("一次資料で確認", "verified in a primary source"),
    "S": ("二次資料", "secondary source"),
    "K": ("背景知識(未再確認)", "background knowledge, not re-read"),
    "P": ("提案(出典なし)", "proposal, no source"),
    "X": ("提案(政府文書なし)", "proposal, no government text"),
}


def label(key: str, lang: str) -> str:
    ja, en = LABELS[key]
    return ja if lang == "ja" else en


def status(s: str, lang: str) -> str:
    return STATUS_TEXT[s].get(lang)


def severity(s: str, lang: str) -> str:
    return SEVERITY_TEXT[s].get(lang)


def verdict(v: str, lang: str) -> str:
    return VERDICT_TEXT[v].get(lang)


def family(f: str, lang: str) -> str:
    ja, en = FAMILIES.get(f, (f, f))
    return ja if lang == "ja" else en


def honesty(tag: str, lang: str) -> str:
    parts = []
    for t in tag.split("/"):
        ja, en = HONESTY[t]
        parts.append(f"{t}: {ja if lang == 'ja' else en}")
    return " / ".join(parts)


def models(profile: dict, lang: str) -> str:
    names = ", ".join(MODEL_NAMES[m] for m in profile["models"])
    if profile.get("selected"):
        return names
    if not profile.get("declared_models"):
        return f"{names} ({label('no_models_declared', lang)})"
    return f"{names} ({label('all_models', lang)})"


# CSV, SARIF and JUnit (formats/csv_format.py, sarif.py, junit.py)
LABELS.update(
    {
        "item_no": ("項番", "No."),
        "catalog": ("対応するカタログ項目", "Catalog rows"),
        "evidence_needed": ("必要な証跡", "Evidence needed"),
        "open_point": ("未確定", "Open point"),
        "stale_attestation": ("表明が古い: {age}日経過 (上限 {max}日)", "stale: {age} days old (maximum {max})"),
        "attestation_needed": ("表明・証跡による確認が必要", "needs an attestation with evidence"),
        "evaluation_error": ("評価エラー", "evaluation error"),
        "findings_more": ("ほか {n} 件", "and {n} more"),
        "checkov_check": ("checkov チェック", "checkov check"),
    }
)
