"""`dataflows.yaml` (or `dataflows/*.yaml`): which data moves where, and how."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .declaration import Endpoint, Strict
from .vocabulary import (
    Avail,
    Conf,
    Integ,
    LegalBasis,
    LegalRelation,
    Minimization,
    Payload,
    PersonalKind,
    Sanitization,
    TLSVersion,
    Transport,
)


class Asset(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    name: str = Field(description="データ名 (例 住民記録) / data asset name")
    confidentiality: Conf = Field(description="機密性: 1 / 2 / 3 (旧) または 1 / 2 / 3C / 3B / 3A (令和6年10月版)")
    integrity: Integ = Field(description="完全性: 1 / 2")
    availability: Avail = Field(description="可用性: 1 / 2")
    personal: PersonalKind = Field(
        description="個人情報の種別: none / personal(個人情報) / sensitive(要配慮個人情報) / specific(特定個人情報)"
    )


class Flow(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    asset: str = Field(description="assets[].id")
    from_: Endpoint = Field(alias="from", description="送信元: 自治体セグメントまたは構成要素")
    to: Endpoint = Field(description="送信先")
    purpose: str = Field(description="利用目的 / purpose")
    transport: Transport = Field(description="経路 / transport")
    payload: Payload = Field("data", description="data / file / mail / ai_output_file / screen")
    sanitization: Sanitization = Field("none", description="無害化 / sanitisation")
    tls_min_version: TLSVersion | None = Field(None, description="通信の最低TLSバージョン (none=平文)")
    retention_days: int | None = Field(None, ge=0, description="送信先での保持日数")
    legal_relation: LegalRelation | None = Field(None, description="no_handling / entrustment(委託) / provision(提供)")
    legal_basis: LegalBasis | None = Field(
        None,
        description="個人情報の利用・提供の根拠: within_purpose(利用目的内) / art69_2_1..4(個人情報保護法69条2項各号) / statute(法令)",
    )
    minimization: Minimization | None = Field(None, description="最小化: mask / pseudonymise / field_filter / aggregate / none")
    minimization_by: Literal["municipality", "vendor"] | None = Field(None, description="最小化を行う者")
    procedure_id: str | None = Field(None, description="マイナンバー系からの持出し: 承認された手続の番号")
    exception_id: str | None = Field(None, description="exceptions[].id (承認された例外措置によるフロー)")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DataflowManifest(Strict):
    schema_version: Literal[1]
    assets: list[Asset] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
