"""Signed, verifiable reports: Ed25519 over the canonical JSON of the report.

    lgai keygen -o NAME                      NAME (private, mode 0600) and NAME.pub
    lgai check SVC --format json -o r.json --sign NAME
    lgai verify r.json --pubkey NAME.pub [--inputs SVC]

The signature covers the report as a JSON value, not its bytes: the report without its
`signature` field, serialised with keys sorted, separators (",", ":"), non-ASCII kept
as is and encoded in UTF-8 (`canonical_bytes`). Re-indenting the file does not break the
signature; changing any value does. The format and the verify procedure are documented
in docs/signing.md.

Verification with `--inputs` also hashes the input files again, runs discovery again
(a new data-flow or IaC file lgai would read now is a difference) and re-evaluates the
service with the report's profile and as-of date, comparing every requirement's result.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import ValidationError

from .atomic import write_atomic
from .errors import InputError
from .report import REPORT_FORMAT_VERSION, STATUS_TEXT, VERDICT_TEXT, Finding, Report, Signature, Text

ALGORITHM = "ed25519"
SIGNED_DESCRIPTION = (
    "canonical JSON of the report without the signature field: keys sorted, separators (',', ':'), ensure_ascii=False, UTF-8"
)
PASSPHRASE_ENV = "LGAI_KEY_PASSPHRASE"
PUBLIC_SUFFIX = ".pub"
MAX_DETAILS = 40  # per check; the rest is counted


# --- canonical form and keys -------------------------------------------------------------


def canonical_bytes(report: dict) -> bytes:
    """What is signed: the report without `signature`, keys sorted, compact, UTF-8."""
    body = {k: v for k, v in report.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def public_key_fingerprint(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """SHA-256 (hex) of the raw 32-byte public key."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def _passphrase() -> bytes | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


