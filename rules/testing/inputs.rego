# Fixtures and helpers for the rule unit tests (compiled only by the test runner).
#
# `base` is a minimal, valid and *compliant* normalised input document, exactly what
# checker/normalise.py builds for the service below: every model field present (null
# when not given); providers, components, assets and ai_models keyed by id; flows and
# connections as lists; `_at` on every object; `received` on components and the ranks
# and hostings on flows. tests/test_python_rules.py checks that `base` equals the
# normaliser's output for the same YAML, and test_base_* below that it is self-consistent.
#
# The service (LGWAN-ASP, α model, AWS ap-northeast-1):
#
#   segment:lgwan --lgwan--> gw (gateway, vendor) --closed_network--> ai (ai_inference, aws)
#                                                   --private_link--> store (storage, aws)
#   model `llm` on `ai`; asset `memo` = 機密性2, personal; flows up, infer, keep, back;
#   contract under JP law; incident first report within 4 h; as_of 2026-11-25.
#
# Helpers return a patched copy of a document. `set_*`/`add_*`/`without_*` take the
# document first so they chain; `with_*` patch `base`. A patch is a deep merge
# (object.union): {"encryption": {"at_rest": false}} changes that field only, and a
# non-object value (null, a list) replaces the old one. Whenever components, assets or
# flows change, the derived fields are recomputed the way the normaliser does (derive).
package lgai.testing

