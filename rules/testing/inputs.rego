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

import data.lgai.lib

# `base` and `defaults` are generated into base.rego (python -m checker.testgen).

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


ranked(a) := object.union(a, {
	"conf_rank": lib.conf_rank(a.confidentiality),
	"personal_rank": personal_ranks[a.personal],
	"avail_rank": to_number(a.availability),
})

endpoint_hosting(_, ep) := ep.segment if ep.segment != null

endpoint_hosting(doc, ep) := doc.components[ep.component].hosting if ep.component != null

derive_flow(doc, f) := object.union(f, {
	"conf_rank": a.conf_rank,
	"personal": a.personal,
	"personal_rank": a.personal_rank,
	"avail_rank": a.avail_rank,
	"from_hosting": endpoint_hosting(doc, f.from),
	"to_hosting": endpoint_hosting(doc, f.to),
}) if {
	a := doc.assets[f.asset]
}

received(flows, id) := {
	"conf_rank_max": max({0} | {f.conf_rank | some f in flows; f.to.component == id}),
	"personal_rank_max": max({0} | {f.personal_rank | some f in flows; f.to.component == id}),
	"avail_rank_max": max({0} | {f.avail_rank | some f in flows; f.to.component == id}),
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

new_component(doc, id) := object.union(defaults.component, {
	"id": id,
	"_at": {"file": "lgai.yaml", "path": sprintf("components[%d]", [count(doc.components)])},
	"received": {"conf_rank_max": 0, "personal_rank_max": 0, "avail_rank_max": 0, "assets": []},
})

# Patch component `id` (or add it, starting from new_component's schema defaults).
set_component(doc, id, p) := derive(put(doc, "components", put(doc.components, id, c))) if {
	c := object.union(object.get(doc.components, id, new_component(doc, id)), p)
}

without_component(doc, id) := derive(put(doc, "components", object.remove(doc.components, [id])))

with_component(id, p) := set_component(base, id, p)

# --- providers -------------------------------------------------------------------------

new_provider(doc, id) := object.union(defaults.provider, {
	"id": id, "name": id,
	"_at": {"file": "lgai.yaml", "path": sprintf("providers[%d]", [count(doc.providers)])},
})

set_provider(doc, id, p) := put(doc, "providers", put(doc.providers, id, v)) if {
	v := object.union(object.get(doc.providers, id, new_provider(doc, id)), p)
}

with_provider(id, p) := set_provider(base, id, p)

# --- AI models -------------------------------------------------------------------------

new_model(doc, id) := object.union(defaults.model, {
	"id": id,
	"_at": {"file": "lgai.yaml", "path": sprintf("ai_models[%d]", [count(doc.ai_models)])},
})

set_model(doc, id, p) := put(doc, "ai_models", put(doc.ai_models, id, m)) if {
	m := object.union(object.get(doc.ai_models, id, new_model(doc, id)), p)
}

without_models(doc) := put(doc, "ai_models", {})

with_model(id, p) := set_model(base, id, p)

# --- assets ----------------------------------------------------------------------------

new_asset(doc, id) := object.union(defaults.asset, {
	"id": id, "name": id,
	"_at": {"file": "dataflows.yaml", "path": sprintf("assets[%d]", [count(doc.assets)])},
})

# Patch asset `id` (or add it); conf_rank/personal_rank and everything derived follow.
set_asset(doc, id, p) := derive(put(doc, "assets", put(doc.assets, id, ranked(a)))) if {
	a := object.union(object.get(doc.assets, id, new_asset(doc, id)), p)
}

with_asset(id, p) := set_asset(base, id, p)

# --- flows -----------------------------------------------------------------------------

new_flow(doc, id) := object.union(defaults.flow, {
	"id": id,
	"_at": {"file": "dataflows.yaml", "path": sprintf("flows[%d]", [count(doc.flows)])},
})

# Append a flow: `p` needs an id; unspecified fields take the schema defaults of new_flow.
add_flow(doc, p) := derive(put(doc, "flows", array.concat(doc.flows, [object.union(new_flow(doc, p.id), p)])))

set_flow(doc, id, p) := derive(put(doc, "flows", [patch_item(f, id, p) | some f in doc.flows]))

without_flow(doc, id) := derive(put(doc, "flows", [f | some f in doc.flows; f.id != id]))

with_flow(id, p) := set_flow(base, id, p)

with_added_flow(p) := add_flow(base, p)

# --- connections -----------------------------------------------------------------------

new_connection(doc, id) := object.union(defaults.connection, {
	"id": id,
	"_at": {"file": "lgai.yaml", "path": sprintf("connections[%d]", [count(doc.connections)])},
})

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
	base.components.gw.received == {"conf_rank_max": 2, "personal_rank_max": 1, "avail_rank_max": 1, "assets": ["memo"]}
	base.components.store.received == {"conf_rank_max": 2, "personal_rank_max": 1, "avail_rank_max": 1, "assets": ["memo"]}
}

test_helpers_keep_derived_fields_in_sync if {
	doc := set_asset(base, "memo", {"confidentiality": "3A", "personal": "specific"})
	doc.assets.memo.conf_rank == 5
	doc.assets.memo.personal_rank == 3
	doc.components.store.received == {"conf_rank_max": 5, "personal_rank_max": 3, "avail_rank_max": 1, "assets": ["memo"]}
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