def generate_keypair(path: Path, overwrite: bool = False) -> tuple[Path, Path]:
    """Write a new Ed25519 private key to `path` (PKCS8 PEM, mode 0600 from the start) and its
    public key to `path.pub` (SubjectPublicKeyInfo PEM). The private key is encrypted with
    $LGAI_KEY_PASSPHRASE when that is set and not empty."""
    private_path = Path(path)
    public_path = private_path.with_name(private_path.name + PUBLIC_SUFFIX)
    if private_path.name.endswith(PUBLIC_SUFFIX):
        raise InputError.single(
            str(private_path), "the private key's name ends in .pub", hint=f"give the name without .pub; the public key is written to NAME{PUBLIC_SUFFIX}"
        )
    directory = private_path.parent if str(private_path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError.single(str(directory), "no such directory for the key")
    existing = [p for p in (private_path, public_path) if p.exists() or p.is_symlink()]
    if existing and not overwrite:
        raise InputError.single(
            str(existing[0]),
            "a key file already exists; lgai does not overwrite keys",
            hint="choose another name, or pass --force to replace the pair; reports signed with the old key verify only with the old public key",
        )
    key = Ed25519PrivateKey.generate()
    passphrase = _passphrase()
    encryption = serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    write_atomic(private_path, private_pem, mode=0o600)
    write_atomic(public_path, public_pem)
    return private_path, public_path


def _check_private_mode(path: Path) -> None:
    """Refuse a private key that others can read or write, as ssh does."""
    if os.name != "posix":
        return
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise InputError.single(
            str(path),
            f"private key permissions {mode:04o} are too open: others can read it, so lgai refuses to sign with it",
            hint=f"chmod 600 {path}",
        )


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 private key in `path` (PKCS8 PEM as `lgai keygen` writes it).

    Input errors: a public key given instead, a file that is no PEM private key, an
    encrypted key without (or with a wrong) $LGAI_KEY_PASSPHRASE, another key type, or a
    key file that group or others may access (mode must be 0600 or stricter)."""
    path = Path(path)
    raw = path.read_bytes()
    if b"-----BEGIN PUBLIC KEY-----" in raw or raw.lstrip().startswith(b"ssh-"):
        raise InputError.single(str(path), "this is a public key; signing needs the private key", hint="give NAME, not NAME.pub")
    if b"-----BEGIN OPENSSH PRIVATE KEY-----" in raw:
        raise InputError.single(str(path), "OpenSSH private keys are not read", hint="create a signing key with `lgai keygen -o NAME`")
    if b"PRIVATE KEY-----" not in raw:
        raise InputError.single(str(path), "not a PEM private key", hint="create one with `lgai keygen -o NAME`")
    _check_private_mode(path)
    passphrase = _passphrase()
    try:
        try:
            key = serialization.load_pem_private_key(raw, password=passphrase)
        except TypeError as exc:
            if passphrase is not None and "not encrypted" in str(exc):
                key = serialization.load_pem_private_key(raw, password=None)
            else:
                raise InputError.single(
                    str(path), "the private key is encrypted", hint=f"set {PASSPHRASE_ENV} to its passphrase"
                ) from None
    except ValueError:
        if passphrase is not None and b"ENCRYPTED" in raw:
            raise InputError.single(str(path), f"cannot decrypt the private key: wrong passphrase in {PASSPHRASE_ENV}") from None
        raise InputError.single(str(path), "not a readable PEM private key") from None
    except UnsupportedAlgorithm:
        raise InputError.single(str(path), "a private key of a type lgai does not sign with", hint="lgai signs with Ed25519: `lgai keygen -o NAME`") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError.single(
            str(path), f"not an Ed25519 key ({type(key).__name__.lstrip('_')})", hint="lgai signs with Ed25519: `lgai keygen -o NAME`"
        )
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """The Ed25519 public key in `path` (SubjectPublicKeyInfo PEM, NAME.pub)."""
    path = Path(path)
    raw = path.read_bytes()
    if b"PRIVATE KEY-----" in raw:
        raise InputError.single(
            str(path), "this is a private key; verification takes the public key", hint="give NAME.pub; a private key never leaves its owner"
        )
    try:
        key = serialization.load_pem_public_key(raw)
    except (ValueError, UnsupportedAlgorithm):
        raise InputError.single(str(path), "not a PEM public key", hint="give the NAME.pub written by `lgai keygen -o NAME`") from None
    if not isinstance(key, Ed25519PublicKey):
        raise InputError.single(str(path), "not an Ed25519 public key", hint="lgai reports are signed with Ed25519")
    return key


# --- signing -----------------------------------------------------------------------------


class DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for k, v in pairs:
        if k in seen:
            raise DuplicateKeyError(k)
        seen[k] = v
    return seen


def _parse_json(text: str):
    return json.loads(text, object_pairs_hook=_no_duplicates)


def sign_report_json(text: str, key: Ed25519PrivateKey) -> str:
    """The JSON report `text` with a `signature` object added (any old one replaced)."""
    data = _parse_json(text)
    if not isinstance(data, dict):
        raise ValueError("sign_report_json signs one JSON report (an object)")
    data.pop("signature", None)
    value = key.sign(canonical_bytes(data))
    data["signature"] = Signature(
        algorithm=ALGORITHM,
        public_key_sha256=public_key_fingerprint(key),
        signed=SIGNED_DESCRIPTION,
        value=base64.b64encode(value).decode("ascii"),
    ).model_dump()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- verification ------------------------------------------------------------------------

OK, FAIL, SKIPPED = "ok", "fail", "skipped"


def _t(ja: str, en: str) -> Text:
    return Text(ja=ja, en=en)


@dataclass
class CheckOutcome:
    """One step of verification, its outcome and what was found."""

    key: str
    title: Text
    outcome: str = OK  # ok / fail / skipped
    details: list[Text] = field(default_factory=list)

    def fail(self, detail: Text) -> None:
        self.outcome = FAIL
        self.details.append(detail)

    def skip(self, detail: Text) -> None:
        self.outcome = SKIPPED
        self.details = [detail]


TITLES = {
    "report": _t("lgai の JSON 報告書である", "the file is an lgai JSON report"),
    "signed": _t("署名が付いている", "the report carries a signature"),
    "key": _t("署名した鍵が指定の公開鍵と一致する", "it was signed by the given public key"),
    "signature": _t("署名が報告書の内容と一致する (署名後の改変なし)", "the signature holds over the report (not changed after signing)"),
    "input_hashes": _t("入力ファイルが検査時と同じ (SHA-256)", "the input files hash as recorded (SHA-256)"),
    "input_set": _t("lgai が読む入力ファイルの一覧が検査時と同じ", "lgai reads the same set of input files now"),
    "rule_pack": _t("ルールパックが検査時と同じ", "the rule pack is the one used at signing"),
    "params": _t("パラメータ (--policy-data) が検査時と同じ", "the parameters (--policy-data) are the ones used at signing"),
    "reevaluation": _t("再評価の結果が報告書と一致する", "re-evaluation gives the report's results"),
}
INPUT_CHECKS = ("input_hashes", "input_set", "rule_pack", "params", "reevaluation")

OUTCOME_MARK = {
    OK: _t("[OK]", "[ok]"),
    FAIL: _t("[NG]", "[FAIL]"),
    SKIPPED: _t("[--]", "[skipped]"),
}


@dataclass
class VerifyResult:
    report: Path
    checks: list[CheckOutcome]
    inputs: Path | None = None

    def check(self, key: str) -> CheckOutcome:
        return next(c for c in self.checks if c.key == key)

    @property
    def ok(self) -> bool:
        """The signature holds with the given key and no check failed."""
        return self.check("signature").outcome == OK and all(c.outcome != FAIL for c in self.checks)

    @property
    def failures(self) -> list[CheckOutcome]:
        return [c for c in self.checks if c.outcome == FAIL]

    def render(self, lang: str = "ja") -> str:
        lines = [("lgai 署名検証: " if lang == "ja" else "lgai verify: ") + str(self.report)]
        if self.inputs is not None:
            lines.append(("入力: " if lang == "ja" else "inputs: ") + str(self.inputs))
        for i, c in enumerate(self.checks, 1):
            lines.append(f"  {OUTCOME_MARK[c.outcome].get(lang)} {i}. {c.title.get(lang)}")
            shown = c.details[:MAX_DETAILS]
            for d in shown:
                lines.append("       " + d.get(lang))
            if len(c.details) > len(shown):
                more = len(c.details) - len(shown)
                lines.append("       " + (f"… ほか {more} 件" if lang == "ja" else f"… and {more} more"))
        if self.ok:
            if self.inputs is not None:
                verdict = _t(
                    "検証成功: 署名は有効で署名後の改変はなく、入力ファイルと再評価の結果も報告書と一致します。",
                    "VERIFIED: the signature holds, the report was not changed after signing, and the inputs and a re-evaluation match it.",
                )
            else:
                verdict = _t(
                    "検証成功: 署名は有効で、署名後に報告書は変更されていません (入力との照合は --inputs で行います)。",
                    "VERIFIED: the signature holds and the report was not changed after signing (check it against its inputs with --inputs).",
                )
        else:
            n = len(self.failures)
            verdict = _t(f"検証失敗 ({n} 項目): この報告書をそのまま信頼しないでください。", f"NOT VERIFIED ({n} failed): do not rely on this report as it is.")
        lines.append(verdict.get(lang))
        return "\n".join(lines) + "\n"


def _short(digest: str) -> str:
    return digest[:16] + "…" if len(digest) > 16 else digest


def _read_report(path: Path, check: CheckOutcome) -> tuple[dict | None, Report | None]:
    """(the JSON object, the Report) as far as they could be read; `check` says why not."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        check.fail(_t("UTF-8 のテキストではありません (JSON 報告書ではない)", "not UTF-8 text, so not a JSON report"))
        return None, None
    try:
        data = _parse_json(text)
    except DuplicateKeyError as exc:
        check.fail(
            _t(
                f"同じオブジェクトにキー '{exc}' が2回あります。lgai の報告書には重複キーはなく、改変されています",
                f"the key '{exc}' appears twice in one object: lgai never writes duplicate keys, the file was edited",
            )
        )
        return None, None
    except json.JSONDecodeError as exc:
        check.fail(
            _t(
                f"JSON として読めません ({exc.lineno} 行 {exc.colno} 桁: {exc.msg})。手で編集して壊れた可能性があります",
                f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); it may have been broken by an edit",
            )
        )
        return None, None
    except ValueError as exc:  # e.g. a number too large to read
        check.fail(_t(f"JSON として読めません ({exc})", f"not valid JSON ({exc})"))
        return None, None
    if isinstance(data, list):
        check.fail(
            _t(
                f"{len(data)} 件の報告書の配列です。1ファイル1報告書で検証します (lgai check --output-dir で報告書ごとに書き出せます)",
                f"a JSON array of {len(data)} reports; verify one report per file (lgai check --output-dir writes one per service)",
            )
        )
        return None, None
    if not isinstance(data, dict):
        check.fail(_t("JSON オブジェクトではありません (lgai の報告書ではない)", "not a JSON object, so not an lgai report"))
        return None, None
    tool = data.get("tool")
    if not (isinstance(tool, dict) and tool.get("name") == "lgai"):
        check.fail(_t("lgai の報告書ではありません (tool.name が lgai でない)", "not an lgai report (tool.name is not lgai)"))
        return data, None
    if data.get("report_format") != REPORT_FORMAT_VERSION:
        check.fail(
            _t(
                f"報告書の形式 {data.get('report_format')!r} はこの lgai が読む形式 {REPORT_FORMAT_VERSION} ではありません",
                f"report format {data.get('report_format')!r}; this lgai reads format {REPORT_FORMAT_VERSION}",
            )
        )
        return data, None
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        check.fail(
            _t(
                f"lgai の報告書スキーマ (docs/schema/report.schema.json) に合いません ({len(errors)} 箇所)",
                f"does not match the lgai report schema (docs/schema/report.schema.json) in {len(errors)} place(s)",
            )
        )
        for err in errors[:5]:
            loc = ".".join(str(p) for p in err["loc"])
            check.details.append(_t(f"{loc}: {err['msg']}", f"{loc}: {err['msg']}"))
        return data, None
    check.details.append(
        _t(
            f"サービス: {report.service.get('name')} / 総合判定: {VERDICT_TEXT[report.verdict].ja} / 判定基準日: {report.as_of}",
            f"service: {report.service.get('name')} / verdict: {VERDICT_TEXT[report.verdict].en} / as of: {report.as_of}",
        )
    )
    return data, report


