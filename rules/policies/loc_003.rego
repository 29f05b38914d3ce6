# METADATA
# title: Contract under Japanese law and a Japanese court
# description: >-
#   The contract for the service is governed by Japanese law, with a Japanese court as the agreed
#   jurisdiction. A service with no declared contract terms is left for a reviewer to confirm, and so
#   is one handling 機密性2+ data without a documented policy on foreign government data requests.
# custom:
#   id: LGAI-LOC-003
#   title_ja: 準拠法・合意管轄の国内指定
#   description_ja: >-
#     契約の準拠法は日本法、合意管轄は日本の裁判所とする。契約条件が宣言されていない場合、および機密性2以上の
#     データを扱うのに外国政府等からの開示要請への対応方針が示されていない場合は確認事項とする。
#   severity: high
#   family: location
#   catalog: ["GL:CLOUD-006", "AIC:LOC-002"]
#   source: "総務省 ガイドライン 業務委託と外部サービスの利用 (解説); 政府情報システムにおけるクラウドサービスの利用に係る基本方針 (2018)"
#   honesty: K/S
#   input: [architecture, attestation]
#   reads: ["contract.governing_law", "contract.court", "contract.court_country", "contract.government_access_policy", "components[].received"]
#   params: []
#   remediation_ja: 契約書の準拠法を日本法、合意管轄を日本の裁判所(例 東京地方裁判所)とし、lgai.yaml の contract に記載する。
#   remediation_en: Make Japanese law govern the contract with a Japanese court as jurisdiction, and declare it under contract.
package lgai.rules.loc_003

import data.lgai.lib

deny contains lib.finding(input.contract._at, "governing_law", ja, en, {"governing_law": law}) if {
	law := input.contract.governing_law
	law != "JP"
	ja := sprintf("準拠法が日本法でない (%s)", [law])
	en := sprintf("the contract is governed by non-Japanese law (%s)", [law])
}

deny contains lib.finding(input.contract._at, "court", ja, en, {"court": input.contract.court, "court_country": country}) if {
	country := input.contract.court_country
	country != "JP"
	ja := sprintf("合意管轄裁判所が国外 (%s, %s)", [input.contract.court, country])
	en := sprintf("the agreed court is outside Japan (%s, %s)", [input.contract.court, country])
}

undetermined contains lib.finding({"file": input._files.declaration, "path": ""}, "contract", ja, en, {}) if {
	input.contract == null
	ja := "契約の準拠法・管轄が宣言されていない"
	en := "governing law and court are not declared"
}

undetermined contains lib.finding(input.contract._at, "government_access_policy", ja, en, {}) if {
	input.contract != null
	input.contract.government_access_policy == null
	some c in input.components
	c.received.conf_rank_max >= 2
	ja := "外国政府等からのデータ開示要請への対応方針(通知・異議申立て)が示されていない"
	en := "no policy on foreign government data requests (notify, contest) is cited"
}
