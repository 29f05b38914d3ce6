"""LGAI-AI-003: model versions are pinned and changes are announced in advance.

A Python rule: recognising unpinned versions is string work that reads better here than in
Rego. Unpinned: an alias word ("latest", "default", "-preview" …), a tag with no digit at all,
or the model name repeated as its version ("gpt-4o" / "gpt-4o", a tag that moves to each
new snapshot).
"""

import re

METADATA = {
    "id": "LGAI-AI-003",
    "title_ja": "モデル版の固定と変更の事前通知",
    "title_en": "Pinned model versions and notice before model changes",
    "description_ja": (
        "AIモデルのバージョンは固定値で宣言し(latest 等の別名は不可)、モデルの変更・廃止は"
        " min_model_change_notice_days 日以上前に自治体へ通知する(日数は提案値)。"
    ),
    "description_en": (
        "Each AI model is pinned to a fixed version (no aliases such as 'latest'), and the vendor announces"
        " model swaps and deprecations at least min_model_change_notice_days days in advance (a proposal)."
    ),
    "severity": "high",
    "family": "ai",
    "catalog": ["AIC:CHG-001", "GL:AI-006"],
    "source": "総務省 自治体AI共同開発推進事業 公募要領 (2020-04, 導入後の更新方法); AI事業者ガイドライン (提供者の情報提供) — 通知日数は提案値",
    "honesty": "V/P",
    "input": ["architecture"],
    "reads": ["ai_models[].version", "ai_models[].change_notice_days"],
    "params": ["min_model_change_notice_days"],
    "remediation_ja": "モデルのバージョンを固定値(日付付きのID等)で指定し、変更通知日数を契約に定めて ai_models[].change_notice_days に記載する。",
    "remediation_en": "Pin the model to a dated version id, agree the notice period in the contract, and declare ai_models[].change_notice_days.",
}

_ALIASES = re.compile(r"(^|[-_.:@/])(latest|default|auto|stable|current|preview|newest)$|^\*$|^$", re.IGNORECASE)


def evaluate(doc: dict, params: dict) -> dict:
    deny = []
    minimum = params["min_model_change_notice_days"]
    for model_id in sorted(doc["ai_models"]):
        m = doc["ai_models"][model_id]
        version = str(m["version"]).strip()
        # An alias word, a tag without any digit, or the model name repeated: none pins a snapshot.
        if _ALIASES.search(version) or not any(ch.isdigit() for ch in version) or version.lower() == str(m["model"]).strip().lower():
            deny.append(
                _finding(
                    m,
                    "version",
                    f"AIモデル {model_id} のバージョン '{version}' は別名で、固定されていない",
                    f"AI model {model_id}: version '{version}' is an alias, not a pinned version",
                    {"version": version},
                )
            )
        days = m.get("change_notice_days")
        if days is None or days < minimum:
            deny.append(
                _finding(
                    m,
                    "change_notice_days",
                    f"AIモデル {model_id} の変更通知 {days} 日が最低 {minimum} 日に満たないか未宣言",
                    f"AI model {model_id}: change notice of {days} days is below the minimum {minimum} or not declared",
                    {"change_notice_days": days, "minimum": minimum},
                )
            )
    out = {"deny": deny, "undetermined": [], "not_applicable": []}
    if not doc["ai_models"]:
        out["not_applicable"].append({"ja": "AIモデルが宣言されていない", "en": "no AI model is declared"})
    return out


def _finding(m, field, ja, en, values):
    return {"at": m["_at"], "field": field, "msg": {"ja": ja, "en": en}, "values": values}