def _verify_signature(data: dict, public_key: Ed25519PublicKey, checks: dict[str, CheckOutcome]) -> None:
    signed, key_check, sig_check = checks["signed"], checks["key"], checks["signature"]
    raw_sig = data.get("signature")
    if raw_sig is None:
        signed.fail(
            _t(
                "署名がありません (signature がない)。lgai check --format json --sign KEY で署名した報告書を求めてください",
                "the report is not signed (no signature field); ask for a report written with lgai check --format json --sign KEY",
            )
        )
    else:
        try:
            sig = Signature.model_validate(raw_sig)
        except ValidationError as exc:
            sig = None
            signed.fail(_t("signature の形式が不正です", "the signature field is malformed"))
            for err in exc.errors()[:5]:
                loc = ".".join(str(p) for p in ("signature", *err["loc"]))
                signed.details.append(_t(f"{loc}: {err['msg']}", f"{loc}: {err['msg']}"))
        if sig is not None and sig.signed != SIGNED_DESCRIPTION:
            signed.fail(
                _t(f"未知の署名方式です (signed: {sig.signed!r})", f"an unknown signing scheme (signed: {sig.signed!r})")
            )
        value = b""
        if signed.outcome == OK:
            try:
                value = base64.b64decode(sig.value, validate=True)
            except (binascii.Error, ValueError):
                signed.fail(_t("signature.value が base64 ではありません", "signature.value is not base64"))
            if signed.outcome == OK and len(value) != 64:
                signed.fail(_t(f"Ed25519 の署名は64バイトですが {len(value)} バイトです", f"an Ed25519 signature has 64 bytes, this one {len(value)}"))
        if signed.outcome == OK:
            signed.details.append(_t(f"Ed25519、鍵の指紋 {sig.public_key_sha256}", f"Ed25519, key fingerprint {sig.public_key_sha256}"))
    if signed.outcome != OK:
        why = _t("署名がないため省略", "skipped: no usable signature")
        key_check.skip(why)
        sig_check.skip(why)
        return
    given = public_key_fingerprint(public_key)
    if sig.public_key_sha256 != given:
        key_check.fail(
            _t(
                f"別の鍵で署名されています (報告書の鍵の指紋 {sig.public_key_sha256}、指定の公開鍵 {given})",
                f"signed by another key (fingerprint in the report {sig.public_key_sha256}, given public key {given})",
            )
        )
        sig_check.skip(_t("別の鍵の署名のため省略", "skipped: signed by another key"))
        return
    key_check.details.append(_t(f"指紋 {given}", f"fingerprint {given}"))
    try:
        public_key.verify(value, canonical_bytes(data))
    except InvalidSignature:
        sig_check.fail(
            _t(
                "署名が内容と一致しません: 報告書は署名後に変更されています (判定・指摘・総合判定などの書き換え)",
                "the signature does not hold: the report was changed after signing (a status, a finding, the verdict or another value was edited)",
            )
        )
        return
    except ValueError as exc:  # allow_nan and the like: not a report lgai wrote
        sig_check.fail(_t(f"正規化できない値があります ({exc})", f"a value that has no canonical form ({exc})"))
        return
    sig_check.details.append(_t("正規化した JSON に対する Ed25519 署名を確認しました", "the Ed25519 signature over the canonical JSON holds"))


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _check_hashes(report: Report, root: Path, check: CheckOutcome) -> None:
    same = 0
    for ref in report.inputs:
        now = _sha256(root / ref.path)
        if now is None:
            check.fail(_t(f"ありません: {ref.path} (検査時にはあった入力ファイル)", f"missing: {ref.path} (an input file at the time of the check)"))
        elif now != ref.sha256:
            check.fail(
                _t(
                    f"検査後に変更されています: {ref.path} (記録 {_short(ref.sha256)}、現在 {_short(now)})",
                    f"changed after the check: {ref.path} (recorded {_short(ref.sha256)}, now {_short(now)})",
                )
            )
        else:
            same += 1
    if check.outcome == OK:
        check.details.append(_t(f"{same} ファイルすべて一致", f"all {same} files match"))