base := {
	"lgai": {
		"input_version": 1,
		"as_of": "2026-11-25"
	},
	"profile": {
		"selected": "alpha",
		"models": [
			"alpha"
		],
		"declared_models": [
			"alpha"
		]
	},
	"service": {
		"name": "AI文書要約サービス",
		"vendor": "株式会社テスト",
		"version": "1.0.0",
		"description": null,
		"ai_functions": [
			"generation"
		],
		"resident_facing": false,
		"decision_automation": "assist",
		"human_review": "always"
	},
	"delivery": "lgwan_asp",
	"lgwan_asp": {
		"registration_id": "ASP-2024-0001",
		"review_passed": true,
		"category": "application"
	},
	"providers": {
		"vendor": {
			"id": "vendor",
			"name": "株式会社テスト",
			"country": "JP",
			"roles": [
				"saas",
				"operator"
			],
			"sub_processor": false,
			"approved_by_municipality": null,
			"ismap": {
				"kind": "ismap",
				"registration_id": "C24-0100-1",
				"service_name": null,
				"scope": [],
				"valid_until": "2027-09-30",
				"impact_assessment": null
			},
			"_at": {
				"file": "lgai.yaml",
				"path": "providers[0]"
			}
		},
		"aws": {
			"id": "aws",
			"name": "Amazon Web Services",
			"country": "US",
			"roles": [
				"iaas",
				"paas",
				"model_provider"
			],
			"sub_processor": true,
			"approved_by_municipality": true,
			"ismap": {
				"kind": "ismap",
				"registration_id": "C21-0001-1",
				"service_name": null,
				"scope": [],
				"valid_until": "2027-06-30",
				"impact_assessment": null
			},
			"_at": {
				"file": "lgai.yaml",
				"path": "providers[1]"
			}
		}
	},
	"components": {
		"gw": {
			"id": "gw",
			"name": null,
			"kind": "gateway",
			"provider": "vendor",
			"hosting": "lgwan_asp",
			"region": "ap-northeast-1",
			"country": null,
			"encryption": {
				"at_rest": null,
				"key_management": null,
				"tls_min_version": "1.2"
			},
			"public_endpoint": false,
			"authentication": {
				"method": "saml",
				"mfa": true
			},
			"logging": {
				"enabled": true,
				"retention_days": 400,
				"region": "ap-northeast-1",
				"municipality_access": null
			},
			"backup": null,
			"_at": {
				"file": "lgai.yaml",
				"path": "components[0]"
			},
			"received": {
				"conf_rank_max": 2,
				"personal_rank_max": 1,
				"assets": [
					"memo"
				]
			}
		},
		"ai": {
			"id": "ai",
			"name": null,
			"kind": "ai_inference",
			"provider": "aws",
			"hosting": "lgwan_asp",
			"region": "ap-northeast-1",
			"country": null,
			"encryption": {
				"at_rest": true,
				"key_management": "customer_managed",
				"tls_min_version": "1.2"
			},
			"public_endpoint": false,
			"authentication": null,
			"logging": {
				"enabled": true,
				"retention_days": 400,
				"region": "ap-northeast-1",
				"municipality_access": null
			},
			"backup": null,
			"_at": {
				"file": "lgai.yaml",
				"path": "components[1]"
			},
			"received": {
				"conf_rank_max": 2,
				"personal_rank_max": 1,
				"assets": [
					"memo"
				]
			}
		},
		"store": {
			"id": "store",
			"name": null,
			"kind": "storage",
			"provider": "aws",
			"hosting": "lgwan_asp",
			"region": "ap-northeast-1",
			"country": null,
			"encryption": {
				"at_rest": true,
				"key_management": "customer_managed",
				"tls_min_version": "1.2"
			},
			"public_endpoint": false,
			"authentication": null,
			"logging": {
				"enabled": true,
				"retention_days": 400,
				"region": "ap-northeast-1",
				"municipality_access": null
			},
			"backup": {
				"enabled": true,
				"region": "ap-northeast-3",
				"retention_days": 30
			},
			"_at": {
				"file": "lgai.yaml",
				"path": "components[2]"
			},
			"received": {
				"conf_rank_max": 2,
				"personal_rank_max": 1,
				"assets": [
					"memo"
				]
			}
		}
	},
	"connections": [
		{
			"id": "lgwan-gw",
			"from": {
				"segment": "lgwan",
				"component": null
			},
			"to": {
				"segment": null,
				"component": "gw"
			},
			"transport": "lgwan",
			"sanitization": "none",
			"payload": [
				"data"
			],
			"tls_min_version": "1.2",
			"_at": {
				"file": "lgai.yaml",
				"path": "connections[0]"
			}
		},
		{
			"id": "gw-ai",
			"from": {
				"segment": null,
				"component": "gw"
			},
			"to": {
				"segment": null,
				"component": "ai"
			},
			"transport": "closed_network",
			"sanitization": "none",
			"payload": [
				"data"
			],
			"tls_min_version": "1.2",
			"_at": {
				"file": "lgai.yaml",
				"path": "connections[1]"
			}
		},
		{
			"id": "ai-store",
			"from": {
				"segment": null,
				"component": "ai"
			},
			"to": {
				"segment": null,
				"component": "store"
			},
			"transport": "private_link",
			"sanitization": "none",
			"payload": [
				"data"
			],
			"tls_min_version": "1.2",
			"_at": {
				"file": "lgai.yaml",
				"path": "connections[2]"
			}
		}
	],
	"ai_models": {
		"llm": {
			"id": "llm",
			"component": "ai",
			"provider": "aws",
			"model": "anthropic.claude-3-5-sonnet",
			"version": "20240620-v1:0",
			"hosting_region": "ap-northeast-1",
			"deployment_type": "regional",
			"contract_type": "negotiated",
			"training_use": "prohibited",
			"training_use_evidence": "利用契約書 第12条",
			"input_retention_days": 0,
			"output_retention_days": 0,
			"prompt_logging_by_provider": false,
			"provider_human_review": false,
			"change_notice_days": 60,
			"_at": {
				"file": "lgai.yaml",
				"path": "ai_models[0]"
			}
		}
	},
	"operations": {
		"incident": {
			"contact": "security@example.jp",
			"report_within_hours": 4
		},
		"vulnerability": null,
		"sla": null
	},
	"exit": {
		"data_return": null,
		"return_format": null,
		"deletion": null,
		"deletion_certificate": null,
		"deadline_days": null
	},
	"contract": {
		"governing_law": "JP",
		"court": "東京地方裁判所",
		"court_country": "JP",
		"type": "negotiated",
		"_at": {
			"file": "lgai.yaml",
			"path": "contract"
		}
	},
	"attestations": [],
	"assets": {
		"memo": {
			"id": "memo",
			"name": "相談記録",
			"confidentiality": "2",
			"integrity": "2",
			"availability": "1",
			"personal": "personal",
			"_at": {
				"file": "dataflows.yaml",
				"path": "assets[0]"
			},
			"conf_rank": 2,
			"personal_rank": 1
		}
	},
	"flows": [
		{
			"id": "up",
			"asset": "memo",
			"from": {
				"segment": "lgwan",
				"component": null
			},
			"to": {
				"segment": null,
				"component": "gw"
			},
			"purpose": "要約",
			"transport": "lgwan",
			"payload": "data",
			"sanitization": "none",
			"tls_min_version": "1.2",
			"retention_days": null,
			"legal_relation": "entrustment",
			"_at": {
				"file": "dataflows.yaml",
				"path": "flows[0]"
			},
			"conf_rank": 2,
			"personal": "personal",
			"personal_rank": 1,
			"from_hosting": "lgwan",
			"to_hosting": "lgwan_asp"
		},
		{
			"id": "infer",
			"asset": "memo",
			"from": {
				"segment": null,
				"component": "gw"
			},
			"to": {
				"segment": null,
				"component": "ai"
			},
			"purpose": "要約",
			"transport": "closed_network",
			"payload": "data",
			"sanitization": "none",
			"tls_min_version": "1.2",
			"retention_days": null,
			"legal_relation": "entrustment",
			"_at": {
				"file": "dataflows.yaml",
				"path": "flows[1]"
			},
			"conf_rank": 2,
			"personal": "personal",
			"personal_rank": 1,
			"from_hosting": "lgwan_asp",
			"to_hosting": "lgwan_asp"
		},
		{
			"id": "keep",
			"asset": "memo",
			"from": {
				"segment": null,
				"component": "ai"
			},
			"to": {
				"segment": null,
				"component": "store"
			},
			"purpose": "結果の一時保存",
			"transport": "private_link",
			"payload": "data",
			"sanitization": "none",
			"tls_min_version": "1.2",
			"retention_days": 7,
			"legal_relation": "entrustment",
			"_at": {
				"file": "dataflows.yaml",
				"path": "flows[2]"
			},
			"conf_rank": 2,
			"personal": "personal",
			"personal_rank": 1,
			"from_hosting": "lgwan_asp",
			"to_hosting": "lgwan_asp"
		},
		{
			"id": "back",
			"asset": "memo",
			"from": {
				"segment": null,
				"component": "gw"
			},
			"to": {
				"segment": "lgwan",
				"component": null
			},
			"purpose": "要約結果の返却",
			"transport": "lgwan",
			"payload": "data",
			"sanitization": "none",
			"tls_min_version": "1.2",
			"retention_days": null,
			"legal_relation": "entrustment",
			"_at": {
				"file": "dataflows.yaml",
				"path": "flows[3]"
			},
			"conf_rank": 2,
			"personal": "personal",
			"personal_rank": 1,
			"from_hosting": "lgwan_asp",
			"to_hosting": "lgwan"
		}
	],
	"iac": {
		"present": false,
		"resources": []
	},
	"_files": {
		"declaration": "lgai.yaml"
	}
}

