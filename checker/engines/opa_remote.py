"""A remote OPA server over its REST API, through opa-python-client (docs/opa.md).

Two ways to give the server lgai's rules:

- a bundle (`lgai bundle build`) the server already has: `prepare` reads the revision of
  the loaded bundle from `data.system.bundles` and refuses a server whose revision is not
  the one this lgai expects (other rules or other policy data would give other verdicts);
- `--opa-push`: `prepare` uploads every module (`PUT /v1/policies/lgai/...`) and the
  parameters (`PUT /v1/data/lgai/params`), then reads them back.

Evaluation is `POST /v1/data/lgai/rules` with the service's input. Every request has a
timeout; connection errors, timeouts and 5xx answers are retried with exponential backoff
(4xx are not); TLS is verified (with --opa-ca when given). The bearer token goes in the
Authorization header only and is masked in every message and repr.

opa-python-client 3.0.0 is used for the session, the headers and every REST call. It cannot
express a few things lgai needs, so `_Client` subclasses it:
- retries: the client's urllib3 Retry does not retry POST (queries), read timeouts or 503,
  and has a fixed backoff; `_Client` mounts its own Retry (all methods, 500/502/503/504,
  `backoff` exponential, Retry-After ignored so a run stays bounded);
- a CA file: the client's `ssl` is a bool; `_Client` sets the session's `verify` to the file,
  and keeps REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE from replacing it;
- a base path (a server behind a reverse proxy at https://host/opa): the client builds its
  URLs from host and port only; `_Client` adds the path;
- error details: several client calls read the body as JSON before checking the status, or
  raise without the status; a response hook keeps the last response so errors name the
  HTTP status and the server's own message.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urlsplit

from ..secrets import MASK, mask_text
from .base import RULES_ROOT, Engine, EngineError, EngineUnavailable, _outputs

DISTRIBUTION = "opa-python-client"
POLICY_PREFIX = "lgai/"  # ids of the modules --opa-push uploads: lgai/builtin/policies/seg_001.rego
PARAMS_PATH = "lgai/params"
RETRY_STATUSES = (500, 502, 503, 504)
POOL_SIZE = 64  # connections kept per thread's client (--jobs is at most 64)

log = logging.getLogger("lgai.opa")


@dataclass
class OpaSettings:
    url: str
    token: str | None = None
    push: bool = False
    timeout: float = 10.0  # seconds, per request (connect and read)
    retries: int = 3  # on connection errors, timeouts and 5xx
    backoff: float = 0.5  # seconds; the n-th retry waits backoff * 2**(n-1) (the first is immediate)
    ca_file: str | None = None  # PEM bundle to verify the server's certificate (https)
    revision: str | None = None  # the bundle revision lgai expects (checker.bundle.bundle_revision)

    def __repr__(self) -> str:
        token = MASK if self.token else None
        return (
            f"OpaSettings(url={_display_url(self.url)!r}, token={token!r}, push={self.push!r}, timeout={self.timeout!r}, "
            f"retries={self.retries!r}, backoff={self.backoff!r}, ca_file={self.ca_file!r}, revision={self.revision!r})"
        )

    __str__ = __repr__


class OpaServerError(EngineError):
    """The server could not be used (unreachable, too slow, refused, 5xx): no rule can be evaluated.

    Unlike an evaluation error of one rule, it stops the run's remaining requests."""


class OpaEvaluationError(EngineError):
    """OPA answered that evaluating the query failed (HTTP 500 with OPA's evaluation errors):
    a broken rule, which the other rules need not share."""


def _display_url(url: str) -> str:
    return mask_text(str(url))


def _import_client():
    try:
        import requests
        from opa_client import OpaClient
    except ImportError as exc:  # pragma: no cover - dependency of lgai
        raise EngineUnavailable(f"{DISTRIBUTION} is not installed (pip install {DISTRIBUTION}): {exc}") from None
    return requests, OpaClient


