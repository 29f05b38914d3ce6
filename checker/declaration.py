"""`lgai.yaml`: the declared architecture of one cloud AI service (pydantic v2 models).

Field names are English; descriptions are Japanese first so that an editor pointed at
the exported JSON Schema shows them while a vendor writes the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .vocabulary import (
    AIFunction,
    AuditLogField,
    Conf,
    DeletionItem,
    IncidentCategory,
    ReevaluationTrigger,
    Redundancy,
    TaskImpact,
    UserScope,
    AuthMethod,
    ComponentKind,
    ContractType,
    Delivery,
    DeploymentType,
    Hosting,
    HumanReview,
    IsmapKind,
    KeyManagement,
    MunicipalSegment,
    NetworkModel,
    Payload,
    ProviderRole,
    Sanitization,
    TLSVersion,
    TrainingUse,
    Transport,
)


class Strict(BaseModel):
    """Base for every input model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Service(Strict):
    name: str = Field(description="サービス名 / service name")
    vendor: str = Field(description="提供事業者 / vendor")
    version: str = Field(description="サービスのバージョン / service version")
    description: str | None = Field(None, description="概要 / summary")
    ai_functions: list[AIFunction] = Field(
        min_length=1,
        description="AIが行うこと: identification(識別) / prediction(予測) / judgement(判断) / generation(生成)",
    )
    resident_facing: bool = Field(False, description="住民が直接利用するか / used directly by residents")
    decision_automation: Literal["none", "assist", "full"] = Field(
        "assist",
        description="行政判断の自動化の程度: none(判断に使わない) / assist(職員の判断を支援) / full(自動で決定)",
    )
    human_review: HumanReview = Field(
        description="AI出力を職員が確認するか: always / sampled / none",
    )


class IsmapRegistration(Strict):
    kind: IsmapKind = Field(description="ismap / ismap_liu / none")
    registration_id: str | None = Field(None, description="登録番号 / registration number")
    service_name: str | None = Field(None, description="登録されたサービス名 / registered service name")
    scope: list[str] = Field(default_factory=list, description="言明対象範囲(サービス名) / registered scope")
    valid_until: dt.date | None = Field(None, description="登録の有効期限 / registration valid until")
    impact_assessment: Literal["low", "not_low"] | None = Field(
        None, description="ISMAP-LIU: 業務・情報の影響度評価の結果 / impact assessment (LIU)"
    )

    @model_validator(mode="after")
    def _registered_needs_id(self):
        if self.kind != "none" and not self.registration_id:
            raise ValueError("registration_id is required when kind is ismap or ismap_liu")
        return self


class Provider(Strict):
    id: str = Field(description="参照用ID / id used by components")
    name: str = Field(description="事業者名 / legal name")
    country: str = Field(pattern=r"^[A-Z]{2}$", description="所在国 (ISO 3166-1 alpha-2) / country")
    roles: list[ProviderRole] = Field(min_length=1, description="役割 / roles")
    sub_processor: bool = Field(False, description="再委託先か / is a sub-processor")
    approved_by_municipality: bool | None = Field(None, description="再委託の承認 / sub-processing approved")
    ismap: IsmapRegistration | None = Field(None, description="ISMAP / ISMAP-LIU 登録")
    crossborder_assessment: str | None = Field(
        None, description="外国にある事業者の場合: 外的環境の把握(所在国の制度の評価)の文書 / foreign-regime assessment document"
    )


class Encryption(Strict):
    at_rest: bool | None = Field(None, description="保存時暗号化 / encrypted at rest")
    key_management: KeyManagement | None = Field(None, description="鍵の管理者 / who holds the key")
    tls_min_version: TLSVersion | None = Field(None, description="通信の最低TLSバージョン / minimum TLS version")


class Authentication(Strict):
    method: AuthMethod = Field(description="認証方式 / authentication method")
    mfa: bool = Field(False, description="利用者の多要素認証 / multi-factor authentication for users")
    admin_mfa: bool | None = Field(None, description="管理者の多要素認証 / MFA for administrators")
    municipal_idp: bool | None = Field(None, description="自治体のIdPとSSO連携 / SSO with the municipality's IdP")
    provisioning: Literal["municipal_approval", "self_signup", "vendor_managed"] | None = Field(
        None, description="利用者の登録方法: municipal_approval(自治体の承認) / self_signup / vendor_managed"
    )