# --- endpoints -------------------------------------------------------------------------

seg(s) := {"segment": s, "component": null}

comp(id) := {"segment": null, "component": id}

# --- generic ---------------------------------------------------------------------------

# Replace one key of an object (object.union alone would merge an object value into the old one).
put(obj, key, value) := object.union(object.remove(obj, [key]), {key: value})

# Deep-merge a patch into the whole document (service, operations, contract, profile, lgai ...).
patch(doc, p) := object.union(doc, p)

with_patch(p) := patch(base, p)

# --- derived fields, as checker/normalise.py computes them ----------------------------

personal_ranks := {"none": 0, "personal": 1, "sensitive": 2, "specific": 3}

conf_ranks := {
	"legacy_three_level": {"1": 1, "2": 2, "3": 3},
	"r6_five_level": {"1": 1, "2": 2, "3C": 3, "3B": 4, "3A": 5},
}

ranked(a) := object.union(a, {
	"conf_rank": conf_ranks[data.lgai.params.confidentiality_scheme][a.confidentiality],
	"personal_rank": personal_ranks[a.personal],
})

endpoint_hosting(_, ep) := ep.segment if ep.segment != null

endpoint_hosting(doc, ep) := doc.components[ep.component].hosting if ep.component != null

derive_flow(doc, f) := object.union(f, {
	"conf_rank": a.conf_rank,
	"personal": a.personal,
	"personal_rank": a.personal_rank,
	"from_hosting": endpoint_hosting(doc, f.from),
	"to_hosting": endpoint_hosting(doc, f.to),
}) if {
	a := doc.assets[f.asset]
}