def _make_client_class(OpaClient, requests):
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    class _Session(requests.Session):
        """requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE replace the session's `verify`;
        --opa-ca must win over them (the environment's proxies are still honoured)."""

        def __init__(self, ca_file):
            super().__init__()
            self._ca_file = ca_file

        def merge_environment_settings(self, url, proxies, stream, verify, cert):
            merged = super().merge_environment_settings(url, proxies, stream, verify, cert)
            if self._ca_file:
                merged["verify"] = self._ca_file
            return merged

    class _Client(OpaClient):
        """OpaClient with lgai's retries, CA file, base path and error details (see the module doc)."""

        def __init__(self, *, host, port, https, prefix, token, timeout, retries, backoff, ca_file):
            # read by _init_session, which OpaClient.__init__ calls
            self._backoff = backoff
            self._ca_file = ca_file
            self.last_response = None
            super().__init__(host=host, port=port, ssl=https, token=token, retries=retries, timeout=timeout)
            base = f"{self.schema}{self.host}:{self.port}{prefix}"
            self.root_url = f"{base}/{self.version}"
            self.health_url = f"{base}/health"

        def _init_session(self):
            session = _Session(self._ca_file)
            if self.headers:
                session.headers.update(self.headers)
            retry = Retry(
                total=self.retries,
                connect=self.retries,
                read=self.retries,
                status=self.retries,
                other=0,
                allowed_methods=None,  # every method: queries are POST, uploads are idempotent PUTs
                status_forcelist=RETRY_STATUSES,
                backoff_factor=self._backoff,
                backoff_max=30,
                raise_on_status=False,  # the last response comes back, with the server's message
                respect_retry_after_header=False,  # keep the run's duration bounded
            )
            adapter = HTTPAdapter(max_retries=retry, pool_maxsize=POOL_SIZE)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.verify = self._ca_file or True
            if self.cert:
                session.cert = self.cert
            session.hooks["response"].append(self._remember)
            return session

        def _remember(self, response, *args, **kwargs):
            self.last_response = response
            return response

        def get_policies_raw(self) -> dict[str, str]:
            """{id: source} of every module (GET /v1/policies; the client's own listings drop the source)."""
            response = self._session.get(f"{self.root_url}/policies", timeout=self.timeout)
            response.raise_for_status()
            return {p.get("id"): p.get("raw") for p in response.json().get("result") or [] if p.get("id")}

        def __repr__(self) -> str:
            return f"<lgai OPA client {self.root_url}>"

    return _Client