def _compare_input_set(report: Report, fresh_files: list, root: Path, check: CheckOutcome) -> None:
    recorded = {ref.path for ref in report.inputs}
    now = {f.path: f for f in fresh_files}
    for path in sorted(set(now) - recorded):
        check.fail(
            _t(
                f"新しい入力ファイルがあります: {path} ({now[path].kind})。lgai は今これを読むため、報告書はこれを含みません",
                f"a new input file lgai reads now: {path} ({now[path].kind}); the report does not cover it",
            )
        )
    for path in sorted(recorded - set(now)):
        if (root / path).exists():  # missing files are named by the hash check
            check.fail(
                _t(f"検査時に読んだ {path} を lgai は今は読みません", f"lgai no longer reads {path}, which the check read")
            )
    if check.outcome == OK:
        check.details.append(_t(f"{len(now)} ファイル (新規・除外なし)", f"{len(now)} files, none added or dropped"))


def _compare_rule_pack(report: Report, pack, check: CheckOutcome) -> None:
    recorded_digest = str(report.rule_pack.get("digest"))
    recorded_version = report.rule_pack.get("version")
    if recorded_digest != pack.digest:
        check.fail(
            _t(
                f"ルールパックが異なります (報告書 {recorded_version} {_short(recorded_digest)}、現在 {pack.version} {_short(pack.digest)})。"
                "再評価は比較できません。署名時と同じ lgai と --rules-dir で検証してください",
                f"a different rule pack (report {recorded_version} {_short(recorded_digest)}, now {pack.version} {_short(pack.digest)}); "
                "re-evaluation is not comparable: verify with the lgai version and --rules-dir used at signing",
            )
        )
    else:
        check.details.append(_t(f"{pack.version} {_short(pack.digest)}", f"{pack.version} {_short(pack.digest)}"))


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _compare_params(report: Report, fresh: Report, check: CheckOutcome) -> None:
    old = {p.name: p for p in report.params}
    new = {p.name: p for p in fresh.params}
    if report.municipality != fresh.municipality:
        check.fail(
            _t(
                f"municipality: 報告書 {_show(report.municipality)}、現在 {_show(fresh.municipality)}",
                f"municipality: report {_show(report.municipality)}, now {_show(fresh.municipality)}",
            )
        )
    for name in sorted(set(old) | set(new)):
        a = _show(old[name].value) if name in old else "—"
        b = _show(new[name].value) if name in new else "—"
        if a != b:
            origin_a = old[name].origin if name in old else "—"
            origin_b = new[name].origin if name in new else "—"
            check.fail(
                _t(
                    f"{name}: 報告書 {a} ({origin_a})、現在 {b} ({origin_b})",
                    f"{name}: report {a} ({origin_a}), now {b} ({origin_b})",
                )
            )
    if check.outcome == FAIL:
        check.details.append(
            _t(
                "--policy-data には署名時に使ったファイルを指定してください (パラメータと自治体の表明が判定を変えます)",
                "--policy-data must be the file used at signing (its parameters and the municipality's attestations change results)",
            )
        )
    else:
        check.details.append(_t(f"{len(new)} 個のパラメータが一致", f"all {len(new)} parameters match"))


