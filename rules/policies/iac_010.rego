# METADATA
# title: IaC threat detection is not turned off
# description: >-
#   Threat detection defined in IaC (Amazon GuardDuty, Microsoft Defender for Cloud, Security Command Center)
#   is not disabled. A cloud account that appears in the IaC (AWS, Azure, GCP) without any threat-detection
#   resource fails under the β and β′ models, where monitoring is a prerequisite of the model; under the other
#   models, or when the network model is not known (an IaC-only check without --profile), it needs an
#   attestation, since detection is often enabled organisation-wide outside the service's repository.
# custom:
#   id: LGAI-IAC-010
#   title_ja: IaC の脅威検知を無効にしない
#   description_ja: >-
#     IaC で定義した脅威検知 (Amazon GuardDuty・Microsoft Defender for Cloud・Security Command Center) を無効に
#     しない。IaC に現れるクラウド (AWS・Azure・GCP) に脅威検知のリソースがない場合、監視が前提となる β・β′
#     モデルでは不適合、それ以外のモデルやモデルが不明な場合 (--profile なしの IaC のみの検査) は、組織全体で
#     有効にしていることが多いため表明が必要。
#   severity: medium
#   family: logging
#   catalog: ["GL:LOG-004"]
#   source: "総務省 ガイドライン 運用 (監視); β・β′ モデルの前提対策"
#   honesty: K
#   input: [iac]
#   reads: ["iac.clouds", "iac.resources[].cloud", "iac.resources[].category", "iac.resources[].logging.enabled", "profile.models", "profile.selected", "profile.declared_models"]
#   params: []
#   remediation_ja: >-
#     脅威検知を有効にする (aws_guardduty_detector.enable = true、azurerm_security_center_subscription_pricing の
#     tier = "Standard"、google_scc_* の通知設定・Security Command Center の有効化)。組織単位で有効にしている場合は表明する。
#   remediation_en: >-
#     Turn threat detection on (aws_guardduty_detector enable = true; azurerm_security_center_subscription_pricing
#     tier = "Standard"; Security Command Center with google_scc_* notification configs). Attest it when it is
#     enabled for the whole organisation.
package lgai.rules.iac_010

import data.lgai.lib

beta_models := {"beta", "beta_prime"}

monitors contains r if {
	some r in input.iac.resources
	r.category == "monitoring"
}

clouds contains c if {
	some c in input.iac.clouds
	c in lib.iac_account_clouds
}

uncovered contains c if {
	some c in clouds
	count({r | some r in monitors; r.cloud == c}) == 0
}

# Network models the service is judged under, when known: the selected profile or the declared models.
# An IaC-only check without --profile judges under every model, which says nothing about the service.
known_models contains m if {
	input.profile.selected != null
	some m in input.profile.models
}

known_models contains m if {
	count(input.profile.declared_models) > 0
	some m in input.profile.models
}

strict_models := {m | some m in known_models; m in beta_models}

deny contains lib.finding(r._at, "logging.enabled", ja, en, {"type": r.type, "enabled": false}) if {
	some r in monitors
	r.logging.enabled == false
	ja := sprintf("脅威検知 %s (%s) が無効", [r.address, r.type])
	en := sprintf("threat detection %s (%s) is turned off", [r.address, r.type])
}

deny contains lib.finding(lib.iac_first_at(rs), "cloud", ja, en, {"cloud": c, "models": sort(strict_models)}) if {
	count(strict_models) > 0
	some c in uncovered
	rs := {r | some r in input.iac.resources; r.cloud == c}
	ja := sprintf("%s: IaC に脅威検知 (GuardDuty・Defender・SCC) がない。β・β′ モデルでは監視が前提", [c])
	en := sprintf("%s: no threat detection (GuardDuty, Defender, SCC) in the IaC; the β/β′ models require monitoring", [c])
}

undetermined contains lib.finding(lib.iac_first_at(rs), "cloud", ja, en, {"cloud": c}) if {
	count(strict_models) == 0
	some c in uncovered
	rs := {r | some r in input.iac.resources; r.cloud == c}
	ja := sprintf("%s: IaC に脅威検知 (GuardDuty・Defender・SCC) の定義がない。組織全体で有効にしているなら表明が必要", [c])
	en := sprintf("%s: no threat detection (GuardDuty, Defender, SCC) is defined in the IaC; attest it if it is enabled organisation-wide", [c])
}

not_applicable contains lib.reason(
	"IaC に AWS・Azure・GCP のリソースがない",
	"the IaC defines no AWS, Azure or GCP resource",
) if {
	count(clouds) == 0
	count(monitors) == 0
}