class OpaRemoteEngine(Engine):
    name = "opa"
    concurrent = True  # check_many may evaluate several services at once (one HTTP client per thread)

    def __init__(self, settings: OpaSettings):
        self._requests, opa_client_cls = _import_client()
        self._client_cls = _make_client_class(opa_client_cls, self._requests)
        self.settings = settings
        self._token = settings.token or None
        parts = urlsplit(str(settings.url or "").strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EngineError(f"--opa-url must be an http:// or https:// URL, got '{self._mask(str(settings.url))}'")
        if parts.username or parts.password:
            raise EngineError(f"--opa-url must not carry credentials ({self._mask(settings.url)}): give a bearer token with --opa-token or LGAI_OPA_TOKEN")
        if settings.ca_file and parts.scheme != "https":
            raise EngineError(f"--opa-ca is for an https:// server; {parts.scheme}:// has no TLS to verify")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise EngineError(f"--opa-url has an invalid port: {self._mask(settings.url)}") from None
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        prefix = parts.path.rstrip("/")
        if prefix.endswith("/v1"):
            prefix = prefix[: -len("/v1")]
        self._conn = dict(
            host=host, port=port, https=parts.scheme == "https", prefix=prefix, token=self._token,
            timeout=settings.timeout, retries=settings.retries, backoff=settings.backoff, ca_file=settings.ca_file,
        )
        self.url = f"{parts.scheme}://{host}:{port}{prefix}"
        self.version = f"OPA (version unknown) via {DISTRIBUTION} {metadata.version(DISTRIBUTION)}"
        self.server_revision: str | None = None
        self._local = threading.local()
        self._clients: list = []
        self._lock = threading.Lock()
        self._broken: OpaServerError | None = None
        self._prepared = False

    def __repr__(self) -> str:
        return f"OpaRemoteEngine(url={self.url!r}, token={'****' if self._token else None!r}, push={self.settings.push!r})"

    # -- plumbing ------------------------------------------------------------------------

    def _mask(self, text: str) -> str:
        text = str(text)
        if self._token:
            text = text.replace(self._token, MASK)
        return mask_text(text)

    def _client(self):
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._client_cls(**self._conn)
            self._local.client = client
            with self._lock:
                self._clients.append(client)
        return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = self._clients, []
        for c in clients:
            c.close_connection()

    def _call(self, what: str, fn):
        """Run `fn(client)`; any failure becomes an EngineError naming the server, the request,
        the HTTP status and the server's message (token masked)."""
        if self._broken is not None:
            raise OpaServerError(f"{self._broken} (an earlier request of this run failed; no further requests are sent)")
        client = self._client()
        client.last_response = None
        requests = self._requests
        s = self.settings
        retried = f"after {s.retries} retr{'y' if s.retries == 1 else 'ies'}"
        try:
            result = fn(client)
        except requests.exceptions.SSLError as exc:
            raise self._server_error(f"TLS verification of the OPA server {self.url} failed ({what}): {_reason(exc)}; give the server's CA with --opa-ca") from None
        except requests.exceptions.Timeout:
            raise self._server_error(f"the OPA server {self.url} did not answer {what} within {s.timeout:g} s ({retried})") from None
        except requests.exceptions.ConnectionError as exc:
            if _is_read_timeout(exc):  # requests reports a read timeout that exhausted the retries this way
                raise self._server_error(f"the OPA server {self.url} did not answer {what} within {s.timeout:g} s ({retried})") from None
            raise self._server_error(f"cannot reach the OPA server at {self.url} ({what}, {retried}): {_reason(exc)}") from None
        except Exception as exc:  # HTTP status, the client's own errors, invalid JSON
            response = client.last_response
            if response is not None and not 200 <= response.status_code < 300:
                raise self._http_error(what, response) from None
            if isinstance(exc, ValueError) and response is not None:
                raise self._server_error(f"the OPA server {self.url} answered {what} with invalid JSON (HTTP {response.status_code}): {self._mask(response.text[:200])!r}") from None
            detail = getattr(exc, "message", None) or str(exc) or exc.__class__.__name__
            raise EngineError(self._mask(f"OPA server {self.url}: {what} failed: {detail}")) from None
        response = client.last_response
        if response is not None and not 200 <= response.status_code < 300:
            raise self._http_error(what, response)
        return result

    def _http_error(self, what: str, response) -> EngineError:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict):
            message = str(body.get("message") or "")
            code = body.get("code")
            details = [e.get("message") for e in body.get("errors") or [] if isinstance(e, dict) and e.get("message")]
            if details:
                message = f"{message}: {'; '.join(details[:5])}" if message else "; ".join(details[:5])
            if code:
                message = f"{code}: {message}" if message else str(code)
        else:
            message = (response.text or response.reason or "").strip()[:300]
        text = f"the OPA server {self.url} answered {what} with HTTP {status}" + (f": {message}" if message else "")
        if status in (401, 403):
            text += " (check --opa-token / LGAI_OPA_TOKEN)"
            return self._server_error(text)
        # A 500 carrying OPA's evaluation errors belongs to one rule; other 5xx mean the server failed.
        if status == 500 and isinstance(body, dict) and body.get("code") == "internal_error" and body.get("errors"):
            return OpaEvaluationError(self._mask(text))
        if status >= 500:
            text += f" (after {self.settings.retries} retries)"
            return self._server_error(text)
        return EngineError(self._mask(text))

    def _server_error(self, text: str) -> OpaServerError:
        err = OpaServerError(self._mask(text))
        if self._prepared:
            with self._lock:
                if self._broken is None:
                    self._broken = err
                    log.error("lgai: %s", err)
        return err

    # -- Engine --------------------------------------------------------------------------

    def prepare(self, modules: dict[str, str], data: dict) -> None:
        self._server_version()
        if self.settings.push:
            self._push(modules, data)
        else:
            self._check_revision()
        self._prepared = True

    def _server_version(self) -> None:
        """Reachability (GET /v1/config, then /health) and the server's version label."""
        client_version = metadata.version(DISTRIBUTION)
        try:
            config = self._call("GET /v1/config", lambda c: c.get_config())
        except OpaServerError:
            raise  # unreachable, too slow, 5xx, or the token refused
        except EngineError as exc:  # an OPA without /v1/config, or a proxy that does not pass it
            log.debug("no /v1/config: %s", exc)
            config = {}
        labels = ((config or {}).get("result") or {}).get("labels") or {}
        healthy = self._call("GET /health", lambda c: c.check_health(diagnostic_url=c.health_url))
        if not healthy:
            response = self._client().last_response
            status = f"HTTP {response.status_code}" if response is not None else "no answer"
            raise OpaServerError(self._mask(f"the OPA server {self.url} is not healthy (GET /health: {status})"))
        version = labels.get("version")
        self.version = f"OPA {version or '(version unknown)'} via {DISTRIBUTION} {client_version}"

    def _check_revision(self) -> None:
        expected = self.settings.revision
        hint = "run `lgai bundle build` and load the bundle into the server, or use --opa-push"
        try:
            body = self._call("GET /v1/data/system/bundles", lambda c: c.get_data("system/bundles"))
        except OpaServerError:
            raise
        except EngineError:
            response = self._client().last_response
            if response is None or response.status_code != 200:
                raise
            body = {"result": {}}  # undefined: no bundle loaded
        bundles = body.get("result") or {}
        ours = {
            name: (b or {}).get("manifest") or {}
            for name, b in bundles.items()
            if isinstance(b, dict) and _is_lgai_manifest((b or {}).get("manifest") or {})
        }
        if not ours:
            loaded = ", ".join(f"{n} (revision {((b or {}).get('manifest') or {}).get('revision', '?')})" for n, b in bundles.items()) or "none"
            raise EngineError(
                self._mask(f"the OPA server {self.url} has no lgai bundle loaded (bundles: {loaded}); lgai expects revision {expected}: {hint}")
            )
        revisions = {m.get("revision") for m in ours.values()}
        if len(ours) > 1:
            raise EngineError(self._mask(f"the OPA server {self.url} has {len(ours)} lgai bundles loaded ({', '.join(sorted(ours))}); load one only"))
        self.server_revision = next(iter(revisions))
        if expected is not None and self.server_revision != expected:
            raise EngineError(
                self._mask(
                    f"the OPA server {self.url} has lgai bundle revision {self.server_revision}, but this lgai "
                    f"(rules and policy data) expects revision {expected}: {hint}"
                )
            )

    def _push(self, modules: dict[str, str], data: dict) -> None:
        """Upload the parameters and every module; a module the server already has with the same
        source is left alone (OPA recompiles every module on each PUT, so a re-run stays cheap)."""
        ids = {f"{POLICY_PREFIX}{name}": source for name, source in modules.items()}
        existing = self._call("GET /v1/policies", lambda c: c.get_policies_raw())
        for stale in sorted(set(existing) - set(ids)):
            if stale.startswith(POLICY_PREFIX):
                try:  # modules of an earlier push that this rule pack no longer has
                    self._call(f"DELETE /v1/policies/{stale}", lambda c, s=stale: c.delete_policy(s))
                except OpaServerError:
                    raise
                except EngineError as exc:
                    log.debug("could not delete %s: %s", stale, exc)
        params = data.get("lgai", {}).get("params", {})
        # The data first (rules read it), then the libraries (rules call them), then the rules.
        self._call(f"PUT /v1/data/{PARAMS_PATH}", lambda c: c.update_or_create_data(params, PARAMS_PATH))
        for pid in sorted(ids, key=lambda i: (not _is_library(ids[i]), i)):
            if existing.get(pid) == ids[pid]:
                continue
            self._call(f"PUT /v1/policies/{pid}", lambda c, p=pid: c.update_policy_from_string(ids[p], p, rego_compat=False))
        # Verify: every module is there as sent, and the data reads back the same.
        present = self._call("GET /v1/policies", lambda c: c.get_policies_raw())
        wrong = sorted(pid for pid, source in ids.items() if present.get(pid) != source)
        if wrong:
            raise EngineError(self._mask(f"the OPA server {self.url} does not hold {len(wrong)} module(s) as lgai pushed them: {', '.join(wrong[:5])}"))
        back = self._call(f"GET /v1/data/{PARAMS_PATH}", lambda c: c.get_data(PARAMS_PATH)).get("result")
        if _canonical(back) != _canonical(params):
            raise EngineError(self._mask(f"the OPA server {self.url} does not return the policy data lgai pushed to data.lgai.params"))
        self.server_revision = self.settings.revision

    def eval_document(self, path: str, input_doc: dict):
        if not self._prepared:
            raise EngineError("engine not prepared")
        rel = path.replace(".", "/")
        # strict-builtin-errors: OPA's REST API treats a builtin error as undefined by default, which
        # would turn a broken rule into a silent pass; strict makes it an error (fail closed).
        body = self._call(
            f"POST /v1/data/{rel}", lambda c: c.query_rule(input_doc, rel, query_params={"strict-builtin-errors": "true"})
        )
        if not isinstance(body, dict):
            raise EngineError(self._mask(f"the OPA server {self.url} answered POST /v1/data/{rel} with {type(body).__name__}, not an object"))
        return body.get("result")

    def eval_many(self, paths: list[str], input_doc: dict) -> list:
        """Each path's value, or its OpaEvaluationError; any other failure (the server's, or a
        4xx that every path would get) is raised."""
        out = []
        for path in paths:
            try:
                out.append(self.eval_document(path, input_doc))
            except OpaEvaluationError as exc:
                out.append(exc)
        return out

    def evaluate_rules(self, input_doc: dict, packages: list[str], whole_tree: bool = True) -> dict:
        """One request for the whole rule tree, always: a round trip costs more than the server's
        evaluation (whole_tree=False keeps an in-process engine's memory flat; the server's memory
        is the server's). When the tree fails to evaluate (a broken rule), each package is asked
        alone so that the others still give answers; any other failure is raised (evaluate.py then
        reports every Rego rule as an error: never a pass)."""
        try:
            tree = self.eval_document(RULES_ROOT, input_doc) or {}
            return {p: _outputs(tree.get(p) or {}) for p in packages}
        except OpaEvaluationError:
            pass
        values = self.eval_many([f"{RULES_ROOT}.{p}" for p in packages], input_doc)
        return {p: (v if isinstance(v, EngineError) else _outputs(v or {})) for p, v in zip(packages, values)}