def _finding_key(f: Finding) -> tuple:
    return (f.file, f.line, f.field, f.message.ja, f.message.en)


def _describe(f: Finding, lang: str) -> str:
    return f"{f.location()} {f.field}: {f.message.get(lang)}"


def _compare_findings(rid: str, what: Text, old: list[Finding], new: list[Finding], check: CheckOutcome) -> None:
    old_c = Counter(_finding_key(f) for f in old)
    new_c = Counter(_finding_key(f) for f in new)
    by_key = {_finding_key(f): f for f in [*old, *new]}
    for key in sorted(set(old_c) | set(new_c), key=lambda k: (k[0], k[1] or 0, k[2], k[3])):
        f = by_key[key]
        if old_c[key] > new_c[key]:
            check.fail(
                _t(
                    f"{rid}: 報告書にある{what.ja}が再評価にはありません: {_describe(f, 'ja')}",
                    f"{rid}: {what.en} in the report, not in the re-evaluation: {_describe(f, 'en')}",
                )
            )
        elif new_c[key] > old_c[key]:
            check.fail(
                _t(
                    f"{rid}: 再評価で出た{what.ja}が報告書にありません: {_describe(f, 'ja')}",
                    f"{rid}: {what.en} in the re-evaluation, missing from the report: {_describe(f, 'en')}",
                )
            )