received(flows, id) := {
	"conf_rank_max": max({0} | {f.conf_rank | some f in flows; f.to.component == id}),
	"personal_rank_max": max({0} | {f.personal_rank | some f in flows; f.to.component == id}),
	"assets": sort({f.asset | some f in flows; f.to.component == id}),
}

# Recompute flows[].conf_rank/personal/personal_rank/from_hosting/to_hosting and
# components[].received. (A flow whose asset or component no longer exists is dropped.)
derive(doc) := put(put(doc, "flows", flows), "components", components) if {
	flows := [derive_flow(doc, f) | some f in doc.flows]
	components := {id: put(c, "received", received(flows, id)) | some id, c in doc.components}
}

# Patch the list item whose id is `id`; keep the others.
patch_item(x, id, p) := object.union(x, p) if {
	x.id == id
} else := x

# --- components ------------------------------------------------------------------------

new_component(doc, id) := {
	"id": id, "name": null, "kind": "compute", "provider": null, "hosting": "lgwan_asp",
	"region": null, "country": null,
	"encryption": {"at_rest": null, "key_management": null, "tls_min_version": null},
	"public_endpoint": false, "authentication": null, "logging": null, "backup": null,
	"_at": {"file": "lgai.yaml", "path": sprintf("components[%d]", [count(doc.components)])},
	"received": {"conf_rank_max": 0, "personal_rank_max": 0, "assets": []},
}

# Patch component `id` (or add it, starting from new_component's schema defaults).
set_component(doc, id, p) := derive(put(doc, "components", put(doc.components, id, c))) if {
	c := object.union(object.get(doc.components, id, new_component(doc, id)), p)
}

without_component(doc, id) := derive(put(doc, "components", object.remove(doc.components, [id])))

with_component(id, p) := set_component(base, id, p)

# --- providers -------------------------------------------------------------------------

new_provider(doc, id) := {
	"id": id, "name": id, "country": "JP", "roles": ["saas"], "sub_processor": false,
	"approved_by_municipality": null, "ismap": null,
	"_at": {"file": "lgai.yaml", "path": sprintf("providers[%d]", [count(doc.providers)])},
}

set_provider(doc, id, p) := put(doc, "providers", put(doc.providers, id, v)) if {
	v := object.union(object.get(doc.providers, id, new_provider(doc, id)), p)
}

with_provider(id, p) := set_provider(base, id, p)

# --- AI models -------------------------------------------------------------------------

new_model(doc, id) := {
	"id": id, "component": "ai", "provider": "aws", "model": "test-model", "version": "2026-01-01",
	"hosting_region": "ap-northeast-1", "deployment_type": "regional", "contract_type": "negotiated",
	"training_use": "prohibited", "training_use_evidence": null, "input_retention_days": null,
	"output_retention_days": null, "prompt_logging_by_provider": null, "provider_human_review": null,
	"change_notice_days": null,
	"_at": {"file": "lgai.yaml", "path": sprintf("ai_models[%d]", [count(doc.ai_models)])},
}

set_model(doc, id, p) := put(doc, "ai_models", put(doc.ai_models, id, m)) if {
	m := object.union(object.get(doc.ai_models, id, new_model(doc, id)), p)
}

without_models(doc) := put(doc, "ai_models", {})

with_model(id, p) := set_model(base, id, p)

# --- assets ----------------------------------------------------------------------------

new_asset(doc, id) := {
	"id": id, "name": id, "confidentiality": "1", "integrity": "1", "availability": "1", "personal": "none",
	"_at": {"file": "dataflows.yaml", "path": sprintf("assets[%d]", [count(doc.assets)])},
}

# Patch asset `id` (or add it); conf_rank/personal_rank and everything derived follow.
set_asset(doc, id, p) := derive(put(doc, "assets", put(doc.assets, id, ranked(a)))) if {
	a := object.union(object.get(doc.assets, id, new_asset(doc, id)), p)
}