class Logging(Strict):
    enabled: bool = Field(description="ログ取得 / logging enabled")
    retention_days: int | None = Field(None, ge=0, description="ログ保存日数 / retention in days")
    region: str | None = Field(None, description="ログの保存リージョン / region of the log store")
    municipality_access: bool | None = Field(None, description="自治体管理者が閲覧できるか / readable by municipality")
    immutable: bool | None = Field(None, description="改ざん・削除の防止 (WORM・オブジェクトロック等) / tamper-proof")


class Backup(Strict):
    enabled: bool = Field(description="バックアップ / backup enabled")
    region: str | None = Field(None, description="バックアップ先リージョン / backup region")
    retention_days: int | None = Field(None, ge=0)
    immutable: bool | None = Field(None, description="隔離・変更不可のコピーがあるか (ランサムウェア対策)")
    restore_tested: dt.date | None = Field(None, description="最後に復元を試験した日 / last restore test")


class Component(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", description="構成要素ID / component id")
    name: str | None = Field(None, description="名称 / display name")
    kind: ComponentKind = Field(description="種別 / kind")
    provider: str | None = Field(None, description="providers[].id")
    hosting: Hosting = Field(
        description="設置場所: lgwan_asp / public_cloud / gov_cloud / on_premises / 自治体内のセグメント(mynumber, lgwan, internet)"
    )
    region: str | None = Field(None, description="リージョン (例 ap-northeast-1, japaneast) / cloud region")
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="所在国 / country (derived from region when omitted)")
    encryption: Encryption = Field(default_factory=Encryption, description="暗号化 / encryption")
    public_endpoint: bool = Field(False, description="インターネットに公開されたエンドポイント / public endpoint")
    authentication: Authentication | None = Field(None, description="認証 / authentication")
    logging: Logging | None = Field(None, description="ログ / logging")
    backup: Backup | None = Field(None, description="バックアップ / backup")
    cloud_service: str | None = Field(
        None, description="利用するクラウドサービス名 (ISMAP の言明対象範囲と照合。例 Amazon S3) / cloud service used"
    )
    redundancy: Redundancy | None = Field(None, description="冗長化: single / multi_zone / multi_region")
    document_acl: bool | None = Field(None, description="RAG検索で文書ごとの権限を適用するか (vector_store)")
    iac_resources: list[str] = Field(
        default_factory=list,
        description="この構成要素を実装する IaC リソースのアドレス (glob 可。例 aws_s3_bucket.docs, module.rag.*) / IaC resources implementing it",
    )


class Endpoint(Strict):
    """One end of a connection or flow: a municipal segment or a declared component."""

    segment: MunicipalSegment | None = Field(None, description="自治体側セグメント: mynumber / lgwan / internet")
    component: str | None = Field(None, description="components[].id")

    @model_validator(mode="after")
    def _exactly_one(self):
        if (self.segment is None) == (self.component is None):
            raise ValueError("give exactly one of 'segment' or 'component'")
        return self


class Connection(Strict):
    id: str
    from_: Endpoint = Field(alias="from", description="接続元 / from")
    to: Endpoint = Field(description="接続先 / to")
    transport: Transport = Field(description="経路 / transport")
    sanitization: Sanitization = Field("none", description="無害化の方式 / sanitisation on this path")
    payload: list[Payload] = Field(default_factory=lambda: ["data"], description="運ぶもの / what crosses")
    tls_min_version: TLSVersion | None = Field(None, description="最低TLSバージョン")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AIModel(Strict):
    id: str
    component: str = Field(description="推論を行う components[].id")
    provider: str = Field(description="providers[].id (モデル提供者)")
    model: str = Field(description="モデル名 / model name")
    version: str = Field(description="モデルのバージョン (固定値; 'latest' 等の別名は不可)")
    hosting_region: str = Field(description="推論が行われるリージョン / inference region")
    deployment_type: DeploymentType = Field("regional", description="regional / data_zone / global / cross_region")
    contract_type: ContractType = Field("negotiated", description="negotiated(個別契約) / click_through(約款型)")
    training_use: TrainingUse = Field(description="入力・出力の学習利用: prohibited / opt_out_confirmed / allowed / unknown")
    training_use_evidence: str | None = Field(None, description="学習利用禁止の契約条項等 / contract clause")
    input_retention_days: int | None = Field(None, ge=0, description="入力の保持日数 (0=保持しない)")
    output_retention_days: int | None = Field(None, ge=0, description="出力の保持日数")
    prompt_logging_by_provider: bool | None = Field(None, description="提供者によるプロンプト記録")
    provider_human_review: bool | None = Field(None, description="提供者の従業員による入力の閲覧")
    change_notice_days: int | None = Field(None, ge=0, description="モデル変更の事前通知日数")
    approved_max_confidentiality: Conf | None = Field(
        None, description="このモデルに入力してよい最高の機密性 (自治体の承認) / highest class approved for input"
    )
    audit_log: "AuditLog | None" = Field(None, description="利用ログ (誰が・いつ・何を) / prompt and output audit log")