FINDING_WORD = _t("指摘", "finding")
OPEN_POINT_WORD = _t("未確定事項", "open point")


def _compare_results(report: Report, fresh: Report, check: CheckOutcome) -> None:
    old = {r.id: r for r in report.results}
    new = {r.id: r for r in fresh.results}
    if report.scope != fresh.scope:
        check.fail(_t(f"判定範囲: 報告書 {report.scope}、再評価 {fresh.scope}", f"scope: report {report.scope}, re-evaluation {fresh.scope}"))
    if report.profile != fresh.profile:
        check.fail(
            _t(
                f"ネットワークモデル: 報告書 {_show(report.profile)}、再評価 {_show(fresh.profile)}",
                f"network models: report {_show(report.profile)}, re-evaluation {_show(fresh.profile)}",
            )
        )
    for rid in sorted(set(old) | set(new)):
        if rid not in new:
            check.fail(_t(f"{rid}: 報告書にある要件が再評価にありません", f"{rid}: in the report, not judged by the re-evaluation"))
            continue
        if rid not in old:
            check.fail(
                _t(
                    f"{rid}: 再評価で判定された要件が報告書にありません (再評価: {new[rid].status})",
                    f"{rid}: judged by the re-evaluation ({new[rid].status}), missing from the report",
                )
            )
            continue
        a, b = old[rid], new[rid]
        if a.status != b.status:
            check.fail(
                _t(
                    f"{rid}: 報告書の判定は {STATUS_TEXT[a.status].ja} ({a.status})、再評価の判定は {STATUS_TEXT[b.status].ja} ({b.status})",
                    f"{rid}: the report says {a.status}, re-evaluation says {b.status}",
                )
            )
        _compare_findings(rid, FINDING_WORD, a.findings, b.findings, check)
        _compare_findings(rid, OPEN_POINT_WORD, a.open_points, b.open_points, check)
    if report.verdict != fresh.verdict:
        check.fail(
            _t(
                f"総合判定: 報告書は {VERDICT_TEXT[report.verdict].ja} ({report.verdict})、再評価は {VERDICT_TEXT[fresh.verdict].ja} ({fresh.verdict})",
                f"verdict: the report says {report.verdict}, re-evaluation says {fresh.verdict}",
            )
        )
    if check.outcome == OK:
        check.details.append(
            _t(
                f"{len(new)} 要件の判定・指摘・未確定事項と総合判定 ({fresh.verdict}) が一致",
                f"all {len(new)} requirements (status, findings, open points) and the verdict ({fresh.verdict}) match",
            )
        )


