"""One check, end to end: load -> validate -> normalise -> evaluate -> Report.

A `Checker` loads policy data and the rule pack and compiles the Rego once; `check()`
then runs for as many services as needed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .engines import make_engine
from .errors import InputError, Problem
from .evaluate import evaluate_rules
from .iac import IacInput, load_iac
from .iac.checkov_map import load_checkov_map
from .iac.evidence import IacCheckEvidence
from .load import InputFile, ServiceInput, has_declaration, load_service
from .normalise import build_iac_only_input, build_input
from .policydata import load_policy_data
from .report import IacFileRef, IacSummary, InputFileRef, ParamUsed, Report, summarise, verdict_of
from .rulepack import builtin_rules_dir, load_rule_pack

PROFILES = {"alpha": "alpha", "alpha-prime": "alpha_prime", "beta": "beta", "beta-prime": "beta_prime"}


@dataclass
class CheckOptions:
    profile: str | None = None  # CLI spelling: alpha, alpha-prime, beta, beta-prime
    engine: str = "regorus"
    policy_data: Path | None = None
    rules_dirs: list[Path] = field(default_factory=list)
    as_of: dt.date | None = None  # the day requirements are judged on (expiry, evidence age)
    opa: object | None = None  # checker.engines.opa_remote.OpaSettings for engine "opa"
    now: dt.datetime | None = None  # the report's timestamp


class Checker:
    def __init__(self, options: CheckOptions | None = None):
        self.options = options or CheckOptions()
        if self.options.profile is not None and self.options.profile not in PROFILES:
            raise InputError.single("--profile", f"unknown profile '{self.options.profile}'", hint=f"use one of {', '.join(PROFILES)}")
        self.policy = load_policy_data(builtin_rules_dir() / "data", self.options.policy_data)
        self.pack = load_rule_pack(self.options.rules_dirs)
        if self.options.engine == "opa" and self.options.opa is not None:
            from .bundle import bundle_revision

            # the revision a server's bundle must have: these rules with these parameters
            self.options.opa.revision = bundle_revision(self.pack, self.policy)
        self.engine = make_engine(self.options.engine, opa=self.options.opa)
        self.engine.prepare(self.pack.rego_modules, {"lgai": {"params": self.policy.as_data()}})
        self.checkov_map = load_checkov_map(builtin_rules_dir(), {r.meta.id for r in self.pack.rules})

    def load(self, path: Path) -> ServiceInput:
        """Load a service directory (lgai.yaml, data-flow manifests, and IaC when present),
        or an IaC-only directory or file (no lgai.yaml)."""
        path = Path(path)
        if path.is_file() or (path.is_dir() and not has_declaration(path)):
            return self._load_iac_only(path)
        service = load_service(path, self.policy.scheme)
        self._check_attestations(service)
        service.iac = self._load_iac(service.root, service.declaration.iac.paths or None)
        if service.iac is not None:
            service.files += [InputFile(p, digest, kind) for p, digest, kind in service.iac.digests]
        return service

    def _load_iac(self, root: Path, paths: list[str] | None) -> IacInput | None:
        return load_iac(root, paths, sorted(self.checkov_map.checks), builtin_rules_dir() / "checkov")

    def _load_iac_only(self, path: Path) -> ServiceInput:
        root, paths = (path.parent, [path.name]) if path.is_file() else (path, None)
        iac = self._load_iac(root, paths)
        if iac is None:
            if path.is_file():
                raise InputError.single(str(path), "not an IaC file lgai reads (Terraform, plan JSON, CloudFormation, Kubernetes)")
            load_service(path, self.policy.scheme)  # raises the "no lgai.yaml" error with its hint
        if not iac.resources:
            # Nothing to judge must not come out as 適合 (every rule not applicable): fail closed.
            shown = ", ".join(p for p, _, _ in iac.digests[:5])
            raise InputError.single(
                str(path), f"the IaC files ({shown}) define no resources: nothing to judge",
                hint="point lgai at the directory that defines the resources, or at a plan JSON",
            )
        files = [InputFile(p, digest, kind) for p, digest, kind in iac.digests]
        return ServiceInput(root=root, declaration=None, declaration_doc=None, manifests=[], files=files, iac=iac)

    def today(self) -> dt.date:
        return self.options.as_of or dt.date.today()

    def check(self, path: Path) -> Report:
        service = self.load(path)
        return self.check_loaded(service)

    def check_many(self, paths: list[Path], jobs: int = 1) -> list[Report]:
        """Reports for several services, in the order given. Every service is loaded and validated
        first (an input error stops the run before any evaluation); evaluations then run on up to
        `jobs` threads when the engine allows it (a remote OPA server), else one after another."""
        services = [self.load(p) for p in paths]
        if jobs <= 1 or len(services) <= 1 or not getattr(self.engine, "concurrent", False):
            return [self.check_loaded(s) for s in services]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(self.check_loaded, services))

    def iac_rules(self):
        """Rules judged on an IaC-only directory: checks that read nothing but IaC."""
        return [r for r in self.pack.rules if r.meta.kind == "check" and set(r.meta.input) == {"iac"}]

    def check_loaded(self, service: ServiceInput) -> Report:
        opts = self.options
        now = opts.now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        as_of = opts.as_of or now.date()
        profile = PROFILES[opts.profile] if opts.profile else None
        iac_only = service.declaration is None
        if iac_only:
            doc = build_iac_only_input(service.iac, profile=profile, as_of=as_of)
        else:
            doc = build_input(service, self.policy, profile=profile, as_of=as_of)
        evidence = IacCheckEvidence(self.checkov_map, service.iac.records, doc["iac"]["resources"]) if service.iac is not None else None
        rules = self.iac_rules() if iac_only else None
        results = evaluate_rules(self.pack, self.engine, doc, service, self.policy, as_of, rules=rules, checkov=evidence)
        decl = service.declaration
        if iac_only:
            service_info = {"name": service.root.resolve().name, "vendor": None, "version": None, "delivery": None}
        else:
            service_info = {"name": decl.service.name, "vendor": decl.service.vendor, "version": decl.service.version, "delivery": decl.delivery}
        return Report(
            tool={"name": "lgai", "version": __version__},
            rule_pack={"version": self.pack.version, "digest": self.pack.digest, "rules": len(self.pack.rules)},
            engine={"name": self.engine.name, "version": self.engine.version},
            generated_at=now.isoformat(),
            as_of=as_of.isoformat(),
            service=service_info,
            scope="iac_only" if iac_only else "service",
            inputs=[InputFileRef(path=f.path, sha256=f.sha256, kind=f.kind) for f in service.files],
            profile=doc["profile"],
            municipality=self.policy.municipality,
            params=[
                ParamUsed(name=k, value=v.value, source=v.source, honesty=v.honesty, origin=v.origin)
                for k, v in sorted(self.policy.provenance.items())
            ],
            results=results,
            iac=iac_summary(service.iac, doc) if service.iac is not None else None,
            summary=summarise(results),
            verdict=verdict_of(results),
        )

    def _check_attestations(self, service: ServiceInput) -> None:
        """An attestation naming no known requirement is a typo that would silently not count."""
        known = set()
        for r in self.pack.rules:
            known.add(r.meta.id)
            known.update(r.meta.catalog)
        today = self.options.as_of or dt.date.today()
        problems = []
        sources = [(service.declaration_doc, service.declaration.attestations)]
        if self.policy.doc is not None:
            sources.append((self.policy.doc, self.policy.attestations))
        for doc, attestations in sources:
            problems += self._attestation_problems(doc, attestations, known, today)
        if problems:
            raise InputError(problems)

    @staticmethod
    def _attestation_problems(doc, attestations, known, today) -> list[Problem]:
        problems = []
        for i, a in enumerate(attestations):
            if a.requirement not in known:
                close = difflib.get_close_matches(a.requirement, sorted(known), n=1, cutoff=0.6)
                problems.append(
                    Problem(
                        doc.file,
                        f"attestation names unknown requirement '{a.requirement}'",
                        line=doc.line_of(("attestations", i, "requirement")),
                        field=f"attestations[{i}].requirement",
                        hint=f"did you mean '{close[0]}'?" if close else "see `lgai rules list`",
                    )
                )
            if a.date > today:
                problems.append(
                    Problem(
                        doc.file,
                        f"attestation date {a.date} is in the future",
                        line=doc.line_of(("attestations", i, "date")),
                        field=f"attestations[{i}].date",
                    )
                )
        return problems


def iac_summary(iac: IacInput, doc: dict) -> IacSummary:
    by_cloud: dict[str, int] = {}
    by_category: dict[str, int] = {}
    for r in iac.resources:
        by_cloud[r.cloud] = by_cloud.get(r.cloud, 0) + 1
        by_category[r.category] = by_category.get(r.category, 0) + 1
    files = [IacFileRef(path=path, framework=kind.split(":", 1)[1]) for path, _, kind in iac.digests]
    return IacSummary(
        files=files,
        resources=len(iac.resources),
        by_cloud=dict(sorted(by_cloud.items())),
        by_category=dict(sorted(by_category.items())),
        checkov_version=iac.checkov_version,
        checks_run=iac.checks_run,
        linked=sum(1 for r in doc["iac"]["resources"] if not r["holds"]["assumed"]),
        notes=iac.notes,
    )
