package lgai.rules.iac_010_test

import data.lgai.rules.iac_010
import data.lgai.testing as t

res(p) := object.union(t.defaults.iac_resource, p)

with_iac(rs) := t.put(t.base, "iac", {"present": true, "resources": rs, "clouds": sort({r.cloud | some r in rs}), "sources": sort({r.source | some r in rs})})

guardduty(enabled) := res({
	"type": "aws_guardduty_detector", "address": "aws_guardduty_detector.main", "category": "monitoring",
	"_at": {"file": "security.tf", "line": 1, "path": "aws_guardduty_detector.main"},
	"logging": {"kind": null, "enabled": enabled, "multi_region": null, "retention_days": null, "immutable": null, "target": null},
})

bucket := res({"_at": {"file": "a.tf", "line": 5, "path": "aws_s3_bucket.x"}})

# An IaC-only check without --profile: every model, none declared.
iac_only(doc) := t.put(doc, "profile", {"selected": null, "models": ["alpha", "alpha_prime", "beta", "beta_prime"], "declared_models": []})

test_not_applicable_without_iac if {
	count(iac_010.not_applicable) == 1 with input as t.base
}

test_not_applicable_for_kubernetes_only if {
	inp := with_iac([res({"cloud": "kubernetes", "source": "kubernetes", "type": "Deployment", "category": "workload"})])
	count(iac_010.not_applicable) == 1 with input as inp
	count(iac_010.undetermined) == 0 with input as inp
}

test_enabled_detector_passes if {
	inp := with_iac([bucket, guardduty(true)])
	count(iac_010.deny) == 0 with input as inp
	count(iac_010.undetermined) == 0 with input as inp
	count(iac_010.not_applicable) == 0 with input as inp
}

test_denies_disabled_detector if {
	r := guardduty(false)
	out := iac_010.deny with input as with_iac([r])
	count(out) == 1
	some f in out
	f.field == "logging.enabled"
	f.at == r._at
	f.values == {"type": "aws_guardduty_detector", "enabled": false}
}

test_missing_detector_under_alpha_is_undetermined if {
	inp := with_iac([bucket])
	count(iac_010.deny) == 0 with input as inp
	out := iac_010.undetermined with input as inp
	{[f.field, f.values, f.at] | some f in out} == {["cloud", {"cloud": "aws"}, bucket._at]}
}

test_missing_detector_without_known_model_is_undetermined if {
	inp := iac_only(with_iac([bucket]))
	count(iac_010.deny) == 0 with input as inp
	count(iac_010.undetermined) == 1 with input as inp
}

test_denies_missing_detector_under_beta if {
	inp := t.set_profile(with_iac([bucket]), null, ["alpha", "beta"])
	out := iac_010.deny with input as inp
	{[f.field, f.values] | some f in out} == {["cloud", {"cloud": "aws", "models": ["beta"]}]}
	count(iac_010.undetermined) == 0 with input as inp
}

test_denies_missing_detector_with_selected_beta_prime if {
	inp := t.set_profile(iac_only(with_iac([bucket])), "beta_prime", [])
	t.fields(iac_010.deny) == {"cloud"} with input as inp
}
