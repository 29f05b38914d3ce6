# METADATA
# title: Flows that rely on an exception cite an approved, time-limited exception with compensating controls
# description: >-
#   A data flow that deviates from a requirement cites an exception (exception_id). The exception is
#   approved (by the CISO or equivalent), has an expiry date that has not passed on the day of the check, and
#   names compensating controls.
# custom:
#   id: LGAI-GOV-006
#   title_ja: 例外措置の承認
#   description_ja: >-
#     要件から外れるデータフローは例外措置(exception_id)を引用する。その例外措置は最高情報セキュリティ責任者等の承認を受け、
#     有効期限が定められて検査日時点で切れておらず、代替措置が示されていること。
#   severity: medium
#   family: governance
#   catalog: ["GL:GOV-003"]
#   source: "総務省 地方公共団体における情報セキュリティポリシーに関するガイドライン 対策基準 運用 (例外措置)"
#   honesty: K
#   input: [dataflows, architecture]
#   reads: ["flows[].exception_id", "exceptions[].approved", "exceptions[].expires", "exceptions[].compensating_controls"]
#   params: []
#   remediation_ja: "例外措置について最高情報セキュリティ責任者等の承認を得て exceptions[].approved: true とし、有効期限(expires)と代替措置(compensating_controls)を記載する。期限が切れた例外は更新の承認を得るか、フローを要件に適合させる。"
#   remediation_en: Have each exception approved (exceptions[].approved true, by the CISO or equivalent), give it an expiry date and compensating controls; renew expired exceptions or bring the flow into line with the requirement.
package lgai.rules.gov_006

import data.lgai.lib

# Exception id -> ids of the flows that cite it. (Iterate it, but do not count it: regorus leaves an
# empty multi-value object undefined where OPA gives {}.)
citing[eid] contains f.id if {
	some f in input.flows
	eid := f.exception_id
	eid != null
}

deny contains lib.finding(f._at, "exception_id", ja, en, {"exception_id": f.exception_id}) if {
	some f in input.flows
	f.exception_id != null
	not input.exceptions[f.exception_id]
	ja := sprintf("フロー %s が引用する例外措置 %s が宣言されていない", [f.id, f.exception_id])
	en := sprintf("flow %s cites exception %s, which is not declared", [f.id, f.exception_id])
}

deny contains lib.finding(e._at, "approved", ja, en, {"approved": e.approved, "flows": sort(flows)}) if {
	some eid, flows in citing
	e := input.exceptions[eid]
	e.approved != true
	ja := sprintf("例外措置 %s が承認されていない (引用するフロー: %s)", [eid, concat(", ", sort(flows))])
	en := sprintf("exception %s is not approved (cited by flows %s)", [eid, concat(", ", sort(flows))])
}

deny contains lib.finding(e._at, "expires", ja, en, {"expires": null, "flows": sort(flows)}) if {
	some eid, flows in citing
	e := input.exceptions[eid]
	e.expires == null
	ja := sprintf("例外措置 %s に有効期限が定められていない(例外は期限付きとする)", [eid])
	en := sprintf("exception %s has no expiry date (an exception is time-limited)", [eid])
}

deny contains lib.finding(e._at, "expires", ja, en, {"expires": e.expires, "as_of": input.lgai.as_of, "flows": sort(flows)}) if {
	some eid, flows in citing
	e := input.exceptions[eid]
	e.expires != null
	e.expires < input.lgai.as_of
	ja := sprintf("例外措置 %s は %s に期限切れ", [eid, e.expires])
	en := sprintf("exception %s expired on %s", [eid, e.expires])
}

deny contains lib.finding(e._at, "compensating_controls", ja, en, {"compensating_controls": [], "flows": sort(flows)}) if {
	some eid, flows in citing
	e := input.exceptions[eid]
	count(e.compensating_controls) == 0
	ja := sprintf("例外措置 %s に代替措置が示されていない", [eid])
	en := sprintf("exception %s names no compensating controls", [eid])
}

cites_exception if {
	some f in input.flows
	f.exception_id != null
}

not_applicable contains lib.reason(
	"例外措置を引用するデータフローがない",
	"no data flow cites an exception",
) if {
	not cites_exception
}
