package lgai.rules.gov_001_test

import data.lgai.rules.gov_001
import data.lgai.testing as t

test_declared_profile_passes if {
	count(gov_001.deny) == 0 with input as t.base
}

test_no_profile_selected_passes if {
	count(gov_001.deny) == 0 with input as t.with_profile(null, ["alpha"])
}

test_denies_undeclared_profile if {
	inp := t.with_profile("beta", ["alpha", "alpha_prime"])
	out := gov_001.deny with input as inp
	count(out) == 1
	some f in out
	f.field == "network_models"
	f.values == {"profile": "beta", "declared": ["alpha", "alpha_prime"]}
	f.at == {"file": "lgai.yaml", "path": ""}
	f.msg.en == `the service is not declared for the beta model (declared: ["alpha", "alpha_prime"])`
}

test_no_other_outputs if {
	inp := t.with_profile("beta", ["alpha"])
	not gov_001.undetermined with input as inp
	not gov_001.not_applicable with input as inp
}