with_asset(id, p) := set_asset(base, id, p)

# --- flows -----------------------------------------------------------------------------

new_flow(doc, id) := {
	"id": id, "asset": "memo", "from": seg("lgwan"), "to": comp("gw"), "purpose": "test",
	"transport": "lgwan", "payload": "data", "sanitization": "none", "tls_min_version": null,
	"retention_days": null, "legal_relation": null,
	"_at": {"file": "dataflows.yaml", "path": sprintf("flows[%d]", [count(doc.flows)])},
}

# Append a flow: `p` needs an id; unspecified fields take the schema defaults of new_flow.
add_flow(doc, p) := derive(put(doc, "flows", array.concat(doc.flows, [object.union(new_flow(doc, p.id), p)])))

set_flow(doc, id, p) := derive(put(doc, "flows", [patch_item(f, id, p) | some f in doc.flows]))

without_flow(doc, id) := derive(put(doc, "flows", [f | some f in doc.flows; f.id != id]))

with_flow(id, p) := set_flow(base, id, p)

with_added_flow(p) := add_flow(base, p)

# --- connections -----------------------------------------------------------------------

new_connection(doc, id) := {
	"id": id, "from": seg("lgwan"), "to": comp("gw"), "transport": "lgwan", "sanitization": "none",
	"payload": ["data"], "tls_min_version": null,
	"_at": {"file": "lgai.yaml", "path": sprintf("connections[%d]", [count(doc.connections)])},
}

add_connection(doc, p) := put(doc, "connections", array.concat(doc.connections, [object.union(new_connection(doc, p.id), p)]))

set_connection(doc, id, p) := put(doc, "connections", [patch_item(c, id, p) | some c in doc.connections])

without_connection(doc, id) := put(doc, "connections", [c | some c in doc.connections; c.id != id])

with_connection(id, p) := set_connection(base, id, p)

with_added_connection(p) := add_connection(base, p)

# --- profile ---------------------------------------------------------------------------

# The profile the checker was run with (`--profile`), or null for every declared model.
set_profile(doc, selected, declared) := put(doc, "profile", {
	"selected": selected,
	"models": models_for(selected, declared),
	"declared_models": declared,
})

models_for(selected, _) := [selected] if selected != null

models_for(selected, declared) := declared if selected == null

with_profile(selected, declared) := set_profile(base, selected, declared)

# --- assertions on rule outputs --------------------------------------------------------

fields(findings) := {f.field | some f in findings}

# --- self-checks of the fixture --------------------------------------------------------

test_base_is_derived if derive(base) == base

test_base_assets_are_ranked if {
	every _, a in base.assets {
		ranked(a) == a
	}
}

test_base_received if {
	base.components.gw.received == {"conf_rank_max": 2, "personal_rank_max": 1, "assets": ["memo"]}
	base.components.store.received == {"conf_rank_max": 2, "personal_rank_max": 1, "assets": ["memo"]}
}

test_helpers_keep_derived_fields_in_sync if {
	doc := set_asset(base, "memo", {"confidentiality": "3A", "personal": "specific"})
	doc.assets.memo.conf_rank == 5
	doc.assets.memo.personal_rank == 3
	doc.components.store.received == {"conf_rank_max": 5, "personal_rank_max": 3, "assets": ["memo"]}
	every f in doc.flows {
		f.personal == "specific"
	}
}

test_helpers_add_and_remove if {
	doc := add_flow(set_component(base, "relay", {"hosting": "public_cloud"}), {"id": "x", "to": comp("relay")})
	doc.components.relay.received.assets == ["memo"]
	doc.flows[4].to_hosting == "public_cloud"
	doc.flows[4]._at == {"file": "dataflows.yaml", "path": "flows[4]"}
	doc.components.relay._at.path == "components[3]"
	without_flow(doc, "x") == set_component(base, "relay", {"hosting": "public_cloud"})
}

test_helpers_patch_deep if {
	doc := with_component("store", {"encryption": {"at_rest": false}})
	doc.components.store.encryption == {"at_rest": false, "key_management": "customer_managed", "tls_min_version": "1.2"}
	with_component("store", {"logging": null}).components.store.logging == null
	count(without_models(base).ai_models) == 0
}
