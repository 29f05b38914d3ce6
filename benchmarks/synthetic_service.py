"""Generate a large synthetic service: N components, M flows, realistic mix of hosting and data.

    python benchmarks/synthetic_service.py OUT_DIR --components 2000 --flows 10000

The service is valid input; about one component in fifty violates something, so rules
produce findings as they would on a real, imperfect declaration.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

KINDS = ["api", "compute", "storage", "database", "ai_inference", "vector_store", "log_store", "queue", "gateway"]
REGIONS = ["ap-northeast-1", "ap-northeast-3", "japaneast", "asia-northeast1"]


def generate(out: Path, n_components: int, n_flows: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    providers = [
        {"id": "vendor", "name": "合成ベンダー株式会社", "country": "JP", "roles": ["saas", "operator"],
         "ismap": {"kind": "ismap_liu", "registration_id": "L0001", "valid_until": "2030-03-31", "impact_assessment": "low"}},
        {"id": "cloud", "name": "Synthetic Cloud", "country": "US", "roles": ["iaas", "paas"], "sub_processor": True,
         "approved_by_municipality": True, "ismap": {"kind": "ismap", "registration_id": "C0001", "valid_until": "2030-03-31"}},
    ]
    components = []
    for i in range(n_components):
        kind = KINDS[i % len(KINDS)]
        bad = i % 50 == 49
        components.append({
            "id": f"c{i:05d}",
            "kind": kind,
            "provider": "cloud" if i % 3 else "vendor",
            "hosting": "public_cloud" if i % 4 else "lgwan_asp",
            "region": "us-east-1" if bad else REGIONS[i % len(REGIONS)],
            "encryption": {"at_rest": not bad, "key_management": "customer_managed", "tls_min_version": "1.2"},
            "logging": {"enabled": True, "retention_days": 90 if bad else 400, "region": "ap-northeast-1"},
        })
    connections = [
        {"id": f"k{i:05d}", "from": {"component": components[i]["id"]}, "to": {"component": components[i + 1]["id"]},
         "transport": "private_link", "tls_min_version": "1.2"}
        for i in range(0, n_components - 1, 2)
    ]
    ai_models = [
        {"id": f"m{i:04d}", "component": c["id"], "provider": "cloud", "model": "synthetic-llm", "version": "2026-01-15",
         "hosting_region": "ap-northeast-1", "training_use": "prohibited", "training_use_evidence": "契約 第9条",
         "input_retention_days": 0, "change_notice_days": 60}
        for i, c in enumerate(components) if c["kind"] == "ai_inference"
    ]
    decl = {
        "schema_version": 1,
        "service": {"name": "合成サービス", "vendor": "合成ベンダー株式会社", "version": "1.0", "ai_functions": ["generation"],
                    "decision_automation": "assist", "human_review": "always"},
        "delivery": "lgwan_asp",
        "network_models": ["alpha"],
        "providers": providers,
        "components": components,
        "connections": connections,
        "ai_models": ai_models,
        "operations": {"incident": {"contact": "soc@example.jp", "report_within_hours": 4}},
        "contract": {"governing_law": "JP", "court": "東京地方裁判所", "court_country": "JP"},
    }
    assets = [
        {"id": f"a{i:03d}", "name": f"業務データ{i}", "confidentiality": rng.choice(["1", "2", "2", "3C"]),
         "integrity": "2", "availability": "1", "personal": rng.choice(["none", "personal", "personal", "sensitive"])}
        for i in range(200)
    ]
    flows = []
    for i in range(n_flows):
        src = rng.choice(["lgwan", None])
        flows.append({
            "id": f"f{i:06d}",
            "asset": assets[i % len(assets)]["id"],
            "from": {"segment": "lgwan"} if src else {"component": components[rng.randrange(n_components)]["id"]},
            "to": {"component": components[rng.randrange(n_components)]["id"]},
            "purpose": "業務処理",
            "transport": "lgwan" if src else "private_link",
            "tls_min_version": "1.2",
            "legal_relation": "entrustment",
        })
    (out / "lgai.yaml").write_text(yaml.safe_dump(decl, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (out / "dataflows.yaml").write_text(
        yaml.safe_dump({"schema_version": 1, "assets": assets, "flows": flows}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--components", type=int, default=2000)
    ap.add_argument("--flows", type=int, default=10000)
    args = ap.parse_args()
    generate(args.out, args.components, args.flows)
    print(f"wrote {args.out}/lgai.yaml and dataflows.yaml ({args.components} components, {args.flows} flows)")


if __name__ == "__main__":
    main()
