"""The `lgai` command: a thin shell over the `checker` package.

Exit codes: 0 no failure at or above --fail-on; 1 such a failure; 2 bad input or usage,
or a verdict that could not be determined (a rule or the engine failed).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checker import __version__
from checker.errors import InputError, RuleError
from checker.secrets import mask_text

SEVERITIES = ("critical", "high", "medium", "low")
FAIL_ON = SEVERITIES + ("never",)
EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
MAX_PROBLEMS_SHOWN = 200  # input problems printed (a hostile file can hold 100,000 unknown keys)


def _die(message: str) -> None:
    click.echo(mask_text(message), err=True)
    sys.exit(EXIT_ERROR)


def _guard(fn):
    """Turn expected errors into a clear message and exit code 2, never a traceback."""

    def wrapper(*args, **kwargs):
        from checker.engines import EngineError

        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            shown = [p.render() for p in exc.problems[:MAX_PROBLEMS_SHOWN]]
            if len(exc.problems) > MAX_PROBLEMS_SHOWN:
                shown.append(f"… and {len(exc.problems) - MAX_PROBLEMS_SHOWN} more problems (fix these first)")
            _die("lgai: input error\n" + "\n".join("  " + line for line in shown))
        except RuleError as exc:
            _die(f"lgai: rule pack error: {exc}")
        except EngineError as exc:
            _die(f"lgai: engine error: {exc}")
        except OSError as exc:
            _die(f"lgai: {str(exc.filename) + ': ' if exc.filename else ''}{exc.strerror or exc}")
        except KeyboardInterrupt:  # click would exit 1, which reads as "non-compliant"
            _die("lgai: interrupted, no verdict")
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug must not look like a verdict (exit 1) or print a traceback
            _die(f"lgai: internal error, no verdict: {exc.__class__.__name__}: {str(exc)[:500]} (please report this)")

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lgai")
def main() -> None:
    """lgai — 自治体向けクラウドAIサービスの情報セキュリティ要件チェッカー.

    Checks a cloud AI service's declared architecture and data flows against the
    requirements of the MIC municipal security guideline and AI guidance.
    """


def _options(profile, engine, policy_data, rules_dir, as_of):
    from checker.run import CheckOptions

    return CheckOptions(
        profile=profile,
        engine=engine,
        policy_data=Path(policy_data) if policy_data else None,
        rules_dirs=[Path(d) for d in rules_dir],
        as_of=as_of,
    )


common_rule_options = [
    click.option("--policy-data", type=click.Path(dir_okay=False), help="自治体のパラメータ (YAML) / municipality's parameter file"),
    click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False), help="追加ルールのディレクトリ / extra rules"),
]


def _add(options):
    def deco(fn):
        for opt in reversed(options):
            fn = opt(fn)
        return fn

    return deco


FORMAT_NAMES = ["text", "json", "markdown", "html", "csv", "sarif", "junit", "oscal"]


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--profile", type=click.Choice(["alpha", "alpha-prime", "beta", "beta-prime"]), help="自治体のネットワークモデル (省略時は宣言された全モデル)")
@click.option("--format", "fmts", multiple=True, type=click.Choice(FORMAT_NAMES), help="出力形式 (複数可、既定 text) / output format, repeatable")
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False), help="書き出し先 (--format ごとに同じ順で) / one file per --format")
@click.option("--output-dir", type=click.Path(file_okay=False), help="指定した全形式をこのディレクトリへ / write every format here")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="high", show_default=True, help="この重要度以上の不適合で終了コード1")
@click.option("--engine", type=click.Choice(["regorus", "opa-go", "opa"]), default="regorus", show_default=True, help="Rego エンジン (opa: --opa-url の OPA サーバ)")
@click.option("--as-of", callback=_date, help="判定基準日 YYYY-MM-DD (期限・証跡の鮮度の判定。省略時は今日)")
@click.option("--opa-url", help="OPA サーバの URL (--engine opa) / OPA server URL")
@click.option("--opa-token", envvar="LGAI_OPA_TOKEN", help="OPA の Bearer トークン (環境変数 LGAI_OPA_TOKEN でも可; 表示されない)")
@click.option("--opa-push", is_flag=True, help="評価の前にルールとデータを OPA サーバへ登録する / upload policies and data first")
@click.option("--opa-timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True, help="OPA への1リクエストのタイムアウト (秒)")
@click.option("--opa-ca", type=click.Path(dir_okay=False, exists=True), help="OPA サーバの TLS 証明書を検証する CA ファイル")
@click.option("--jobs", type=click.IntRange(1, 64), default=4, show_default=True, help="複数サービスを同時に評価する数 (--engine opa)")
@click.option("--sign", "sign_key", type=click.Path(dir_okay=False, exists=True), help="JSON 報告書に Ed25519 で署名する秘密鍵 (lgai keygen)")
@_add(common_rule_options)
@_guard
def check(paths, profile, fmts, outputs, output_dir, lang, fail_on, engine, as_of, opa_url, opa_token, opa_push, opa_timeout, opa_ca, jobs, sign_key, policy_data, rules_dir):
    """サービスを検査して判定を出す / check services and report a verdict."""
    from checker.atomic import write_atomic
    from checker.outputs import OutputUsageError, plan_outputs, render_all
    from checker.run import Checker

    try:
        plan = plan_outputs(list(fmts), list(outputs), output_dir, len(paths))
    except OutputUsageError as exc:
        raise click.UsageError(str(exc)) from None
    sign = None
    if sign_key:
        if "json" not in [o.fmt for o in plan]:
            raise click.UsageError("--sign signs the JSON report: add --format json")
        from checker.signing import load_private_key, sign_report_json

        key = load_private_key(Path(sign_key))
        sign = lambda text: sign_report_json(text, key)  # noqa: E731
    options = _options(profile, engine, policy_data, rules_dir, as_of)
    if engine == "opa" or opa_url:
        if engine != "opa":
            raise click.UsageError("--opa-url is for --engine opa")
        from checker.engines.opa_remote import OpaSettings

        options.opa = OpaSettings(url=opa_url, token=opa_token, push=opa_push, timeout=opa_timeout, ca_file=opa_ca)
    checker = Checker(options)
    # All inputs are loaded and validated before anything is written; with several services the
    # evaluations run concurrently (useful when an OPA server evaluates them).
    reports = list(zip([Path(p) for p in paths], checker.check_many([Path(p) for p in paths], jobs=jobs)))

    color = sys.stdout.isatty()
    rendered = render_all(plan, reports, lang, color=color, sign=sign)  # everything rendered before anything is written
    if output_dir:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
    for path, text in rendered:
        if path is None:
            click.echo(text, nl=False)
        else:
            write_atomic(path, text)
    sys.exit(exit_code([r for _, r in reports], fail_on))


def exit_code(reports, fail_on: str) -> int:
    from checker.rulepack import SEVERITY_ORDER

    if any(r.verdict == "not_determinable" for r in reports):
        click.echo("lgai: verdict not determinable: a rule or the engine failed (see the report)", err=True)
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_ORDER[fail_on]
    for r in reports:
        for res in r.results:
            if res.status == "fail" and SEVERITY_ORDER[res.severity] >= threshold:
                return EXIT_FAIL
    return EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--policy-data", type=click.Path(dir_okay=False))
@_guard
def validate(paths, policy_data):
    """入力ファイルだけを検証する / validate the input files only."""
    from checker.run import Checker, CheckOptions

    checker = Checker(CheckOptions(policy_data=Path(policy_data) if policy_data else None))
    for p in paths:
        service = checker.load(Path(p))
        for f in service.files:
            click.echo(f"OK  {Path(p) / f.path}  sha256:{f.sha256[:16]}…")
    sys.exit(EXIT_OK)


@main.group()
def rules() -> None:
    """ルールの一覧・詳細 / list and show rules."""


@rules.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False))
@_guard
def rules_list(fmt, lang, rules_dir):
    """ルールの一覧 / list the rules."""
    from checker.rulepack import load_rule_pack
    from checker.ruledocs import rules_json, rules_markdown, rules_table

    pack = load_rule_pack([Path(d) for d in rules_dir])
    if fmt == "json":
        click.echo(rules_json(pack))
    elif fmt == "markdown":
        click.echo(rules_markdown(pack, lang), nl=False)
    else:
        rules_table(pack, lang)


@rules.command("show")
@click.argument("rule_id")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False))
@_guard
def rules_show(rule_id, lang, rules_dir):
    """ルールの詳細 / show one rule."""
    from checker.rulepack import load_rule_pack
    from checker.ruledocs import rule_detail

    pack = load_rule_pack([Path(d) for d in rules_dir])
    rule = pack.by_id(rule_id.upper())
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id.upper(), [r.meta.id for r in pack.rules], n=1)
        _die(f"lgai: no rule '{rule_id}'" + (f" (did you mean {close[0]}?)" if close else ""))
    click.echo(rule_detail(rule, lang), nl=False)


@rules.command("coverage")
@_guard
def rules_coverage():
    """カタログの各行がどのルールで扱われているか (Markdown) / catalog coverage."""
    from checker.catalog import coverage_markdown
    from checker.rulepack import load_rule_pack

    click.echo(coverage_markdown(load_rule_pack()), nl=False)


@main.command()
@click.argument("rule_id")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@_add(common_rule_options)
@_guard
def explain(rule_id, lang, policy_data, rules_dir):
    """要件の説明: 根拠・判定方法・しきい値・是正策 / explain a requirement."""
    import difflib

    from checker.catalog import load_snapshot
    from checker.policydata import load_policy_data
    from checker.rulepack import builtin_rules_dir, load_rule_pack
    from checker.ruledocs import explain as explain_rule

    pack = load_rule_pack([Path(d) for d in rules_dir])
    rule = pack.by_id(rule_id.upper())
    if rule is None:
        close = difflib.get_close_matches(rule_id.upper(), [r.meta.id for r in pack.rules], n=1)
        _die(f"lgai: no rule '{rule_id}'" + (f" (did you mean {close[0]}?)" if close else ""))
    policy = load_policy_data(builtin_rules_dir() / "data", Path(policy_data) if policy_data else None)
    rows = {r["id"]: r for r in load_snapshot()}
    click.echo(explain_rule(rule, lang, policy, rows), nl=False)


@main.command("test-rules")
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False, exists=True))
@click.option("--engine", type=click.Choice(["regorus", "opa-go"]), default="regorus", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="成功したテストも表示する")
@_guard
def test_rules(rules_dir, engine, verbose):
    """ルールのテスト (Rego 単体テストと事例) を実行する / run a rule pack's tests."""
    from checker.ruletests import run_rule_tests

    outcomes = run_rule_tests(Path(rules_dir) if rules_dir else None, engine)
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes:
        if verbose or not o.passed:
            click.echo(f"{'PASS' if o.passed else 'FAIL'}  [{o.kind}] {o.name}" + (f"\n      {o.detail}" if o.detail else ""))
    rego = [o for o in outcomes if o.kind == "rego"]
    fx = [o for o in outcomes if o.kind == "fixture"]
    click.echo(
        f"rego unit tests: {sum(o.passed for o in rego)}/{len(rego)} passed; "
        f"fixture cases: {sum(o.passed for o in fx)}/{len(fx)} passed ({engine})"
    )
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    if not outcomes:
        _die("lgai: no tests found")
    sys.exit(EXIT_FAIL if failed else EXIT_OK)