def _reason(exc: Exception) -> str:
    """The innermost reason of a requests/urllib3 error, without the URL and object noise around it."""
    text = str(exc)
    m = re.search(r"certificate verify failed: ([^()'\"]+)", text)
    if m:
        return f"certificate verify failed: {m.group(1).strip()}"
    m = re.search(r"Failed to resolve '([^']*)' \((?:\[Errno -?\d+\] )?([^)]+)\)", text)
    if m:
        return f"cannot resolve {m.group(1)}: {m.group(2).strip()}"
    m = re.search(r"Failed to establish a new connection: (?:\[Errno -?\d+\] )?([^'\")]+)", text)
    if m:
        return m.group(1).strip().rstrip(".")
    m = re.search(r"\(Caused by (\w+)\(", text)
    if m:
        return m.group(1)
    return text[:300] or exc.__class__.__name__


def _is_read_timeout(exc: Exception) -> bool:
    from urllib3.exceptions import MaxRetryError, ReadTimeoutError

    inner = exc.args[0] if exc.args else None
    return isinstance(inner, ReadTimeoutError) or (isinstance(inner, MaxRetryError) and isinstance(inner.reason, ReadTimeoutError))


def _is_library(source: str) -> bool:
    for line in source.splitlines():
        if line.startswith("package "):
            return not line.split()[1].startswith("lgai.rules.")
    return False


def _is_lgai_manifest(manifest: dict) -> bool:
    meta = manifest.get("metadata") or {}
    return "lgai_version" in meta or "lgai" in (manifest.get("roots") or [])


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
