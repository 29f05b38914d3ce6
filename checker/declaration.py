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


class Encryption(Strict):
    at_rest: bool | None = Field(None, description="保存時暗号化 / encrypted at rest")
    key_management: KeyManagement | None = Field(None, description="鍵の管理者 / who holds the key")
    tls_min_version: TLSVersion | None = Field(None, description="通信の最低TLSバージョン / minimum TLS version")


class Authentication(Strict):
    method: AuthMethod = Field(description="認証方式 / authentication method")
    mfa: bool = Field(False, description="多要素認証 / multi-factor authentication")


class Logging(Strict):
    enabled: bool = Field(description="ログ取得 / logging enabled")
    retention_days: int | None = Field(None, ge=0, description="ログ保存日数 / retention in days")
    region: str | None = Field(None, description="ログの保存リージョン / region of the log store")
    municipality_access: bool | None = Field(None, description="自治体管理者が閲覧できるか / readable by municipality")


class Backup(Strict):
    enabled: bool = Field(description="バックアップ / backup enabled")
    region: str | None = Field(None, description="バックアップ先リージョン / backup region")
    retention_days: int | None = Field(None, ge=0)


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


class Incident(Strict):
    contact: str = Field(description="連絡窓口 / contact")
    report_within_hours: int | None = Field(None, ge=0, description="自治体への第一報までの時間")


class Vulnerability(Strict):
    scanning: bool | None = None
    patch_critical_days: int | None = Field(None, ge=0)
    patch_high_days: int | None = Field(None, ge=0)


class SLA(Strict):
    availability_percent: float | None = Field(None, ge=0, le=100)
    rto_hours: float | None = Field(None, ge=0)
    rpo_hours: float | None = Field(None, ge=0)
    backup_method: str | None = None


class Operations(Strict):
    incident: Incident | None = Field(None, description="インシデント報告 / incident reporting")
    vulnerability: Vulnerability | None = Field(None, description="脆弱性対応 / vulnerability handling")
    sla: SLA | None = Field(None, description="SLA")


class Exit(Strict):
    data_return: bool | None = Field(None, description="契約終了時のデータ返却")
    return_format: str | None = None
    deletion: bool | None = Field(None, description="全複製(バックアップ・ログ・索引を含む)の消去")
    deletion_certificate: bool | None = None
    deadline_days: int | None = Field(None, ge=0)


class Contract(Strict):
    governing_law: str = Field(pattern=r"^[A-Z]{2}$", description="準拠法の国 (JP)")
    court: str = Field(description="合意管轄裁判所 / agreed court")
    court_country: str = Field(pattern=r"^[A-Z]{2}$", description="裁判所の所在国")
    type: ContractType = Field("negotiated")


class Evidence(Strict):
    document: str = Field(description="証跡文書 (ファイル名・文書番号) / evidence document")
    section: str | None = Field(None, description="該当箇所 / section")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")


class Attestation(Strict):
    requirement: str = Field(description="要件ID (lgai のルールID) / requirement id")
    statement: str = Field(description="表明内容 / statement")
    evidence: Evidence = Field(description="証跡 / evidence")
    date: dt.date = Field(description="表明日 / date of the statement")


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
    iac: IacSettings = Field(default_factory=IacSettings, description="IaC の場所")


class LgwanAsp(Strict):
    registration_id: str | None = Field(None, description="LGWAN-ASP 登録番号")
    review_passed: bool | None = Field(None, description="J-LIS 登録・接続資格審査に合格")
    category: Literal["application", "hosting", "communication", "facility"] | None = None


Declaration.model_rebuild()