@main.command()
@click.argument("name", type=click.Choice(["lgai", "dataflows", "report", "iac-resource"]), default="lgai")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="書き出し先")
@_guard
def schema(name, output):
    """JSON Schema を出力する (エディタ補完用) / print a JSON Schema."""
    from checker.atomic import write_atomic
    from checker.schemas import schema_json

    text = schema_json(name)
    if output:
        write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("-o", "--output", "name", required=True, type=click.Path(dir_okay=False), help="秘密鍵のファイル名 (公開鍵は NAME.pub)")
@click.option("--force", is_flag=True, help="既存の鍵を上書きする")
@_guard
def keygen(name, force):
    """報告書に署名する Ed25519 の鍵を作る / create an Ed25519 key pair for signing reports."""
    from checker.signing import generate_keypair

    from checker.signing import load_public_key, public_key_fingerprint

    private, public = generate_keypair(Path(name), overwrite=force)
    fingerprint = public_key_fingerprint(load_public_key(Path(public)))
    click.echo(f"private key: {private} (owner read/write only)\npublic key:  {public}\nfingerprint: sha256:{fingerprint}")


@main.command()
@click.argument("report", type=click.Path(dir_okay=False, exists=True))
@click.option("--pubkey", required=True, type=click.Path(dir_okay=False, exists=True), help="署名者の公開鍵 (lgai keygen の NAME.pub)")
@click.option("--inputs", type=click.Path(exists=True), help="検査した入力 (サービスのディレクトリ): ハッシュと再評価の結果も照合する")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--engine", type=click.Choice(["regorus", "opa-go"]), default="regorus", show_default=True)
@_add(common_rule_options)
@_guard
def verify(report, pubkey, inputs, lang, engine, policy_data, rules_dir):
    """署名済み報告書を検証する / verify a signed report (and, with --inputs, that it still matches its inputs)."""
    from checker.signing import verify_report

    result = verify_report(
        Path(report), Path(pubkey), inputs=Path(inputs) if inputs else None, engine=engine,
        policy_data=Path(policy_data) if policy_data else None, rules_dirs=[Path(d) for d in rules_dir],
    )
    click.echo(result.render(lang), nl=False)
    sys.exit(EXIT_OK if result.ok else EXIT_FAIL)


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "html", "csv"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="書き出し先 (省略時は標準出力)")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@_guard
def compare(reports, fmt, output, lang):
    """複数の事業者の報告書を要件ごとに比較する / compare vendors' reports requirement by requirement."""
    from checker.atomic import write_atomic
    from checker.compare import compare_reports, load_reports, render_comparison

    text = render_comparison(compare_reports(load_reports([Path(r) for r in reports])), fmt, lang, color=output is None and sys.stdout.isatty())
    if output:
        write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False, exists=True))
