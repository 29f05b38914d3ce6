# METADATA
# title: A documented incident response plan with escalation to the municipal CSIRT
# description: >-
#   The vendor has an incident response plan for the AI service that escalates to the municipality's
#   CSIRT, with contacts and roles. Only a document can show this: the requirement is met by an
#   attestation citing the plan, no older than the maximum evidence age.
# custom:
#   id: LGAI-OPS-002
#   title_ja: インシデント対応計画
#   description_ja: >-
#     AIサービスのインシデント対応計画があり、自治体のCSIRTへのエスカレーション、連絡先、役割が定められている。
#     文書でしか示せないため、計画を証跡とする表明(attestations)で充足する。
#   severity: high
#   family: operations
#   catalog: ["GL:OPS-003"]
#   source: "総務省 ガイドライン 運用 (侵害時の対応)"
#   honesty: K
#   kind: attestation
#   input: [attestation]
#   reads: ["attestations[]"]
#   params: [attestation_max_age_days]
#   remediation_ja: "インシデント対応計画を作成し、attestations に requirement: LGAI-OPS-002、文書名、日付を記載する。"
#   remediation_en: Write the incident response plan and add an attestation (requirement LGAI-OPS-002) citing it with a date.
package lgai.rules.ops_002