class AuditLog(Strict):
    prompts: bool = Field(description="入力を記録する / records prompts")
    outputs: bool = Field(description="出力を記録する / records outputs")
    fields: list[AuditLogField] = Field(default_factory=list, description="記録項目 / recorded fields")
    municipality_access: bool = Field(False, description="自治体管理者が閲覧できる / readable by the municipality")
    retention_days: int | None = Field(None, ge=0, description="保存日数")
    region: str | None = Field(None, description="保存リージョン")


class Incident(Strict):
    contact: str = Field(description="連絡窓口 / contact")
    report_within_hours: int | None = Field(None, ge=0, description="自治体への第一報までの時間")
    categories: list[IncidentCategory] = Field(
        default_factory=list, description="報告対象: data_leak / harmful_output / security / outage"
    )


class Vulnerability(Strict):
    scanning: bool | None = None
    patch_critical_days: int | None = Field(None, ge=0)
    patch_high_days: int | None = Field(None, ge=0)


class SLA(Strict):
    availability_percent: float | None = Field(None, ge=0, le=100)
    rto_hours: float | None = Field(None, ge=0)
    rpo_hours: float | None = Field(None, ge=0)
    backup_method: str | None = None


class RemoteMaintenance(Strict):
    used: bool = Field(description="リモート保守を行うか")
    always_on: bool | None = Field(None, description="常時接続か (都度接続でない)")
    mfa: bool | None = None
    logged: bool | None = None
    approval_per_session: bool | None = Field(None, description="接続ごとに自治体が承認する")


class Monitoring(Strict):
    threat_detection: bool | None = Field(None, description="脅威検知・SIEM によるログ分析")
    alerting: bool | None = Field(None, description="アラート通知")


class Operations(Strict):
    incident: Incident | None = Field(None, description="インシデント報告 / incident reporting")
    vulnerability: Vulnerability | None = Field(None, description="脆弱性対応 / vulnerability handling")
    sla: SLA | None = Field(None, description="SLA")
    access_review_interval_days: int | None = Field(None, ge=0, description="アカウント棚卸しの間隔(日)")
    remote_maintenance: RemoteMaintenance | None = Field(None, description="リモート保守 / remote maintenance")
    monitoring: Monitoring | None = Field(None, description="ログ監視 / monitoring")
    secrets_management: Literal["secret_store", "environment", "source_code", "none"] | None = Field(
        None, description="APIキー等の保管場所 / where API keys and credentials are kept"
    )


class Exit(Strict):
    data_return: bool | None = Field(None, description="契約終了時のデータ返却")
    return_format: str | None = None
    deletion: bool | None = Field(None, description="全複製(バックアップ・ログ・索引を含む)の消去")
    deletion_certificate: bool | None = None
    deadline_days: int | None = Field(None, ge=0)
    deletion_scope: list[DeletionItem] = Field(
        default_factory=list,
        description="消去の対象: data / prompts / outputs / logs / backups / rag_indexes / tuned_weights",
    )


class Contract(Strict):
    governing_law: str = Field(pattern=r"^[A-Z]{2}$", description="準拠法の国 (JP)")
    court: str = Field(description="合意管轄裁判所 / agreed court")
    court_country: str = Field(pattern=r"^[A-Z]{2}$", description="裁判所の所在国")
    type: ContractType = Field("negotiated")
    government_access_policy: str | None = Field(
        None, description="外国政府等からの開示要請への対応方針の文書 / policy on government data requests"
    )