@click.argument("new", type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="書き出し先 (省略時は標準出力)")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@_guard
def diff(old, new, fmt, output, lang):
    """同じサービスの2回の検査結果の差分 / what got better or worse between two reports."""
    from checker.atomic import write_atomic
    from checker.compare import load_reports
    from checker.diff import diff_reports, render_diff

    old_report, new_report = load_reports([Path(old), Path(new)])
    result = diff_reports(old_report, new_report)
    text = render_diff(result, fmt, lang, color=output is None and sys.stdout.isatty() and fmt == "text")
    if output:
        write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_FAIL if result.worse else EXIT_OK)


@main.group()
def bundle() -> None:
    """OPA バンドル / OPA bundles of the rules (docs/opa.md)."""


@bundle.command("build")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="書き出すバンドル (例 lgai-bundle.tar.gz)")
@_add(common_rule_options)
@_guard
def bundle_build(output, policy_data, rules_dir):
    """OPA サーバが読み込むバンドルを作る / build the bundle an OPA server loads (opa run --server --bundle FILE)."""
    from checker.bundle import build_bundle

    info = build_bundle(Path(output), Path(policy_data) if policy_data else None, [Path(d) for d in rules_dir])
    click.echo(f"bundle:   {info.path} ({info.size:,} bytes, {len(info.modules)} Rego modules, roots: {', '.join(info.roots)})")
    click.echo(f"revision: {info.revision}")
    if info.python_rules:
        click.echo("Python rules lgai evaluates itself (not in the bundle; reports stay complete with --engine opa):")
        for rule_id in info.python_rules:
            click.echo(f"  {rule_id}")
    click.echo(f"attestation requirements judged by lgai: {len(info.attestation_requirements)}")
    click.echo(f"serve it: opa run --server --bundle {info.path}  then  lgai check --engine opa --opa-url http://HOST:8181 ...")


@main.group()
def iac() -> None:
    """IaC の読み取り結果 / what lgai reads from IaC."""


@iac.command("facts")
@click.argument("path", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="書き出し先 (省略時は標準出力)")
@_guard
def iac_facts(path, fmt, output):
    """IaC から抽出した正規化済みリソースと checkov の結果を表示する / print the normalised IaC facts rules read."""
    import json

    import yaml

    from checker.atomic import write_atomic
    from checker.iac.dump import facts_document
    from checker.run import Checker
    from checker.secrets import mask

    doc = mask(facts_document(Checker(), Path(path)))
    if fmt == "json":
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    if output:
        write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
