package lgai.rules.gov_007_test

import data.lgai.rules.gov_007
import data.lgai.testing as t

test_default_is_not_applicable if {
	count(gov_007.not_applicable) == 1 with input as t.base
	count(gov_007.undetermined) == 0 with input as t.base
	not gov_007.deny with input as t.base
}

test_param_requires_an_attestation if {
	out := gov_007.undetermined with input as t.base with data.lgai.params.contractor_ai_use_consent_required as true
	count(out) == 1
	some f in out
	f.at == {"file": "lgai.yaml", "path": ""}
	f.field == "attestations"
	f.values == {"contractor_ai_use_consent_required": true}
	count(gov_007.not_applicable) == 0 with input as t.base with data.lgai.params.contractor_ai_use_consent_required as true
}

test_param_false_is_not_applicable if {
	count(gov_007.undetermined) == 0 with input as t.base with data.lgai.params.contractor_ai_use_consent_required as false
	count(gov_007.not_applicable) == 1 with input as t.base with data.lgai.params.contractor_ai_use_consent_required as false
}