def _verify_inputs(report: Report, inputs: Path, checks: dict[str, CheckOutcome], engine: str, policy_data, rules_dirs) -> None:
    from .run import PROFILES, Checker, CheckOptions

    inputs = Path(inputs)
    root = inputs.parent if inputs.is_file() else inputs
    _check_hashes(report, root, checks["input_hashes"])

    cli_profile = {v: k for k, v in PROFILES.items()}
    selected = report.profile.get("selected")
    rest = [checks[k] for k in ("input_set", "rule_pack", "params", "reevaluation")]
    if selected is not None and selected not in cli_profile:
        for c in rest:
            c.skip(_t(f"報告書のネットワークモデル {selected!r} が不明なため省略", f"skipped: unknown network model {selected!r} in the report"))
        return
    try:
        as_of = dt.date.fromisoformat(report.as_of)
    except ValueError:
        for c in rest:
            c.skip(_t(f"報告書の判定基準日 {report.as_of!r} が日付でないため省略", f"skipped: the report's as_of {report.as_of!r} is no date"))
        return
    checker = Checker(
        CheckOptions(
            profile=cli_profile.get(selected) if selected else None,
            engine=engine,
            policy_data=Path(policy_data) if policy_data else None,
            rules_dirs=[Path(d) for d in rules_dirs],
            as_of=as_of,
        )
    )
    _compare_rule_pack(report, checker.pack, checks["rule_pack"])
    try:
        service = checker.load(inputs)
    except InputError as exc:
        checks["input_set"].fail(_t("入力ファイルが読み込めなくなっています:", "the inputs no longer load:"))
        for p in exc.problems:
            checks["input_set"].details.append(_t(p.render(), p.render()))
        checks["params"].skip(_t("入力が読み込めないため省略", "skipped: the inputs do not load"))
        checks["reevaluation"].skip(_t("入力が読み込めないため省略", "skipped: the inputs do not load"))
        return
    _compare_input_set(report, service.files, root, checks["input_set"])
    fresh = checker.check_loaded(service)
    _compare_params(report, fresh, checks["params"])
    if checks["rule_pack"].outcome == FAIL:
        checks["reevaluation"].skip(_t("ルールパックが異なり比較できないため省略", "skipped: a different rule pack is not comparable"))
        return
    _compare_results(report, fresh, checks["reevaluation"])


def verify_report(
    report_path: Path,
    pubkey_path: Path,
    inputs: Path | None = None,
    engine: str = "regorus",
    policy_data: Path | None = None,
    rules_dirs: list[Path] | None = None,
) -> VerifyResult:
    """Verify a signed JSON report with the signer's public key and, given `inputs` (the
    service directory or IaC path that was checked), against its inputs.

    A report that fails verification (not JSON, not an lgai report, unsigned, edited,
    signed by another key, inputs changed) gives a result with `ok` False and the reasons.
    An unusable public key, --policy-data or --rules-dir raises InputError."""
    public_key = load_public_key(Path(pubkey_path))
    checks = {key: CheckOutcome(key, title) for key, title in TITLES.items()}
    data, report = _read_report(Path(report_path), checks["report"])
    if data is None:
        for key in ("signed", "key", "signature"):
            checks[key].skip(_t("報告書として読めないため省略", "skipped: the file is not a report"))
    else:
        _verify_signature(data, public_key, checks)
    if inputs is None:
        for key in INPUT_CHECKS:
            checks[key].skip(_t("--inputs なし (入力ファイルとの照合・再評価は行っていません)", "not checked: give --inputs to check the input files and re-evaluate"))
    elif report is None:
        for key in INPUT_CHECKS:
            checks[key].skip(_t("有効な報告書でないため省略", "skipped: the file is not a valid report"))
    else:
        _verify_inputs(report, Path(inputs), checks, engine, policy_data, rules_dirs or [])
    return VerifyResult(report=Path(report_path), checks=list(checks.values()), inputs=Path(inputs) if inputs is not None else None)