class Evidence(Strict):
    document: str = Field(description="証跡文書 (ファイル名・文書番号) / evidence document")
    section: str | None = Field(None, description="該当箇所 / section")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")


class Attestation(Strict):
    requirement: str = Field(description="要件ID (lgai のルールID) / requirement id")
    statement: str = Field(description="表明内容 / statement")
    evidence: Evidence = Field(description="証跡 / evidence")
    date: dt.date = Field(description="表明日 / date of the statement")


class UseCase(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    description: str = Field(description="用途 / what the AI is used for")
    user_scope: UserScope = Field(description="利用者: staff_only / residents / public")
    task_impact: TaskImpact = Field(
        description="業務への影響: drafting / information / admin_decision_support / admin_decision"
    )
    trains_on_confidential: bool = Field(description="機密情報を学習(追加学習等)させるか")
    human_review: HumanReview = Field(description="職員が出力を確認するか: always / sampled / none")
    excluded_uses: list[str] = Field(default_factory=list, description="利用してはならない業務 / excluded uses")


class ExceptionRecord(Strict):
    id: str
    requirement: str = Field(description="例外とする要件ID / requirement the exception is for")
    description: str
    approved: bool = Field(description="最高情報セキュリティ責任者等の承認")
    approved_by: str | None = None
    expires: dt.date | None = Field(None, description="有効期限")
    compensating_controls: list[str] = Field(default_factory=list, description="代替措置")


class Breakout(Strict):
    """α′: direct use of cloud services from LGWAN terminals (local breakout)."""

    destination_fqdns: list[str] = Field(default_factory=list, description="接続先FQDNの許可リスト")
    tenant_restriction: bool | None = Field(None, description="自治体テナント以外への接続を制限する")


class MunicipalClient(Strict):
    agent_required: bool = Field(False, description="自治体端末に専用エージェントが必要か")
    split_tunnel: bool | None = Field(None, description="自治体情報セキュリティクラウドを経由しない通信(スプリットトンネル)")


class Customization(Strict):
    rag: bool = Field(False, description="RAG (検索拡張生成) を使う")
    fine_tuning: bool = Field(False, description="自治体データで追加学習する")
    fine_tuning_assets: list[str] = Field(default_factory=list, description="追加学習に使う assets[].id")
    purpose_checked: bool | None = Field(None, description="追加学習が利用目的の範囲内と確認済み")
    tuned_model_exclusive: bool | None = Field(None, description="追加学習したモデルは当該自治体専用")
    tuned_model_rights: str | None = Field(None, description="追加学習モデルの権利帰属を定めた契約条項")


class Transparency(Strict):
    ai_label_supported: bool | None = Field(None, description="AI生成物であることを表示できる")
    ai_label_default: bool | None = Field(None, description="表示が既定で有効")
    ai_disclosure_text: str | None = Field(None, description="住民向け: AIであることの告知文")
    limitations_notice: bool | None = Field(None, description="住民向け: 回答の限界の告知")
    human_contact: str | None = Field(None, description="住民向け: 職員への問い合わせ経路")
    terms_of_use: str | None = Field(None, description="住民向け: 利用規約")


class Guardrails(Strict):
    input_filter: bool | None = Field(None, description="入力のフィルタ(有害・個人情報)")
    output_filter: bool | None = Field(None, description="出力のフィルタ(有害・差別的表現)")


class Grounding(Strict):
    citations: bool | None = Field(None, description="回答に根拠(出典)を示す")
    accuracy_measured: bool | None = Field(None, description="自治体の評価データで正確性を測定済み")


class QualityMonitoring(Strict):
    metrics: list[str] = Field(default_factory=list, description="運用中に監視する品質指標")
    reevaluation_triggers: list[ReevaluationTrigger] = Field(
        default_factory=list, description="再評価の契機: model_change / system_prompt_change / rag_source_change / periodic"
    )


class AgentTool(Strict):
    name: str
    effect: Literal["internal", "external"] = Field(description="internal(参照のみ) / external(外部に作用)")
    permission_scope: str = Field(description="権限の範囲")
    requires_human_approval: bool = Field(description="実行前に職員の承認が必要")


class Agent(Strict):
    enabled: bool = Field(description="AIが操作(ツール呼出し・送信・更新)を行う")
    tools: list[AgentTool] = Field(default_factory=list)
    action_logging: bool | None = Field(None, description="すべての操作を記録する")


class Controls(Strict):
    kill_switch: bool | None = Field(None, description="AI機能を用途ごとに停止できる")
    input_warning: bool | None = Field(None, description="入力時の注意表示(機密情報を入れない等)")
    pii_detection: bool | None = Field(None, description="個人情報の自動検出")


class Reporting(Strict):
    usage_stats: bool | None = Field(None, description="利用状況の統計を自治体に提供")
    granularity: Literal["service", "department", "user"] | None = None


class IacSettings(Strict):
    """Where the IaC for this service lives (used by the IaC checks)."""

    paths: list[str] = Field(default_factory=list, description="IaC のディレクトリ・ファイル (サービスディレクトリからの相対パス)")


class Declaration(Strict):
    schema_version: Literal[1] = Field(description="このファイル形式のバージョン (1)")
    service: Service = Field(description="サービスの概要とAIの役割 / the service and what its AI does")
    delivery: Delivery = Field(description="提供形態: lgwan_asp / public_cloud / gov_cloud / on_premises / hybrid")
    network_models: list[NetworkModel | Literal["all"]] = Field(
        min_length=1, description="対象とする自治体のネットワークモデル: alpha / alpha_prime / beta / beta_prime / all"
    )
    lgwan_asp: "LgwanAsp | None" = Field(None, description="LGWAN-ASP としての登録 (delivery: lgwan_asp の場合)")
    providers: list[Provider] = Field(min_length=1, description="事業者・再委託先・クラウド事業者 / providers and sub-processors")
    components: list[Component] = Field(min_length=1, description="構成要素 / components")
    connections: list[Connection] = Field(default_factory=list, description="ネットワーク接続 / network connections")
    ai_models: list[AIModel] = Field(default_factory=list, description="AIモデル / AI models")
    operations: Operations = Field(default_factory=Operations, description="運用 (インシデント・脆弱性・SLA)")
    exit: Exit = Field(default_factory=Exit, description="契約終了時のデータ返却・消去")
    contract: Contract | None = Field(None, description="契約 (準拠法・管轄)")
    attestations: list[Attestation] = Field(default_factory=list, description="文書による表明 (要件ID・証跡・日付)")
    use_cases: list[UseCase] = Field(default_factory=list, description="用途ごとの高リスク判定の観点 (DS-920)")
    exceptions: list[ExceptionRecord] = Field(default_factory=list, description="承認された例外措置")
    breakout: Breakout | None = Field(None, description="α′: ローカルブレイクアウトの条件")
    municipal_client: MunicipalClient = Field(default_factory=MunicipalClient, description="自治体端末側の要件")
    subprocessor_change_notice_days: int | None = Field(None, ge=0, description="再委託先変更の事前通知日数")
    customization: Customization = Field(default_factory=Customization, description="RAG・追加学習")
    transparency: Transparency = Field(default_factory=Transparency, description="AI利用の表示・告知")
    guardrails: Guardrails = Field(default_factory=Guardrails, description="入出力のフィルタ")
    grounding: Grounding = Field(default_factory=Grounding, description="根拠の提示・正確性")
    quality_monitoring: QualityMonitoring = Field(default_factory=QualityMonitoring, description="運用中の品質監視・再評価")
    agent: Agent = Field(default_factory=lambda: Agent(enabled=False), description="AIエージェント機能")
    controls: Controls = Field(default_factory=Controls, description="停止手段・入力時の注意")
    reporting: Reporting = Field(default_factory=Reporting, description="利用状況の報告")
    iac: IacSettings = Field(default_factory=IacSettings, description="IaC の場所")


class LgwanAsp(Strict):
    registration_id: str | None = Field(None, description="LGWAN-ASP 登録番号")
    review_passed: bool | None = Field(None, description="J-LIS 登録・接続資格審査に合格")
    category: Literal["application", "hosting", "communication", "facility"] | None = None


AIModel.model_rebuild()
Declaration.model_rebuild()
