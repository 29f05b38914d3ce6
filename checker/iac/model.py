"""Normalised facts about one IaC resource: the shape every IaC rule reads.

Each extractor (terraform.py for HCL and plan JSON, cloudformation.py, kubernetes.py) turns
one parsed resource into an `IacResource`. A fact the template does not settle is `None`
(unknown), never a guess: rules treat unknown as "configuration cannot decide" or as the
provider's documented default, and say which. docs/iac.md lists what each field means per
provider; `lgai schema iac-resource` prints the JSON Schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Source = Literal["terraform", "terraform_plan", "cloudformation", "kubernetes"]
Cloud = Literal["aws", "azure", "gcp", "kubernetes", "other"]
Category = Literal[
    "storage",  # object/file storage (S3, Blob/Storage account, GCS)
    "database",  # managed databases, caches, search
    "volume",  # block volumes, K8s PVC/StorageClass
    "vector_store",  # OpenSearch vector / AI Search / Vertex Vector Search
    "network",  # security groups, firewalls, NSGs, routes, public IPs, subnets
    "load_balancer",  # load balancers, listeners, gateways, API endpoints
    "logging",  # audit trails, log groups, workspaces, sinks, diagnostic settings
    "monitoring",  # threat detection: GuardDuty, Defender, SCC
    "key",  # KMS / Key Vault keys
    "secret",  # secret stores
    "iam",  # policies, roles, bindings
    "ai",  # managed AI: Bedrock, Azure OpenAI / AI services, Vertex AI
    "compute",  # VMs, functions, containers services
    "workload",  # Kubernetes workloads
    "registry",  # container registries
    "other",
]
KeyKind = Literal["provider_managed", "customer_managed", "hsm"]
AiRouting = Literal["in_region", "cross_region", "data_zone", "global"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class At(Strict):
    file: str = Field(description="IaC ファイル (チェック対象ディレクトリからの相対パス)")
    path: str = Field(description="リソースのアドレス (Terraform address / CFN logical id / K8s kind/namespace/name)")
    line: int | None = Field(None, description="リソース定義の開始行")


class Encryption(Strict):
    at_rest: bool | None = Field(None, description="保存時暗号化 (None = テンプレートでは不明)")
    key_kind: KeyKind | None = Field(None, description="鍵の種類: provider_managed / customer_managed / hsm")
    key_ref: str | None = Field(None, description="鍵の参照 (KMS key id / Key Vault key / CMEK name)")


class Ingress(Strict):
    cidr: str = Field(description="送信元 CIDR (0.0.0.0/0, ::/0 はインターネット全体)")
    from_port: int | None = Field(None, description="開始ポート (None = 全ポート)")
    to_port: int | None = Field(None, description="終了ポート (None = 全ポート)")
    protocol: str = Field("tcp", description="プロトコル (all = 全て)")


class Exposure(Strict):
    public: bool | None = Field(None, description="インターネットから到達可能 (None = 不明)")
    reasons: list[str] = Field(default_factory=list, description="公開と判断した設定 (例 acl=public-read, publicly_accessible=true)")
    ingress: list[Ingress] = Field(default_factory=list, description="受信許可ルール (SG / NSG / firewall)")


class Tls(Strict):
    protocol: str | None = Field(None, description="リスナーのプロトコル (HTTP / HTTPS / TLS / TCP)")
    redirects_to_https: bool | None = Field(None, description="HTTP を HTTPS へリダイレクトするか")
    min_version: Literal["1.0", "1.1", "1.2", "1.3"] | None = Field(None, description="最低 TLS バージョン")
    policy: str | None = Field(None, description="TLS ポリシー名 (例 ELBSecurityPolicy-TLS13-1-2-2021-06)")
    weak_ciphers: list[str] = Field(default_factory=list, description="許可されている弱い暗号 (3DES, RC4, SHA-1 署名)")


class Logging(Strict):
    kind: Literal["audit_trail", "log_store", "diagnostic", "access_log", "audit_config"] | None = Field(
        None, description="ログの種類: audit_trail (CloudTrail 等) / log_store / diagnostic / access_log / audit_config"
    )
    enabled: bool | None = Field(None, description="有効か")
    multi_region: bool | None = Field(None, description="全リージョンを対象とするか (CloudTrail)")
    retention_days: int | None = Field(None, description="保存日数 (0 = 無期限)")
    immutable: bool | None = Field(None, description="改ざん防止 (Object Lock / immutability policy / bucket lock)")
    target: str | None = Field(None, description="ログの送り先 (バケット・ワークスペースの参照)")


class Backup(Strict):
    versioning: bool | None = Field(None, description="バージョニング (オブジェクトストレージ)")
    retention_days: int | None = Field(None, description="自動バックアップの保存日数 (0 = 無効)")
    multi_az: bool | None = Field(None, description="複数ゾーン構成")
    replicas: int | None = Field(None, description="レプリカ数 (K8s Deployment など)")


class IamStatement(Strict):
    actions: list[str] = Field(default_factory=list, description="Action")
    resources: list[str] = Field(default_factory=list, description="Resource")
    effect: str = Field("Allow", description="Effect")
    mfa_condition: bool = Field(False, description="MFA を条件とするか (aws:MultiFactorAuthPresent)")


class Iam(Strict):
    statements: list[IamStatement] = Field(default_factory=list, description="ポリシーの許可文")
    role: str | None = Field(None, description="付与するロール (roles/owner, cluster-admin, Owner など)")
    member: str | None = Field(None, description="付与先 (allUsers, ServiceAccount など)")


class Container(Strict):
    name: str
    image: str | None = None
    image_pinned: bool | None = Field(None, description="タグが固定されているか (latest やタグなしは false、digest は true)")
    privileged: bool | None = None
    allow_privilege_escalation: bool | None = None
    run_as_non_root: bool | None = None
    read_only_root_filesystem: bool | None = None


class Workload(Strict):
    host_network: bool | None = None
    host_pid: bool | None = None
    run_as_non_root: bool | None = Field(None, description="Pod の securityContext.runAsNonRoot")
    service_account: str | None = None
    containers: list[Container] = Field(default_factory=list)


class Ai(Strict):
    service: Literal["bedrock", "azure_openai", "azure_ai", "vertex_ai", "sagemaker", "other"] = Field(description="AI サービス")
    model: str | None = Field(None, description="モデル ID / 推論プロファイル ID / デプロイのモデル名")
    model_version: str | None = Field(None, description="固定されたモデルバージョン (None = 固定なし・不明)")
    auto_upgrade: bool | None = Field(None, description="モデルの自動更新 (Azure version_upgrade_option など)")
    routing: AiRouting | None = Field(None, description="推論の経路: in_region / cross_region / data_zone / global")
    location: str | None = Field(None, description="推論の場所 (global, us, apac, jp, リージョン名)")
    public_network_access: bool | None = Field(None, description="パブリックネットワークからのアクセス")
    local_auth: bool | None = Field(None, description="API キー認証 (Azure local_auth_enabled)")


class SecretFinding(Strict):
    field: str = Field(description="ハードコードされた秘密情報がある属性 (値は記録しない)")
    kind: str = Field(description="password / access_key / token / connection_string / private_key")


class Holds(Strict):
    """What declared data this resource holds: filled by the normaliser from the declaration."""

    components: list[str] = Field(default_factory=list, description="対応する構成要素 (components[].iac_resources / lgai-component タグ)")
    assumed: bool = Field(True, description="構成要素に対応付けられていない: 機密性2以上を保持すると仮定する")
    conf_rank_max: int = Field(0, description="受け取るデータの機密性ランクの最大")
    personal_rank_max: int = Field(0, description="個人情報ランクの最大")
    avail_rank_max: int = Field(0, description="可用性ランクの最大")


class IacResource(Strict):
    source: Source = Field(description="terraform / terraform_plan / cloudformation / kubernetes")
    cloud: Cloud = Field(description="aws / azure / gcp / kubernetes / other")
    type: str = Field(description="リソース種別 (aws_s3_bucket, AWS::S3::Bucket, Deployment)")
    address: str = Field(description="アドレス (module.x.aws_s3_bucket.docs / CFN logical id / Kind/namespace/name)")
    name: str | None = Field(None, description="リソース名")
    category: Category = Field(description="分類: storage / database / ai / network / logging / ...")
    at: At = Field(alias="_at", description="ファイルと行")
    region: str | None = Field(None, description="リージョン・ロケーション (None = 不明)")
    extra_regions: list[str] = Field(
        default_factory=list, description="複製・バックアップ先、マルチリージョン設定のリージョン (GCS ASIA などを含む)"
    )
    tags: dict[str, str] = Field(default_factory=dict, description="タグ・ラベル")
    encryption: Encryption = Field(default_factory=Encryption)
    exposure: Exposure = Field(default_factory=Exposure)
    tls: Tls | None = None
    logging: Logging | None = None
    backup: Backup | None = None
    iam: Iam | None = None
    key_rotation: bool | None = Field(None, description="鍵のローテーション (key)")
    workload: Workload | None = None
    ai: Ai | None = None
    image_scanning: bool | None = Field(None, description="コンテナイメージのスキャン (registry)")
    secrets: list[SecretFinding] = Field(default_factory=list, description="ハードコードされた秘密情報 (値は残さない)")
    holds: Holds = Field(default_factory=Holds)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def dump(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)
